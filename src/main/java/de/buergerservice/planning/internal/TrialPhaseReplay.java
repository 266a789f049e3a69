package de.buergerservice.planning.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.PastContacts;
import de.buergerservice.planning.internal.simulation.Simulation;
import de.buergerservice.planning.internal.simulation.SimulationModel;
import de.buergerservice.telephony.CallEventImport;
import de.buergerservice.telephony.CallEventImport.PastEvent;
import de.buergerservice.telephony.CallEventType;
import de.buergerservice.telephony.internal.routing.CallEvent;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;
import de.buergerservice.tenancy.TimeRange;

/**
 * The demo's headline: Artland's trial phase (2010-11-01 to 2011-04-30) replayed, day by day, through the real
 * routing core ({@link TrialPhaseModel}) into telephony's call-event log ({@link CallEventImport}) — from where the
 * contact module makes the contacts and reporting its aggregates, as for recorded calls — and each answered call's
 * contact documented with an outcome of the model case's mix ({@link PastContacts}): about 67 % of the contacts that
 * count resolved at first contact.
 *
 * <p>Runs once after start in a thread of its own (the product is usable at once; progress in the log and on the
 * planning page), with the embedded demo data only, switched off by {@code buergerservice.demo.trial-phase=false}.
 * Idempotent: a day is recorded in {@code planning_trial_day} when its events are in the log and when its contacts
 * are documented; event ids and Call-IDs are derived from the day, so a day imported again after a crash adds
 * nothing, and a finished day is skipped.
 */
@Component
@ConditionalOnBooleanProperty("buergerservice.demo-data")
public class TrialPhaseReplay {

    private static final Logger log = LoggerFactory.getLogger(TrialPhaseReplay.class);
    static final String TENANT = "artland";
    static final List<String> CATEGORIES = List.of(
            "Allgemeine Auskunft",
            "Öffnungszeiten und Erreichbarkeit",
            "Terminvereinbarung",
            "Sachstandsanfrage",
            "Beschwerde",
            "Sonstiges");

    /** How far the replay is: days finished of the trial phase's days with telephone hours. */
    public record Progress(int daysDone, int days, boolean running) {

        public double share() {
            return days == 0 ? 1.0 : (double) daysDone / days;
        }
    }

    private final TenantDirectory tenants;
    private final CallEventImport calls;
    private final PastContacts contacts;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean enabled;
    private volatile boolean running;

    TrialPhaseReplay(
            TenantDirectory tenants,
            CallEventImport calls,
            PastContacts contacts,
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${buergerservice.demo.trial-phase:true}") boolean enabled) {
        this.tenants = tenants;
        this.calls = calls;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (!enabled) {
            return;
        }
        // a daemon thread of its own: minutes of replay must neither delay the start nor hold up the what-ifs
        Thread thread = new Thread(
                () -> {
                    try {
                        replay(TrialPhaseModel.FROM, TrialPhaseModel.TO);
                    } catch (RuntimeException e) {
                        log.warn("Trial phase replay stopped, continues at the next start: {}", e.toString());
                    }
                },
                "trial-phase-replay");
        thread.setDaemon(true);
        thread.start();
    }

    public Progress progress() {
        Integer done = jdbc.queryForObject(
                "select count(*) from planning_trial_day where documented_at is not null", Integer.class);
        return new Progress(
                done == null ? 0 : done,
                openDays(TrialPhaseModel.FROM, TrialPhaseModel.TO).size(),
                running);
    }

    /** Replays the days of {@code [from, to]} not finished yet; returns how many it replayed now. */
    public synchronized int replay(LocalDate from, LocalDate to) {
        Map<LocalDate, List<TimeRange>> days = openDays(from, to);
        if (days.isEmpty()) {
            return 0;
        }
        running = true;
        try {
            UUID tenant = tenants.findBySlug(TENANT).orElseThrow().id();
            int replayed = 0;
            for (Map.Entry<LocalDate, List<TimeRange>> day : days.entrySet()) {
                if (finished(day.getKey())) {
                    continue;
                }
                int answered = replay(tenant, day.getKey(), day.getValue());
                replayed++;
                if (replayed % 20 == 1) {
                    log.info("Trial phase replay: {} done ({} calls answered)", day.getKey(), answered);
                }
            }
            log.info(
                    "Trial phase replay: {} days replayed, {} of {} done",
                    replayed,
                    progress().daysDone(),
                    days.size());
            return replayed;
        } finally {
            running = false;
        }
    }

    /** The days with telephone hours (public holidays and closed dates apart), with those hours. */
    private Map<LocalDate, List<TimeRange>> openDays(LocalDate from, LocalDate to) {
        Map<LocalDate, List<TimeRange>> days = new LinkedHashMap<>();
        TenantInfo tenant = tenants.findBySlug(TENANT).orElse(null);
        if (tenant == null) {
            return days;
        }
        OpeningHours hours = tenants.openingHours(tenant.id()).orElse(OpeningHours.closed());
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            List<TimeRange> open = hours.on(day.getDayOfWeek());
            if (open.isEmpty()) {
                continue;
            }
            Instant first = day.atTime(open.get(0).opens())
                    .plusMinutes(30)
                    .atZone(TrialPhaseModel.BERLIN)
                    .toInstant();
            if (tenants.isOpen(tenant.id(), first)) {
                days.put(day, open);
            }
        }
        return days;
    }

    private boolean finished(LocalDate day) {
        Integer n = jdbc.queryForObject(
                "select count(*) from planning_trial_day where trial_day = ? and documented_at is not null",
                Integer.class,
                day);
        return n != null && n > 0;
    }

    private int replay(UUID tenant, LocalDate day, List<TimeRange> open) {
        SimulationModel model = TrialPhaseModel.day(day, open);
        DayEvents events = new DayEvents(day, tenant);
        new Simulation(model, events, TrialPhaseModel.RING).run(p -> {}, () -> false);
        calls.importPast(events.events);
        jdbc.update(
                "insert into planning_trial_day (trial_day, calls, imported_at) select ?, ?, ? where not exists"
                        + " (select 1 from planning_trial_day where trial_day = ?)",
                day,
                events.answered.size(),
                clock.instant().atOffset(ZoneOffset.UTC),
                day);
        document(day, events);
        jdbc.update(
                "update planning_trial_day set documented_at = ? where trial_day = ?",
                clock.instant().atOffset(ZoneOffset.UTC),
                day);
        return events.answered.size();
    }

    /** Documents every answered call of the day with an outcome of the mix, once the contact module has it. */
    private void document(LocalDate day, DayEvents events) {
        SplittableRandom random = new SplittableRandom(day.toEpochDay() * 7919 + 17);
        for (Map.Entry<String, Instant> call : events.answered.entrySet()) {
            ContactOutcome outcome = outcome(random);
            String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            Instant documentedAt = call.getValue().plusSeconds(20);
            long until = System.nanoTime() + 60_000_000_000L;
            while (!contacts.documentReplayed(call.getKey(), outcome, category, documentedAt)) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("no contact of replayed call " + call.getKey() + " within 60 s");
                }
                sleep();
            }
        }
    }

    /**
     * The model case's mix: 4 % wrong municipality and 3 % no concern (not counted), of the rest 67 % resolved at
     * first contact, 18 % transferred to a department, 15 % handed off to the back office.
     */
    static ContactOutcome outcome(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.04) {
            return ContactOutcome.WRONG_MUNICIPALITY;
        }
        if (r < 0.07) {
            return ContactOutcome.NO_CONCERN;
        }
        double s = random.nextDouble();
        return s < 0.67 ? ContactOutcome.RESOLVED : s < 0.85 ? ContactOutcome.TRANSFERRED : ContactOutcome.HANDED_OFF;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The routing core's events of one simulated day as the log is to hold them: the simulation's recycled call ids
     * become Call-IDs of their own ({@code trial-20101101-0001}), its municipality Artland, its agents stable ids of
     * the trial's team, its callers numbers of a pool (so some call more than once), and each event an id derived from
     * the day and its position.
     */
    private static final class DayEvents implements java.util.function.Consumer<CallEvent> {

        final List<PastEvent> events = new ArrayList<>();
        final Map<String, Instant> answered = new LinkedHashMap<>();
        private final Map<String, String> callIds = new HashMap<>();
        private final Map<UUID, UUID> agents = new HashMap<>();
        private final String prefix;
        private final UUID tenant;
        private final SplittableRandom callers;
        private int calls;

        DayEvents(LocalDate day, UUID tenant) {
            this.prefix = "trial-" + day.toString().replace("-", "") + "-";
            this.tenant = tenant;
            this.callers = new SplittableRandom(day.toEpochDay());
        }

        @Override
        public void accept(CallEvent e) {
            String callId = null;
            String caller = null;
            if (e.callId() != null) {
                if (e.type() == CallEventType.CALL_OFFERED) {
                    callId = prefix + String.format("%04d", ++calls);
                    callIds.put(e.callId(), callId);
                    caller = "+495431" + (100000 + callers.nextInt(4000));
                } else {
                    callId = callIds.get(e.callId());
                }
                if (e.type() == CallEventType.ABANDONED
                        || e.type() == CallEventType.ENDED
                        || e.type() == CallEventType.TRANSFERRED) {
                    callIds.remove(e.callId());
                }
            }
            if (e.type() == CallEventType.ENDED && callId != null) {
                answered.put(callId, e.at());
            }
            UUID agent = e.agentId() == null
                    ? null
                    : agents.computeIfAbsent(
                            e.agentId(),
                            a -> UUID.nameUUIDFromBytes(
                                    ("trial-agent-" + agents.size()).getBytes(StandardCharsets.UTF_8)));
            events.add(new PastEvent(
                    UUID.nameUUIDFromBytes((prefix + events.size()).getBytes(StandardCharsets.UTF_8)),
                    callId,
                    e.tenantId() == null ? null : tenant,
                    agent,
                    e.type(),
                    e.agentState(),
                    e.detail(),
                    e.at(),
                    caller));
        }
    }
}
