package de.buergerservice.knowledge.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import de.buergerservice.knowledge.KnowledgeChanged;
import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.internal.ServiceVersion.Layer;
import de.buergerservice.shared.security.TenantScope;

/**
 * After every save of a layer: keeps the version (who, when, what) and announces {@link KnowledgeChanged}, in the
 * transaction of the save — so a rolled-back save leaves neither a version nor a stale index entry behind.
 */
@Component
class Revisions {

    private final ServiceVersionRepository versions;
    private final ApplicationEventPublisher events;
    private final TenantScope scope;
    private final Clock clock;

    Revisions(ServiceVersionRepository versions, ApplicationEventPublisher events, TenantScope scope, Clock clock) {
        this.versions = versions;
        this.events = events;
        this.scope = scope;
        this.clock = clock;
    }

    void entrySaved(ServiceEntry entry, String note) {
        versions.save(new ServiceVersion(
                entry.getId(),
                entry.getTenantId(),
                Layer.ENTRY,
                entry.getRevision(),
                entry.getState(),
                scope.currentUsername(),
                clock.instant(),
                note,
                Snapshot.of(entry).toJson()));
        events.publishEvent(new KnowledgeChanged(entry.getId(), entry.getTenantId()));
    }

    /** A saved or (with {@code override == null}) removed override of the tenant. */
    void overrideSaved(
            UUID serviceId, UUID tenantId, ServiceOverride override, int number, ServiceState state, String note) {
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
}
