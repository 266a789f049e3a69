package de.buergerservice.knowledge.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ServiceVersionRepository extends JpaRepository<ServiceVersion, UUID> {

    /** The versions of the entry and of this tenant's override — never another tenant's override. */
    @Query("""
            select v from ServiceVersion v
            where v.serviceId = :serviceId and (v.tenantId is null or v.tenantId = :tenantId)
            order by v.changedAt desc, v.number desc""")
    List<ServiceVersion> history(UUID serviceId, UUID tenantId);

    @Query("""
            select v from ServiceVersion v
            where v.id = :id and v.serviceId = :serviceId and (v.tenantId is null or v.tenantId = :tenantId)""")
    Optional<ServiceVersion> findVisible(UUID id, UUID serviceId, UUID tenantId);

    /** The latest version of one layer; a {@code null} tenant is the catalogue entry's own layer. */
    Optional<ServiceVersion> findFirstByServiceIdAndTenantIdAndLayerOrderByNumberDesc(
            UUID serviceId, UUID tenantId, ServiceVersion.Layer layer);

    long deleteByTenantId(UUID tenantId);
}
