package de.buergerservice.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The pure KPI core: the golden morning, the service-level test vector of issue 14, DST days, resuming a fold. */
class KpiCoreTests {

    static KpiFigures figures(Map<IntervalKey, KpiCounts> counts, UUID tenant) {
        KpiCounts calls = KpiFold.sum(counts, k -> k.tenantId().equals(tenant));
        KpiCounts agents = KpiFold.sum(counts, k -> k.tenantId().equals(IntervalKey.NONE));
        return KpiFigures.of(
                calls,
                Golden.THRESHOLD,
                KpiFigures.DEFAULT_SHORT_ABANDON_SECONDS,
                Golden.OUTCOMES,
                agents,
                calls.handled());
    }

    @Test
    void goldenMorningGivesEveryDefinitionExactly() {
        KpiFold fold = new KpiFold();
        Golden.script(1).inTimeOrder().forEach(fold::accept);
        Golden.assertGolden(figures(fold.counts(), Golden.TENANT));
        assertThat(fold.openCalls()).isEmpty();
    }

    @Test
    void callsCountInTheQuarterHourOfTheirOffer() {
        KpiFold fold = new KpiFold();
        Golden.script(1).inTimeOrder().forEach(fold::accept);
        Instant nine = Golden.berlin("2026-03-10T09:00:00");
        KpiCounts quarter = KpiFold.sum(
                fold.counts(),
                k -> k.tenantId().equals(Golden.TENANT) && k.start().equals(nine));
        assertThat(quarter.offered()).isEqualTo(3);
        assertThat(quarter.answered()).isEqualTo(2);
        assertThat(quarter.abandoned()).isEqualTo(1);
        KpiCounts next = KpiFold.sum(
                fold.counts(),
                k -> k.tenantId().equals(Golden.TENANT) && k.start().equals(nine.plusSeconds(900)));
        assertThat(next.offered()).isEqualTo(1);
        assertThat(next.abandoned()).isEqualTo(1);
        // agent time is split at the boundaries: 08:55–09:00 lies in the 08:45 quarter
        KpiCounts early = KpiFold.sum(
                fold.counts(),
                k -> k.agentId().equals(Golden.AGENT)
                        && k.tenantId().equals(IntervalKey.NONE)
                        && k.start().equals(nine.minusSeconds(900)));
        assertThat(early.availableMs()).isEqualTo(300_000);
    }

    /**
     * Issue 14's vector: 1,000 answered, 60 abandoned, 860 answered within 20 s, 20 abandoned within 20 s, 10
     * abandoned within 5 s. Offered = 1,000 + 60 = 1,060. By hand:
     *
     * <pre>
     * answered ≤ T ÷ answered                     = 860 ÷ 1,000         = 0.860000 → 86.0 %
     * answered ≤ T ÷ offered                      = 860 ÷ 1,060         = 0.811320… → 81.1 %
     * (answered + abandoned) ≤ T ÷ offered        = (860 + 20) ÷ 1,060  = 0.830188… → 83.0 %
     * answered ≤ T ÷ (offered − short abandons)   = 860 ÷ (1,060 − 10)  = 0.819047… → 81.9 %
     * </pre>
     */
    @Test
    void serviceLevelVariantsOfTheIssuesTestVector() {
        EventScript s = new EventScript();
        UUID tenant = UUID.randomUUID();
        UUID queue = UUID.randomUUID();
        Instant t = Golden.berlin("2026-05-04T08:00:00");
        for (int i = 0; i < 1000; i++) {
            UUID agent = new UUID(1, i);
            // 860 within 20 s (the boundary 20,000 ms counts as within), 140 just over
            long wait = i < 860 ? (i % 2 == 0 ? 20_000 : 1_000 + i) : 20_001;
            s.answered(
                    "a" + i,
                    tenant,
                    queue,
                    agent,
                    t.plusSeconds(i),
                    wait,
                    Duration.ofSeconds(90),
                    Duration.ofSeconds(10),
                    false);
        }
        for (int i = 0; i < 60; i++) {
            // 10 within 5 s (5,000 ms counts), 10 more within 20 s, 40 later
            long wait = i < 10 ? 5_000 : i < 20 ? 19_999 : 45_000;
            s.abandoned("b" + i, tenant, queue, t.plusSeconds(i), wait);
        }
        KpiFold fold = new KpiFold();
        s.events.forEach(fold::accept);
        KpiCounts calls = KpiFold.sum(fold.counts(), k -> k.tenantId().equals(tenant));
        assertThat(calls.offered()).isEqualTo(1060);
        assertThat(calls.answeredWithin(20)).isEqualTo(860);
        assertThat(calls.abandonedWithin(20)).isEqualTo(20);
        assertThat(calls.abandonedWithin(5)).isEqualTo(10);

        KpiFigures f = KpiFigures.of(calls, 20, 5, Map.of(), null, null);
        assertThat(f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_ANSWERED))
                .isEqualByComparingTo(
                        BigDecimal.valueOf(860).divide(BigDecimal.valueOf(1000), 6, java.math.RoundingMode.HALF_UP));
        assertThat(f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_ANSWERED))
                .isEqualByComparingTo("0.860000");
        assertThat(f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED))
                .isEqualByComparingTo("0.811321");
        assertThat(f.serviceLevel(ServiceLevelVariant.ANSWERED_OR_ABANDONED_WITHIN_OF_OFFERED))
                .isEqualByComparingTo("0.830189");
        assertThat(f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED_LESS_SHORT_ABANDONS))
                .isEqualByComparingTo("0.819048");
        List<String> percents = f.serviceLevel().stream()
                .map(l -> KpiFigures.percent(l.value(), 1).toPlainString())
                .toList();
        assertThat(percents).containsExactly("86.0", "81.1", "83.0", "81.9");
    }

    @Test
    void daysWithADaylightSavingChangeHave23Or25Hours() {
        Instant spring = Granularity.startOfDay(LocalDate.of(2026, 3, 29));
        Instant autumn = Granularity.startOfDay(LocalDate.of(2026, 10, 25));
        assertThat(Duration.between(spring, Granularity.DAY.next(spring))).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(autumn, Granularity.DAY.next(autumn))).isEqualTo(Duration.ofHours(25));
        assertThat(Duration.between(spring, Granularity.DAY.next(spring)).toMinutes() / 15)
                .isEqualTo(92);
        assertThat(Duration.between(autumn, Granularity.DAY.next(autumn)).toMinutes() / 15)
                .isEqualTo(100);
        // 02:30 in the second (CET) run of the autumn night is still 25 October; 23:30 CEST on 29 March too
        Instant secondTwoThirty = Instant.parse("2026-10-25T01:30:00Z");
        assertThat(Granularity.DAY.startOf(secondTwoThirty)).isEqualTo(autumn);
        assertThat(Granularity.DAY.startOf(Instant.parse("2026-03-29T21:30:00Z")))
                .isEqualTo(spring);
        assertThat(Granularity.DAY.startOf(Instant.parse("2026-03-29T22:00:00Z")))
                .isEqualTo(Granularity.DAY.next(spring));
        assertThat(Granularity.MONTH.startOf(Instant.parse("2026-10-31T23:30:00Z")))
                .isEqualTo(Granularity.startOfDay(LocalDate.of(2026, 11, 1)));
        assertThat(Granularity.WEEK.startOf(autumn)).isEqualTo(Granularity.startOfDay(LocalDate.of(2026, 10, 19)));
    }

    @Test
    void aFoldResumedFromItsStoredStateCountsAsOneThatNeverStopped() {
        List<KpiEvent> events = Golden.script(1).inTimeOrder();
        KpiFold whole = new KpiFold();
        events.forEach(whole::accept);
        for (int cut = 1; cut < events.size(); cut++) {
            KpiFold first = new KpiFold();
            events.subList(0, cut).forEach(first::accept);
            Map<IntervalKey, KpiCounts> sum = new java.util.HashMap<>(first.drain());
            KpiFold second = new KpiFold(first.openCalls(), first.agentClocks());
            events.subList(cut, events.size()).forEach(second::accept);
            second.drain().forEach((k, c) -> sum.merge(k, c, KpiCounts::add));
            sum.values().removeIf(KpiCounts::isEmpty);
            Map<IntervalKey, KpiCounts> expected = new java.util.HashMap<>(whole.counts());
            expected.values().removeIf(KpiCounts::isEmpty);
            assertThat(sum).as("cut after event %d", cut).isEqualTo(expected);
        }
    }
}
