package de.buergerservice.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.Responses;
import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.ContactDocumented;
import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.reporting.internal.KpiAggregator;
import de.buergerservice.reporting.internal.KpiReport;
import de.buergerservice.reporting.internal.KpiStore;
import de.buergerservice.reporting.internal.ReportingService;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.telephony.CallEventFeed;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.routing.CallEvent;
import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The golden morning through the whole module on a real database: written to telephony's log by its
 * {@link CallEventLog}, folded by the aggregator from the {@link CallEventFeed}, contacts documented by
 * {@link ContactDocumented} events published in a transaction, read back through the service and the REST API —
 * exact values, the same on H2 ({@link ReportingH2Tests}) and PostgreSQL ({@link ReportingPostgresTests}).
 */
abstract class ReportingGoldenScenario {

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

    /** The municipality whose agreement (80 % in 20 s) the golden morning is reported for. */
    abstract String tenantSlug();

    abstract String user();

    abstract String password();

    AgreementInfo agreement() {
        UUID tenant = tenants.findBySlug(tenantSlug()).orElseThrow().id();
        return tenants.agreementsFor(tenant).get(0);
    }

    void writeGoldenMorning(UUID tenant) throws Exception {
        long first = Math.max(log.lastSequence(), aggregator.position()) + 1_000;
        EventScript script = Golden.script(first, tenant, UUID.randomUUID(), UUID.randomUUID());
        for (KpiEvent e : script.inTimeOrder()) {
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
        assertThat(log.flush(Duration.ofSeconds(30))).isTrue();
        aggregator.catchUp();
    }

    void documentContacts(UUID tenant) throws InterruptedException {
        Instant started = Golden.berlin("2026-03-10T09:00:10");
        Instant documented = Golden.berlin("2026-03-10T09:10:00");
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
                    "select count(*) from reporting_contact_outcome where tenant_id = ? and outcome = 'RESOLVED'",
                    Integer.class,
                    tenant);
            Integer all = jdbc.queryForObject(
                    "select count(*) from reporting_contact_outcome where tenant_id = ?", Integer.class, tenant);
            if (resolved == 2 && all == 4) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("ContactDocumented events did not arrive");
    }

    static ContactDocumented contact(
            UUID id, UUID tenant, ContactOutcome outcome, Instant started, Instant documented) {
        return new ContactDocumented(
                id, tenant, ContactChannel.PHONE, "call-" + id, UUID.randomUUID(), outcome, started, documented);
    }

    @Test
    void goldenMorningGivesExactValuesFromTheFeedTheContactsAndTheApi() throws Exception {
        AgreementInfo agreement = agreement();
        writeGoldenMorning(agreement.clientTenantId());
        documentContacts(agreement.clientTenantId());

        KpiReport report = asSystem(() ->
                reports.kpis(agreement.id(), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10), Granularity.DAY));
        Golden.assertGolden(report.total());
        assertThat(report.intervals()).hasSize(1);
        Golden.assertGolden(withAgentFigures(report.intervals().get(0).figures(), report.total()));

        MvcTestResult result = mvc.get()
                .uri("/api/v1/reports/kpis?agreement=" + agreement.id() + "&from=2026-03-09&to=2026-03-11&interval=day")
                .with(httpBasic(user(), password()))
                .exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = Responses.body(result);
        assertThat(body).contains("\"offered\":4", "\"answered\":2", "\"abandoned\":2");
        assertThat(body).contains("\"averageSpeedOfAnswerSeconds\":16.500");
        assertThat(body)
                .contains("{\"variant\":\"ANSWERED_WITHIN_OF_OFFERED\",\"thresholdSeconds\":20,\"value\":0.250000}");
        assertThat(body).contains("\"firstContactResolutionRate\":0.666667", "\"averageHandleTimeSeconds\":120.000");
        assertThat(body).contains("\"label\":\"2026-03-09\"", "\"label\":\"2026-03-11\"");
    }

    /** The interval figures carry no agent-time figures; the golden check takes them from the total. */
    static KpiFigures withAgentFigures(KpiFigures f, KpiFigures total) {
        return new KpiFigures(
                f.offered(),
                f.answered(),
                f.abandoned(),
                f.shortAbandoned(),
                f.transferred(),
                f.rejectedClosed(),
                f.handled(),
                f.averageSpeedOfAnswerSeconds(),
                f.longestWaitSeconds(),
                f.averageAbandonWaitSeconds(),
                f.abandonmentRate(),
                f.serviceLevel(),
                f.firstContactResolutionRate(),
                f.documentedContacts(),
                f.averageHandleTimeSeconds(),
                total.occupancy(),
                total.contactsPerAgentHour());
    }

    @Test
    void aggregatesAreNoSecondTruthRebuildFromTheRawEventsGivesTheSame() throws Exception {
        AgreementInfo agreement = agreement();
        writeGoldenMorning(agreement.clientTenantId());
        Map<IntervalKey, KpiCounts> incremental = nonEmpty(store.all());

        // the reference: the KPI core over every raw event of the feed, in one go
        KpiFold reference = new KpiFold();
        long after = 0;
        while (true) {
            var batch = feed.after(after, 1000);
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(e -> reference.accept(KpiEvent.of(e)));
            after = batch.get(batch.size() - 1).sequence();
        }
        assertThat(incremental).isEqualTo(nonEmpty(reference.counts()));

        aggregator.rebuild();
        assertThat(nonEmpty(store.all())).isEqualTo(incremental);
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
