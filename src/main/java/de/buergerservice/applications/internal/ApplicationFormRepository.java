package de.buergerservice.applications.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationFormRepository extends JpaRepository<ApplicationForm, UUID> {

    Optional<ApplicationForm> findByTenantIdAndFormKey(UUID tenantId, String formKey);

    List<ApplicationForm> findByTenantIdOrderByTitle(UUID tenantId);

    List<ApplicationForm> findByTenantIdAndPublishedVersionIsNotNullOrderByTitle(UUID tenantId);

    List<ApplicationForm> findByTenantIdAndServiceIdAndPublishedVersionIsNotNullOrderByTitle(
            UUID tenantId, UUID serviceId);

    long deleteByTenantId(UUID tenantId);
}
