package de.buergerservice.knowledge.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ServiceEntryRepository extends JpaRepository<ServiceEntry, UUID> {

    /** The catalogue entries and the tenant's own entries: everything a tenant's view is made of. */
    @Query("select s from ServiceEntry s where s.tenantId is null or s.tenantId = :tenantId order by s.title")
    List<ServiceEntry> visibleTo(UUID tenantId);

    @Query("select s from ServiceEntry s where s.tenantId is null order by s.title")
    List<ServiceEntry> catalogue();

    List<ServiceEntry> findByTenantIdOrderByTitle(UUID tenantId);

    /** The first page of non-archived catalogue entries in id order (for reading them all page by page). */
    @Query("""
            select s from ServiceEntry s
            where s.tenantId is null and s.state <> de.buergerservice.knowledge.ServiceState.ARCHIVED
            order by s.id""")
    List<ServiceEntry> cataloguePage(Limit limit);

    /** The next page after {@code after}. */
    @Query("""
            select s from ServiceEntry s
            where s.tenantId is null and s.state <> de.buergerservice.knowledge.ServiceState.ARCHIVED
              and s.id > :after
            order by s.id""")
    List<ServiceEntry> cataloguePageAfter(UUID after, Limit limit);

    @Query("""
            select s from ServiceEntry s
            where s.id = :id and (s.tenantId is null or s.tenantId = :tenantId)""")
    Optional<ServiceEntry> findVisible(UUID id, UUID tenantId);

    @Query("select s from ServiceEntry s where s.source = :source and s.tenantId is null")
    List<ServiceEntry> catalogueFrom(String source);

    @Query("select s from ServiceEntry s where s.source = :source and s.tenantId = :tenantId")
    List<ServiceEntry> tenantFrom(String source, UUID tenantId);

    long deleteByTenantId(UUID tenantId);
}
