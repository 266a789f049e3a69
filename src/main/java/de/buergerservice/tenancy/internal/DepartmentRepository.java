package de.buergerservice.tenancy.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, UUID> {

    List<Department> findByTenantIdOrderByName(UUID tenantId);

    Optional<Department> findByIdAndTenantId(UUID id, UUID tenantId);

    boolean existsByTenantIdAndNameIgnoreCase(UUID tenantId, String name);

    long deleteByTenantId(UUID tenantId);
}
