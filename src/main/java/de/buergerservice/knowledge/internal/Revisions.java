package de.buergerservice.knowledge.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import de.buergerservice.knowledge.KnowledgeChanged;
import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.internal.ServiceVersion.Layer;
import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.security.TenantScope;

/**
 * After every save of a layer: keeps the version (who, when, what), records the change in the audit log and
 * announces {@link KnowledgeChanged}, in the transaction of the save — so a rolled-back save leaves neither a
 * version, an audit entry nor a stale index entry behind.
 */
@Component
class Revisions {

    static final String ENTRY_AUDIT_TYPE = "ServiceEntry";
    static final String OVERRIDE_AUDIT_TYPE = "ServiceOverride";

    /**
     * What the audit log keeps of a layer: the short fields with their values, the description by its length only —
     * the version history holds the full text, and the log stays readable.
     */
    record AuditView(
            String title,
            ServiceState state,
            Integer revision,
            String leikaKey,
            String fees,
            String deadlines,
            String processingTime,
            String legalBasis,
            String onlineServiceUrl,
            java.util.List<String> synonyms,
            java.util.List<String> requiredDocuments,
            java.util.List<String> topics,
            Integer descriptionLength,
            java.time.LocalDate reviewDate,
            UUID departmentId,
            String internalNotes,
            String note) {

        static AuditView of(Snapshot snapshot, Integer revision, String note) {
            ServiceContent c = snapshot.content() == null ? ServiceContent.EMPTY : snapshot.content();
            return new AuditView(
                    c.title(),
                    snapshot.state(),
                    revision,
                    c.leikaKey(),
                    c.fees(),
                    c.deadlines(),
                    c.processingTime(),
                    c.legalBasis(),
                    c.onlineServiceUrl(),
                    c.synonyms(),
                    c.requiredDocuments(),
                    c.topics(),
                    c.body() == null ? null : c.body().length(),
                    snapshot.reviewDate(),
                    snapshot.departmentId(),
                    snapshot.internalNotes(),
                    note);
        }
    }

    private final ServiceVersionRepository versions;
    private final ApplicationEventPublisher events;
    private final TenantScope scope;
    private final ChangeRecorder changes;
    private final Clock clock;

    Revisions(
            ServiceVersionRepository versions,
            ApplicationEventPublisher events,
            TenantScope scope,
            ChangeRecorder changes,
            Clock clock) {
        this.versions = versions;
        this.events = events;
        this.scope = scope;
        this.changes = changes;
        this.clock = clock;
    }

    void entrySaved(ServiceEntry entry, String note) {
        Snapshot snapshot = Snapshot.of(entry);
        audit(
                ENTRY_AUDIT_TYPE,
                entry.getId(),
                entry.getTenantId(),
                Layer.ENTRY,
                AuditView.of(snapshot, entry.getRevision(), note),
                false);
        versions.save(new ServiceVersion(
                entry.getId(),
                entry.getTenantId(),
                Layer.ENTRY,
                entry.getRevision(),
                entry.getState(),
                scope.currentUsername(),
                clock.instant(),
                note,
                snapshot.toJson()));
        events.publishEvent(new KnowledgeChanged(entry.getId(), entry.getTenantId()));
    }

    /** A saved or (with {@code override == null}) removed override of the tenant. */
    void overrideSaved(
            UUID serviceId, UUID tenantId, ServiceOverride override, int number, ServiceState state, String note) {
        audit(
                OVERRIDE_AUDIT_TYPE,
                serviceId,
                tenantId,
                Layer.OVERRIDE,
                AuditView.of(Snapshot.of(override), number, note),
                override == null);
        versions.save(new ServiceVersion(
                serviceId,
                tenantId,
                Layer.OVERRIDE,
                number,
                state,
                scope.currentUsername(),
                clock.instant(),
                note,
                Snapshot.of(override).toJson()));
        events.publishEvent(new KnowledgeChanged(serviceId, tenantId));
    }

    /** Before the new version is saved: the latest stored one is the state before this change. */
    private void audit(String type, UUID serviceId, UUID tenantId, Layer layer, AuditView after, boolean removed) {
        var previous = versions.findFirstByServiceIdAndTenantIdAndLayerOrderByNumberDesc(serviceId, tenantId, layer);
        if (previous.isEmpty()) {
            changes.created(type, serviceId, tenantId, after);
            return;
        }
        ServiceVersion before = previous.get();
        AuditView was = AuditView.of(Snapshot.fromJson(before.getSnapshot()), before.getNumber(), null);
        if (removed) {
            changes.deleted(type, serviceId, tenantId, was);
        } else {
            changes.updated(type, serviceId, tenantId, was, after);
        }
    }
}
