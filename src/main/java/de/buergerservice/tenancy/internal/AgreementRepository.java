package de.buergerservice.tenancy.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgreementRepository extends JpaRepository<CooperationAgreement, UUID> {

    List<CooperationAgreement> findByClientTenantIdInOrderByStartDateDesc(Collection<UUID> tenantIds);

    List<CooperationAgreement> findAllByOrderByStartDateDesc();

    boolean existsByClientTenantId(UUID tenantId);

    boolean existsByServiceCenterId(UUID serviceCenterId);
}
