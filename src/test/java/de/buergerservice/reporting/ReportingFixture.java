package de.buergerservice.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.ContactDocumented;
import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.reporting.internal.KpiAggregator;
import de.buergerservice.reporting.internal.KpiStore;
import de.buergerservice.reporting.internal.ReportingService;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.telephony.CallEventFeed;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.routing.CallEvent;
import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * What the database tests of reporting share: writing the golden morning to telephony's log and documenting its
 * contacts. {@link ReportingGoldenScenario}: the golden morning through the whole module on a real database: written to telephony's log by its
 * {@link CallEventLog}, folded by the aggregator from the {@link CallEventFeed}, contacts documented by
 * {@link ContactDocumented} events published in a transaction, read back through the service and the REST API —
 * exact values, the same on H2 ({@link ReportingH2Tests}) and PostgreSQL ({@link ReportingPostgresTests}).
 */
abstract class ReportingFixture {

    @Autowired
    CallEventLog log;

    @Autowired
    CallEventFeed feed;

    @Autowired
    KpiAggregator aggregator;

    @Autowired
    KpiStore store;

    @Autowired
    ReportingService reports;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    /** Signed in as a page user (the page chain takes no Basic auth). */
    org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                userDetails.loadUserByUsername(username));
    }

    /** The municipality whose agreement (80 % in 20 s) the golden morning is reported for. */
    abstract String tenantSlug();

    abstract String user();

    abstract String password();

    @Autowired
    de.buergerservice.telephony.internal.routing.Switchboard switchboard;

    /**
     * These fixtures write events with sequences of their own, ahead of what the switchboard has numbered; the
     * switchboard then numbers on after them (as after a restart), so the feed's readers, now past them, never skip
     * an event the product makes later (the trial-phase replay's, a test call's).
     */
    void switchboardNumbersAfter(long lastWritten) {
        long behind = lastWritten - switchboard.lastSequence();
        if (behind > 0) {
            switchboard.recordPast(Math.toIntExact(behind), sequence -> {});
        }
    }

    AgreementInfo agreement() {
        UUID tenant = tenants.findBySlug(tenantSlug()).orElseThrow().id();
        return tenants.agreementsFor(tenant).get(0);
    }

    void writeGoldenMorning(UUID tenant, LocalDate day) throws Exception {
        long first = Math.max(log.lastSequence(), aggregator.position()) + 1_000;
        long last = first;
        for (KpiEvent e : Golden.on(day, first, tenant, UUID.randomUUID(), UUID.randomUUID())) {
            last = Math.max(last, e.sequence());
            log.append(new CallEvent(
                    UUID.randomUUID(),
                    e.sequence(),
                    e.callId() == null ? null : e.callId() + "-" + first,
                    e.tenantId(),
                    e.queueId(),
                    e.agentId(),
                    e.type(),
                    e.agentState(),
                    e.detail(),
                    e.at()));
        }
        switchboardNumbersAfter(last);
        assertThat(log.flush(Duration.ofSeconds(30))).isTrue();
        aggregator.catchUp();
    }

    /** Writes a script's events (sequences after everything logged so far) and folds them. */
    void write(java.util.function.LongFunction<List<KpiEvent>> script) throws Exception {
        long first = Math.max(log.lastSequence(), aggregator.position()) + 1_000;
        long last = first;
        for (KpiEvent e : script.apply(first)) {
            last = Math.max(last, e.sequence());
            log.append(new CallEvent(
                    UUID.randomUUID(),
                    e.sequence(),
                    e.callId(),
                    e.tenantId(),
                    e.queueId(),
                    e.agentId(),
                    e.type(),
                    e.agentState(),
                    e.detail(),
                    e.at()));
        }
        switchboardNumbersAfter(last);
        assertThat(log.flush(Duration.ofSeconds(30))).isTrue();
        aggregator.catchUp();
    }

    void documentContacts(UUID tenant, LocalDate day) throws InterruptedException {
        Instant started = Golden.berlin(day + "T09:00:10");
        Instant documented = Golden.berlin(day + "T09:10:00");
        UUID k2 = UUID.randomUUID();
        List<ContactDocumented> published = new ArrayList<>();
        published.add(contact(UUID.randomUUID(), tenant, ContactOutcome.RESOLVED, started, documented));
        published.add(contact(k2, tenant, ContactOutcome.HANDED_OFF, started, documented));
        published.add(contact(UUID.randomUUID(), tenant, ContactOutcome.HANDED_OFF, started, documented));
        published.add(contact(UUID.randomUUID(), tenant, ContactOutcome.NO_CONCERN, started, documented));
        // a later re-documentation of the same contact replaces its outcome
        published.add(contact(k2, tenant, ContactOutcome.RESOLVED, started, documented.plusSeconds(600)));
        for (ContactDocumented event : published) {
            tx.executeWithoutResult(status -> events.publishEvent(event));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Integer resolved = jdbc.queryForObject(
                    "select count(*) from reporting_contact_outcome where tenant_id = ? and outcome = 'RESOLVED'"
                            + " and started_at = ?",
                    Integer.class,
                    tenant,
                    java.sql.Timestamp.from(started));
            Integer all = jdbc.queryForObject(
                    "select count(*) from reporting_contact_outcome where tenant_id = ? and started_at = ?",
                    Integer.class,
                    tenant,
                    java.sql.Timestamp.from(started));
            if (resolved == 2 && all == 4) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("ContactDocumented events did not arrive: "
                + jdbc.queryForList(
                        "select outcome, started_at from reporting_contact_outcome where tenant_id = ?", tenant)
                + " publications: "
                + jdbc.queryForList("select listener_id, status, completion_date from event_publication"));
    }

    static ContactDocumented contact(
            UUID id, UUID tenant, ContactOutcome outcome, Instant started, Instant documented) {
        return new ContactDocumented(
                id, tenant, ContactChannel.PHONE, "call-" + id, UUID.randomUUID(), outcome, started, documented);
    }

    static Map<IntervalKey, KpiCounts> nonEmpty(Map<IntervalKey, KpiCounts> counts) {
        Map<IntervalKey, KpiCounts> result = new HashMap<>(counts);
        result.values().removeIf(KpiCounts::isEmpty);
        return result;
    }

    static <T> T asSystem(java.util.function.Supplier<T> work) {
        Object[] result = new Object[1];
        SystemActor.run(() -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
