package de.buergerservice.applications.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface FormVersionRepository extends JpaRepository<FormVersion, UUID> {

    Optional<FormVersion> findByFormIdAndNumber(UUID formId, int number);

    List<FormVersion> findByFormIdOrderByNumberDesc(UUID formId);

    long deleteByTenantId(UUID tenantId);
}
