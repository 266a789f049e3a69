package de.buergerservice.identity.internal;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, UUID> {

    @Query("""
            select a from AuditEntry a
            where (:entityType is null or a.entityType = :entityType)
              and (:entityId is null or a.entityId = :entityId)
              and (:actor is null or a.actor = :actor)
            order by a.occurredAt desc""")
    Page<AuditEntry> search(String entityType, UUID entityId, String actor, Pageable page);
}
