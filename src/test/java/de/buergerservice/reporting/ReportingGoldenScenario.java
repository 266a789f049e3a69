package de.buergerservice.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.Responses;
import de.buergerservice.contact.ContactDocumented;
import de.buergerservice.reporting.internal.KpiReport;
import de.buergerservice.telephony.CallEventFeed;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.tenancy.AgreementInfo;

/**
 * The golden morning through the whole module on a real database: written to telephony's log by its
 * {@link CallEventLog}, folded by the aggregator from the {@link CallEventFeed}, contacts documented by
 * {@link ContactDocumented} events published in a transaction, read back through the service and the REST API —
 * exact values, the same on H2 ({@link ReportingH2Tests}) and PostgreSQL ({@link ReportingPostgresTests}).
 */
abstract class ReportingGoldenScenario extends ReportingFixture {

    @Test
    void goldenMorningGivesExactValuesFromTheFeedTheContactsAndTheApi() throws Exception {
        AgreementInfo agreement = agreement();
        LocalDate day = LocalDate.of(2026, 3, 10);
        writeGoldenMorning(agreement.clientTenantId(), day);
        documentContacts(agreement.clientTenantId(), day);

        KpiReport report = asSystem(() -> reports.kpis(agreement.id(), day, day, Granularity.DAY));
        Golden.assertGolden(report.total());
        assertThat(report.intervals()).hasSize(1);
        Golden.assertGolden(withAgentFigures(report.intervals().get(0).figures(), report.total()));

        MvcTestResult result = mvc.get()
                .uri("/api/v1/reports/kpis?agreement=" + agreement.id() + "&from=2026-03-09&to=2026-03-10&interval=day")
                .with(httpBasic(user(), password()))
                .exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = Responses.body(result);
        assertThat(body).contains("\"offered\":4", "\"answered\":2", "\"abandoned\":2");
        assertThat(body).contains("\"averageSpeedOfAnswerSeconds\":16.500");
        assertThat(body)
                .contains("{\"variant\":\"ANSWERED_WITHIN_OF_OFFERED\",\"thresholdSeconds\":20,\"value\":0.250000}");
        assertThat(body).contains("\"firstContactResolutionRate\":0.666667", "\"averageHandleTimeSeconds\":120.000");
        assertThat(body).contains("\"label\":\"2026-03-09\"", "\"label\":\"2026-03-10\"");
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
        writeGoldenMorning(agreement.clientTenantId(), LocalDate.of(2026, 3, 11));
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
}
