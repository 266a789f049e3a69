package de.buergerservice.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.reporting.Granularity;
import de.buergerservice.reporting.KpiCounts;
import de.buergerservice.reporting.KpiFigures;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.TelephonySnapshot;
import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The wallboard's state: the switchboard's live {@link TelephonySnapshot} (waiting calls, longest wait, agents)
 * joined with each municipality's service level and first-contact resolution of today from the aggregates. The
 * day's figures are refreshed by {@link #refreshToday()} (every few seconds); {@link #view(Optional)} is cheap.
 */
@Component
public class Wallboard {

    /** One municipality on the wallboard. */
    public record Tile(
            UUID tenantId,
            String name,
            int waiting,
            long longestWaitSeconds,
            Instant waitingSince,
            BigDecimal serviceLevelToday,
            int thresholdSeconds,
            BigDecimal targetPercent,
            BigDecimal firstContactResolutionToday,
            int available,
            int talking,
            int wrapUp,
            int paused) {}

    public record View(Instant at, List<Tile> tiles) {}

    record Today(BigDecimal serviceLevel, int threshold, BigDecimal target, BigDecimal fcr) {}

    private final TenantDirectory tenants;
    private final KpiStore store;
    private final Clock clock;
    private volatile TelephonySnapshot snapshot = new TelephonySnapshot(Instant.EPOCH, List.of(), List.of());
    private volatile List<TenantInfo> municipalities = List.of();
    private final Map<UUID, Today> today = new ConcurrentHashMap<>();

    Wallboard(TenantDirectory tenants, KpiStore store, Optional<Clock> clock) {
        this.tenants = tenants;
        this.store = store;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @EventListener
    void on(TelephonySnapshot latest) {
        this.snapshot = latest;
    }

    /** Re-reads today's service level and first-contact resolution of every municipality from the aggregates. */
    public void refreshToday() {
        List<TenantInfo> all = tenants.findAll();
        LocalDate date = LocalDate.now(clock.withZone(Granularity.ZONE));
        Instant from = Granularity.startOfDay(date);
        Instant to = Granularity.startOfDay(date.plusDays(1));
        for (TenantInfo tenant : all) {
            Optional<AgreementInfo> agreement = tenants.agreementsFor(tenant.id()).stream()
                    .filter(a -> a.coversDate(date))
                    .findFirst();
            int threshold =
                    agreement.map(a -> a.serviceLevelTarget().withinSeconds()).orElse(20);
            KpiCounts counts = new KpiCounts();
            store.days(tenant.id(), from, to).values().forEach(counts::add);
            Map<ContactOutcome, Long> outcomes = store.outcomes(tenant.id(), from, to);
            KpiFigures f =
                    KpiFigures.of(counts, threshold, KpiFigures.DEFAULT_SHORT_ABANDON_SECONDS, outcomes, null, null);
            today.put(
                    tenant.id(),
                    new Today(
                            f.serviceLevel(ReportData.CONTRACTUAL),
                            threshold,
                            agreement.map(a -> a.serviceLevelTarget().percent()).orElse(null),
                            f.firstContactResolutionRate()));
        }
        municipalities = all;
    }

    /** The names of the agents the switchboard knows now (its latest snapshot), by id. */
    Map<UUID, String> agentNames() {
        Map<UUID, String> names = new java.util.HashMap<>();
        for (TelephonySnapshot.AgentStatus a : snapshot.agents()) {
            names.put(a.id(), a.name());
        }
        return names;
    }

    /** The wallboard for a user limited to {@code restriction} (empty: every municipality). */
    public View view(Optional<Set<UUID>> restriction) {
        TelephonySnapshot live = snapshot;
        Instant now = clock.instant();
        List<Tile> tiles = new ArrayList<>();
        for (TenantInfo tenant : municipalities) {
            if (restriction.isPresent() && !restriction.get().contains(tenant.id())) {
                continue;
            }
            int waiting = 0;
            Instant since = null;
            for (TelephonySnapshot.QueueStatus q : live.queues()) {
                if (tenant.id().equals(q.tenantId())) {
                    waiting += q.waiting();
                    if (q.waitingSince() != null
                            && (since == null || q.waitingSince().isBefore(since))) {
                        since = q.waitingSince();
                    }
                }
            }
            int available = 0;
            int talking = 0;
            int wrapUp = 0;
            int paused = 0;
            for (TelephonySnapshot.AgentStatus a : live.agents()) {
                if (a.tenantIds() == null || !a.tenantIds().contains(tenant.id())) {
                    continue;
                }
                AgentState state = a.state();
                if (state == AgentState.AVAILABLE) {
                    available++;
                } else if (state == AgentState.TALKING || state == AgentState.RINGING) {
                    talking++;
                } else if (state == AgentState.WRAP_UP) {
                    wrapUp++;
                } else if (state == AgentState.PAUSED) {
                    paused++;
                }
            }
            Today t = today.getOrDefault(tenant.id(), new Today(null, 20, null, null));
            long longest = since == null
                    ? 0
                    : Math.max(0, java.time.Duration.between(since, now).toSeconds());
            tiles.add(new Tile(
                    tenant.id(),
                    tenant.name(),
                    waiting,
                    longest,
                    since,
                    t.serviceLevel(),
                    t.threshold(),
                    t.target(),
                    t.fcr(),
                    available,
                    talking,
                    wrapUp,
                    paused));
        }
        return new View(now, List.copyOf(tiles));
    }
}
