package de.buergerservice.telephony.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.tenancy.TenantDeleted;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;
import de.buergerservice.telephony.TelephonySnapshot;
import de.buergerservice.telephony.internal.routing.Switchboard;

/**
 * The municipalities' lines (one queue each), kept in step with the routing core. A municipality without stored
 * settings gets the defaults (15 s ring timeout, 10 s wrap-up, 480 when closed) on its first call.
 */
@Service
public class QueueService {

    private final QueueStore store;
    private final Switchboard switchboard;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final Map<UUID, QueueSettings> byTenant = new ConcurrentHashMap<>();

    QueueService(QueueStore store, Switchboard switchboard, TenantDirectory tenants, Clock clock) {
        this.store = store;
        this.switchboard = switchboard;
        this.tenants = tenants;
        this.clock = clock;
        store.findAll().forEach(this::remember);
    }

    /** The tenant's line, created with defaults if it has none yet. */
    public QueueSettings forTenant(TenantInfo tenant) {
        QueueSettings settings = byTenant.get(tenant.id());
        return settings != null ? settings : save(QueueSettings.defaults(tenant.id(), tenant.name()));
    }

    public Optional<QueueSettings> find(UUID tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }

    public List<QueueSettings> list() {
        return byTenant.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    @Transactional
    public synchronized QueueSettings save(QueueSettings settings) {
        QueueSettings existing = byTenant.get(settings.tenantId());
        QueueSettings toSave = existing == null ? settings : new QueueSettings(existing.id(), settings.tenantId(),
                settings.name(), settings.ringTimeoutSeconds(), settings.wrapUpSeconds(), settings.overflowTenantId(),
                settings.overflowAfterSeconds(), settings.closedAction(), settings.redirectTarget());
        store.save(toSave, clock.instant());
        remember(toSave);
        return toSave;
    }

    /** Live status of every queue, with the tenant's slug. */
    public List<TelephonySnapshot.QueueStatus> status() {
        return switchboard.snapshot().queues();
    }

    public Optional<TenantInfo> tenant(UUID tenantId) {
        return tenants.findById(tenantId);
    }

    @EventListener
    void on(TenantDeleted event) {
        store.deleteByTenant(event.tenantId());
        byTenant.remove(event.tenantId());
    }

    private void remember(QueueSettings settings) {
        byTenant.put(settings.tenantId(), settings);
        switchboard.defineQueue(settings.definition());
    }
}
