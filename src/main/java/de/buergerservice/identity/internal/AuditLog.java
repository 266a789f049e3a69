package de.buergerservice.identity.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.shared.audit.AuditedChange;
import de.buergerservice.shared.security.TenantScope;

/**
 * The audit log: every {@link AuditedChange} becomes an entry with the acting user, written in the transaction
 * of the change itself (a rolled-back change leaves no entry; a committed one always has one).
 */
@Service
public class AuditLog {

    private final AuditEntryRepository entries;
    private final TenantScope scope;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, TenantScope scope, JsonMapper json, Clock clock) {
        this.entries = entries;
        this.scope = scope;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditedChange change) {
        entries.save(new AuditEntry(
                clock.instant(),
                scope.currentUsername(),
                change.entityType(),
                change.entityId(),
                change.tenantId(),
                change.action(),
                json.writeValueAsString(change.changes())));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<AuditEntryView> search(String entityType, UUID entityId, String actor, int page, int size) {
        return entries.search(
                        blankToNull(entityType),
                        entityId,
                        blankToNull(actor),
                        PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200)))
                .map(AuditEntry::toView);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
