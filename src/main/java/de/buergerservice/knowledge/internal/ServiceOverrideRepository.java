package de.buergerservice.knowledge.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceOverrideRepository extends JpaRepository<ServiceOverride, UUID> {

    List<ServiceOverride> findByTenantId(UUID tenantId);

    Optional<ServiceOverride> findByTenantIdAndServiceId(UUID tenantId, UUID serviceId);

    long deleteByTenantId(UUID tenantId);
}
