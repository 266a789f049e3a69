package de.buergerservice.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /**
     * Property: for random streams of calls (answered, transferred, abandoned, refused; agents pausing and working
     * across midnight and both DST changes), the municipality rollups that the reports read hold exactly what the
     * KPI core gives over the raw events of the feed — per quarter hour, per Berlin day, the agents' time and the
     * calls handled by all — and so the same figures.
     */
    @Test
    void givenRandomEventStreams_thenRollupsGiveTheFiguresOfTheFoldOverTheRawEvents() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            java.util.Random random = new java.util.Random(seed);
            UUID tenant = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            LocalDate firstDay = seed % 2 == 0 ? LocalDate.of(2026, 3, 27) : LocalDate.of(2025, 10, 24);
            write(first -> randomStream(random, first, firstDay, tenant, other));

            java.time.Instant from = Granularity.startOfDay(firstDay);
            // the last night shift runs past the period's end: what lies after it must not be counted
            java.time.Instant to = Granularity.startOfDay(firstDay.plusDays(4));
            Map<IntervalKey, KpiCounts> raw = foldOfTheWholeFeed();
            for (UUID t : List.of(tenant, other)) {
                Map<java.time.Instant, KpiCounts> quarters = new java.util.HashMap<>();
                Map<java.time.Instant, KpiCounts> days = new java.util.HashMap<>();
                raw.forEach((key, counts) -> {
                    if (key.tenantId().equals(t)
                            && !key.start().isBefore(from)
                            && key.start().isBefore(to)) {
                        quarters.computeIfAbsent(key.start(), k -> new KpiCounts())
                                .add(counts);
                        days.computeIfAbsent(Granularity.DAY.startOf(key.start()), k -> new KpiCounts())
                                .add(counts);
                    }
                });
                assertThat(nonEmptyByStart(store.quarters(t, from, to)))
                        .as("seed %d: quarter hours", seed)
                        .isEqualTo(nonEmptyByStart(quarters));
                assertThat(nonEmptyByStart(store.days(t, from, to)))
                        .as("seed %d: days", seed)
                        .isEqualTo(nonEmptyByStart(days));
                assertThat(days).as("seed %d: the stream has calls", seed).isNotEmpty();
                for (var day : days.entrySet()) {
                    assertThat(KpiFigures.of(
                                    store.days(t, day.getKey(), Granularity.DAY.next(day.getKey()))
                                            .firstEntry()
                                            .getValue(),
                                    20,
                                    5,
                                    Map.of(),
                                    null,
                                    null))
                            .isEqualTo(KpiFigures.of(day.getValue(), 20, 5, Map.of(), null, null));
                }
            }
            KpiCounts agents = new KpiCounts();
            long handled = 0;
            for (var e : raw.entrySet()) {
                boolean inPeriod =
                        !e.getKey().start().isBefore(from) && e.getKey().start().isBefore(to);
                if (inPeriod && e.getKey().tenantId().equals(IntervalKey.NONE)) {
                    agents.add(e.getValue());
                } else if (inPeriod) {
                    handled += e.getValue().handled();
                }
            }
            assertThat(store.agentTime(from, to))
                    .as("seed %d: agent time", seed)
                    .isEqualTo(withoutWaits(agents));
            assertThat(store.handledByAll(from, to))
                    .as("seed %d: handled by all", seed)
                    .isEqualTo(handled);
        }
    }

    private Map<IntervalKey, KpiCounts> foldOfTheWholeFeed() {
        KpiFold reference = new KpiFold();
        long after = 0;
        while (true) {
            var batch = feed.after(after, 5000);
            if (batch.isEmpty()) {
                return reference.counts();
            }
            batch.forEach(e -> reference.accept(KpiEvent.of(e)));
            after = batch.get(batch.size() - 1).sequence();
        }
    }

    private static Map<java.time.Instant, KpiCounts> nonEmptyByStart(Map<java.time.Instant, KpiCounts> counts) {
        Map<java.time.Instant, KpiCounts> result = new java.util.HashMap<>(counts);
        result.values().removeIf(KpiCounts::isEmpty);
        return result;
    }

    private static KpiCounts withoutWaits(KpiCounts counts) {
        return KpiCounts.of(counts.values());
    }

    /**
     * Four days from {@code firstDay}: three agents answering calls of two municipalities one after the other from
     * 07:00 (one of them from 22:00 to 02:00, across midnight and the night of the DST change), abandoned and
     * refused calls in between, pauses; everyone logged out at the end.
     */
    static List<KpiEvent> randomStream(
            java.util.Random random, long firstSequence, LocalDate firstDay, UUID tenant, UUID other) {
        EventScript s = new EventScript(firstSequence);
        UUID queue = UUID.randomUUID();
        UUID otherQueue = UUID.randomUUID();
        int call = 0;
        for (int a = 0; a < 3; a++) {
            UUID agent = UUID.randomUUID();
            for (int d = 0; d < 4; d++) {
                java.time.ZonedDateTime start = firstDay.plusDays(d)
                        .atTime(a == 2 ? 22 : 7, random.nextInt(60))
                        .atZone(Granularity.ZONE);
                java.time.Instant t = start.toInstant();
                java.time.Instant end = t.plus(java.time.Duration.ofHours(a == 2 ? 4 : 6 + random.nextInt(5)));
                s.agent(agent, de.buergerservice.telephony.AgentState.AVAILABLE, t);
                while (t.isBefore(end)) {
                    boolean ours = random.nextInt(3) > 0;
                    UUID tn = ours ? tenant : other;
                    UUID q = ours ? queue : otherQueue;
                    String id = "prop-" + firstSequence + "-" + call++;
                    int kind = random.nextInt(20);
                    if (kind < 14) {
                        long waitMs = random.nextInt(90_000);
                        java.time.Duration talk = java.time.Duration.ofSeconds(10 + random.nextInt(600));
                        java.time.Duration wrap = java.time.Duration.ofSeconds(random.nextInt(60));
                        s.answered(id, tn, q, agent, t, waitMs, talk, wrap, kind == 0);
                        t = t.plusMillis(waitMs).plus(talk).plus(wrap);
                    } else if (kind < 18) {
                        s.abandoned(id, tn, q, t, random.nextInt(120_000));
                    } else if (kind == 18) {
                        s.rejected(id, tn, t);
                    } else {
                        s.agent(agent, de.buergerservice.telephony.AgentState.PAUSED, t);
                        t = t.plusSeconds(60 + random.nextInt(600));
                        s.agent(agent, de.buergerservice.telephony.AgentState.AVAILABLE, t);
                    }
                    t = t.plusSeconds(1 + random.nextInt(120));
                }
                s.agent(agent, de.buergerservice.telephony.AgentState.LOGGED_OUT, t);
            }
        }
        return s.inTimeOrder();
    }
}
