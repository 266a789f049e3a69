package de.buergerservice.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.telephony.AgentState;

/**
 * The golden event sequence: one morning of one municipality (Tuesday 2026-03-10, Berlin time) with every kind of
 * call, and the exact value of every definition, worked out by hand below. Used by the pure core test and by the
 * database tests on H2 and PostgreSQL, which must give the same values.
 *
 * <pre>
 * agent X logs in (AVAILABLE) 08:55:00
 * c1 offered 09:00:00, rings 09:00:06, answered 09:00:08 (wait 8 s), talks 120 s, ENDED, wrap-up 30 s
 * c2 offered 09:05:00, rings 09:05:23, answered 09:05:25 (wait 25 s), talks 60 s, TRANSFERRED, wrap-up 30 s
 * c3 offered 09:10:00, abandoned after 3 s (a short abandon)
 * c4 offered 09:20:00, abandoned after 40 s
 * c5 rejected (closed) 07:00:00
 * agent X logs out 09:30:00
 * </pre>
 */
final class Golden {

    static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID QUEUE = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final UUID AGENT = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    static final int THRESHOLD = 20;

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Granularity.ZONE).toInstant();
    }

    static EventScript script(long firstSequence) {
        return script(firstSequence, TENANT, QUEUE, AGENT);
    }

    static final java.time.LocalDate DAY = java.time.LocalDate.of(2026, 3, 10);

    /** The golden morning moved to {@code day} (a day in winter time, like the original). */
    static java.util.List<KpiEvent> on(
            java.time.LocalDate day, long firstSequence, UUID tenant, UUID queue, UUID agent) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(DAY, day);
        return script(firstSequence, tenant, queue, agent).inTimeOrder().stream()
                .map(e -> new KpiEvent(
                        e.sequence(),
                        e.callId(),
                        e.tenantId(),
                        e.queueId(),
                        e.agentId(),
                        e.type(),
                        e.agentState(),
                        e.detail(),
                        e.at().plus(Duration.ofDays(days))))
                .toList();
    }

    static EventScript script(long firstSequence, UUID TENANT, UUID QUEUE, UUID AGENT) {
        EventScript s = new EventScript(firstSequence);
        s.rejected("c5", TENANT, berlin("2026-03-10T07:00:00"));
        s.agent(AGENT, AgentState.AVAILABLE, berlin("2026-03-10T08:55:00"));
        s.answered(
                "c1",
                TENANT,
                QUEUE,
                AGENT,
                berlin("2026-03-10T09:00:00"),
                8_000,
                Duration.ofSeconds(120),
                Duration.ofSeconds(30),
                false);
        s.answered(
                "c2",
                TENANT,
                QUEUE,
                AGENT,
                berlin("2026-03-10T09:05:00"),
                25_000,
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                true);
        s.abandoned("c3", TENANT, QUEUE, berlin("2026-03-10T09:10:00"), 3_000);
        s.abandoned("c4", TENANT, QUEUE, berlin("2026-03-10T09:20:00"), 40_000);
        s.agent(AGENT, AgentState.LOGGED_OUT, berlin("2026-03-10T09:30:00"));
        return s;
    }

    /** Documented contacts of the morning: 2 resolved, 1 handed off, 1 without concern → FCR 2 ÷ 3. */
    static final Map<ContactOutcome, Long> OUTCOMES =
            Map.of(ContactOutcome.RESOLVED, 2L, ContactOutcome.HANDED_OFF, 1L, ContactOutcome.NO_CONCERN, 1L);

    /** Every definition for the golden morning (municipality scope; agent time of agent X). */
    static void assertGolden(KpiFigures f) {
        assertThat(f.offered()).isEqualTo(4);
        assertThat(f.answered()).isEqualTo(2);
        assertThat(f.abandoned()).isEqualTo(2);
        assertThat(f.shortAbandoned()).isEqualTo(1); // c3: 3 s ≤ 5 s
        assertThat(f.transferred()).isEqualTo(1);
        assertThat(f.rejectedClosed()).isEqualTo(1);
        assertThat(f.handled()).isEqualTo(2);
        assertThat(f.averageSpeedOfAnswerSeconds()).isEqualByComparingTo("16.5"); // (8 + 25) ÷ 2
        assertThat(f.longestWaitSeconds()).isEqualByComparingTo("40");
        assertThat(f.averageAbandonWaitSeconds()).isEqualByComparingTo("21.5"); // (3 + 40) ÷ 2
        assertThat(f.abandonmentRate()).isEqualByComparingTo("0.5"); // 2 ÷ 4
        // within 20 s: answered c1 (8 s); abandoned c3 (3 s)
        assertThat(f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_ANSWERED))
                .isEqualByComparingTo("0.5");
        assertThat(f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED))
                .isEqualByComparingTo("0.25");
        assertThat(f.serviceLevel(ServiceLevelVariant.ANSWERED_OR_ABANDONED_WITHIN_OF_OFFERED))
                .isEqualByComparingTo("0.5");
        assertThat(f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED_LESS_SHORT_ABANDONS))
                .isEqualByComparingTo("0.333333"); // 1 ÷ (4 − 1)
        assertThat(f.serviceLevel())
                .allSatisfy(l -> assertThat(l.thresholdSeconds()).isEqualTo(THRESHOLD));
        assertThat(f.firstContactResolutionRate()).isEqualByComparingTo("0.666667"); // 2 ÷ (4 − 1)
        assertThat(f.averageHandleTimeSeconds()).isEqualByComparingTo("120"); // (120 + 60 + 30 + 30) ÷ 2
        // agent X: available 306 + 165 + 1385 s, ringing 2 + 2 s, talking 180 s, wrap-up 60 s
        // occupancy (180 + 60) ÷ 2100 = 0.1142857…; contacts per hour 2 × 3600 ÷ 2100 = 3.428571…
        assertThat(f.occupancy()).isEqualByComparingTo("0.114286");
        assertThat(f.contactsPerAgentHour()).isEqualByComparingTo("3.429");
    }

    static final BigDecimal ASA = new BigDecimal("16.500");

    private Golden() {}
}
