package de.buergerservice.backoffice.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import de.buergerservice.backoffice.TicketStatus;

interface TicketRepository extends JpaRepository<Ticket, UUID>, JpaSpecificationExecutor<Ticket> {

    boolean existsByContactId(UUID contactId);

    boolean existsBySubmissionId(UUID submissionId);

    Optional<Ticket> findBySubmissionId(UUID submissionId);

    Optional<Ticket> findByIdAndTenantIdIn(UUID id, Collection<UUID> tenantIds);

    /** Open tickets past their deadline that were not escalated for it (the escalation job's work list). */
    @Query("""
            select t.id from Ticket t
            where t.status in :openStatuses and t.dueAt < :now
              and (t.escalatedFor is null or t.escalatedFor <> t.dueAt)
            """)
    List<UUID> dueForEscalation(Instant now, Collection<TicketStatus> openStatuses);
}
