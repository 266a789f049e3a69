package de.buergerservice.knowledge.internal.search;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SynonymEntryRepository extends JpaRepository<SynonymEntry, UUID> {

    List<SynonymEntry> findByTenantIdOrderByTerm(UUID tenantId);

    Optional<SynonymEntry> findByIdAndTenantId(UUID id, UUID tenantId);

    boolean existsByTenantIdAndTermKey(UUID tenantId, String termKey);

    long deleteByTenantId(UUID tenantId);

    // the ServiceCenter-wide list: no tenant

    List<SynonymEntry> findByTenantIdIsNullOrderByTerm();

    Optional<SynonymEntry> findByIdAndTenantIdIsNull(UUID id);

    boolean existsByTenantIdIsNullAndTermKey(String termKey);
}
