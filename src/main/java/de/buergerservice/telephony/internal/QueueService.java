package de.buergerservice.telephony.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.telephony.TelephonySnapshot;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.tenancy.TenantCreated;
import de.buergerservice.tenancy.TenantDeleted;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The municipalities' lines (one queue each), kept in step with the routing core. A new municipality gets its line
 * with the defaults (15 s ring timeout, 10 s wrap-up, 480 when closed) when it is created; one created before
 * that rule gets it on its first call.
 */
@Service
public class QueueService {

    private final QueueStore store;
    private final Switchboard switchboard;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final Map<UUID, QueueSettings> byTenant = new ConcurrentHashMap<>();
    /** Municipalities deleted since start: a number look-up cached a few seconds must not bring their line back. */
    private final Set<UUID> deleted = ConcurrentHashMap.newKeySet();

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

    /** Whether the municipality was deleted (its number may still sit in a look-up cache for a few seconds). */
    public boolean isDeleted(UUID tenantId) {
        return deleted.contains(tenantId);
    }

    public Optional<QueueSettings> find(UUID tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }

    public List<QueueSettings> list() {
        return byTenant.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    @Transactional
    public synchronized QueueSettings save(QueueSettings settings) {
        QueueSettings existing = byTenant.get(settings.tenantId());
        QueueSettings toSave = existing == null
                ? settings
                : new QueueSettings(
                        existing.id(),
                        settings.tenantId(),
                        settings.name(),
                        settings.ringTimeoutSeconds(),
                        settings.wrapUpSeconds(),
                        settings.overflowTenantId(),
                        settings.overflowAfterSeconds(),
                        settings.closedAction(),
                        settings.redirectTarget());
        store.save(toSave, clock.instant());
        remember(toSave);
        return toSave;
    }

    /** Every line with its live figures. */
    public List<QueueView> views() {
        Map<UUID, TelephonySnapshot.QueueStatus> live = new java.util.HashMap<>();
        switchboard.snapshot().queues().forEach(q -> live.put(q.tenantId(), q));
        return list().stream().map(q -> view(q, live.get(q.tenantId()))).toList();
    }

    public QueueView view(UUID tenantId) {
        QueueSettings settings = find(tenantId)
                .orElseGet(() -> forTenant(
                        tenants.findById(tenantId).orElseThrow(() -> new ResourceNotFoundException("tenant"))));
        return switchboard.snapshot().queues().stream()
                .filter(q -> q.tenantId().equals(tenantId))
                .findFirst()
                .map(live -> view(settings, live))
                .orElseGet(() -> view(settings, null));
    }

    /** Sets a municipality's line from what a supervisor entered; checks the rules that span fields. */
    @Transactional
    public QueueView update(UUID tenantId, QueueSettingsData data) {
        UUID overflow = null;
        if (data.overflowTenant() != null && !data.overflowTenant().isBlank()) {
            overflow = tenants.findBySlug(data.overflowTenant())
                    .map(TenantInfo::id)
                    .orElseThrow(() -> new InvalidFieldException("overflowTenant", "validation.telephony.tenant"));
            if (data.overflowAfterSeconds() == null) {
                throw new InvalidFieldException("overflowAfterSeconds", "validation.telephony.overflowAfter");
            }
        }
        String target = data.redirectTarget() == null || data.redirectTarget().isBlank()
                ? null
                : data.redirectTarget().strip();
        if (data.closedAction() == QueueSettings.ClosedAction.REDIRECT
                && (target == null || !target.matches("\\+[1-9][0-9]{4,14}|sips?:[^\\s<>\"]+"))) {
            throw new InvalidFieldException("redirectTarget", "validation.telephony.redirectTarget");
        }
        save(new QueueSettings(
                tenantId,
                tenantId,
                data.name(),
                data.ringTimeoutSeconds(),
                data.wrapUpSeconds(),
                overflow,
                overflow == null ? null : data.overflowAfterSeconds(),
                data.closedAction(),
                target));
        return view(tenantId);
    }

    private QueueView view(QueueSettings q, TelephonySnapshot.QueueStatus live) {
        String overflow = q.overflowTenantId() == null
                ? null
                : tenants.findById(q.overflowTenantId()).map(TenantInfo::slug).orElse(null);
        String slug = tenants.findById(q.tenantId()).map(TenantInfo::slug).orElse(null);
        return new QueueView(
                q.id(),
                slug,
                q.name(),
                live == null ? 0 : live.waiting(),
                live == null ? 0 : live.longestWaitSeconds(),
                live == null ? null : live.waitingSince(),
                live == null ? 0 : live.agentsAvailable(),
                q.ringTimeoutSeconds(),
                q.wrapUpSeconds(),
                overflow,
                q.overflowAfterSeconds(),
                q.closedAction(),
                q.redirectTarget());
    }

    public Optional<TenantInfo> tenant(UUID tenantId) {
        return tenants.findById(tenantId);
    }

    /** In the creating transaction: a new municipality has its line (defaults) from the start. */
    @EventListener
    void on(TenantCreated event) {
        if (store.findByTenant(event.tenantId()).isEmpty()) {
            store.save(QueueSettings.defaults(event.tenantId(), event.name()), clock.instant());
        }
    }

    /** Its queue joins the switchboard once the municipality is committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void afterCommit(TenantCreated event) {
        store.findByTenant(event.tenantId()).ifPresent(this::remember);
    }

    /** In the deleting transaction: the line's row goes with the municipality, or stays if that rolls back. */
    @EventListener
    void on(TenantDeleted event) {
        store.deleteByTenant(event.tenantId());
        store.clearOverflowTo(event.tenantId());
    }

    /**
     * Only once the deletion is committed does the switchboard change: its queue is removed (waiting callers get
     * a final answer), and lines that overflowed to it no longer do. Before the commit, a rollback would leave a
     * municipality whose calls nobody takes.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void afterCommit(TenantDeleted event) {
        deleted.add(event.tenantId());
        QueueSettings removed = byTenant.remove(event.tenantId());
        if (removed != null) {
            switchboard.removeQueue(removed.id());
        }
        store.findAll().forEach(this::remember);
    }

    private void remember(QueueSettings settings) {
        byTenant.put(settings.tenantId(), settings);
        switchboard.defineQueue(settings.definition());
    }
}
