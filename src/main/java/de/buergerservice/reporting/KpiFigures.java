package de.buergerservice.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.FirstContactResolution;

/**
 * Every KPI of one scope and period, derived from summed {@link KpiCounts} — the one place where the definitions
 * divide (docs/kpis.md lists the same formulas). Rates are fractions between 0 and 1 with 6 decimals, times in
 * seconds with 3 decimals (milliseconds exact), both rounded half up; a rate or average whose denominator is 0 is
 * null (no calls means no service level, not 0 %).
 *
 * @param shortAbandoned abandoned calls that waited at most {@code shortAbandonSeconds}
 * @param firstContactResolutionRate the contact module's definition ({@link FirstContactResolution})
 * @param averageHandleTimeSeconds (talk + wrap-up) ÷ handled calls
 * @param occupancy (talking + wrap-up) ÷ (available + ringing + talking + wrap-up) agent time
 * @param contactsPerAgentHour handled calls ÷ logged-in agent hours (available, ringing, talking, wrap-up, paused)
 */
public record KpiFigures(
        long offered,
        long answered,
        long abandoned,
        long shortAbandoned,
        long transferred,
        long rejectedClosed,
        long handled,
        BigDecimal averageSpeedOfAnswerSeconds,
        BigDecimal longestWaitSeconds,
        BigDecimal averageAbandonWaitSeconds,
        BigDecimal abandonmentRate,
        List<ServiceLevel> serviceLevel,
        BigDecimal firstContactResolutionRate,
        long documentedContacts,
        BigDecimal averageHandleTimeSeconds,
        BigDecimal occupancy,
        BigDecimal contactsPerAgentHour) {

    /** Default threshold for short abandons (seconds). */
    public static final int DEFAULT_SHORT_ABANDON_SECONDS = 5;

    public record ServiceLevel(ServiceLevelVariant variant, int thresholdSeconds, BigDecimal value) {}

    /**
     * The figures of {@code calls} (one municipality's counters summed over the period) with service-level threshold
     * {@code thresholdSeconds}; {@code outcomes} the documented contacts per outcome of the same scope and period;
     * {@code agents} agent state time and {@code agentHandled} the calls those agents handled (for occupancy and
     * contacts per agent hour; null when not asked for).
     */
    public static KpiFigures of(
            KpiCounts calls,
            int thresholdSeconds,
            int shortAbandonSeconds,
            Map<ContactOutcome, Long> outcomes,
            KpiCounts agents,
            Long agentHandled) {
        long shortAbandoned = calls.abandonedWithin(shortAbandonSeconds);
        long answeredWithin = calls.answeredWithin(thresholdSeconds);
        long abandonedWithin = calls.abandonedWithin(thresholdSeconds);
        List<ServiceLevel> levels = new ArrayList<>();
        levels.add(new ServiceLevel(
                ServiceLevelVariant.ANSWERED_WITHIN_OF_ANSWERED,
                thresholdSeconds,
                rate(answeredWithin, calls.answered())));
        levels.add(new ServiceLevel(
                ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED,
                thresholdSeconds,
                rate(answeredWithin, calls.offered())));
        levels.add(new ServiceLevel(
                ServiceLevelVariant.ANSWERED_OR_ABANDONED_WITHIN_OF_OFFERED,
                thresholdSeconds,
                rate(answeredWithin + abandonedWithin, calls.offered())));
        levels.add(new ServiceLevel(
                ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED_LESS_SHORT_ABANDONS,
                thresholdSeconds,
                rate(answeredWithin, calls.offered() - shortAbandoned)));
        BigDecimal occupancy = null;
        BigDecimal perHour = null;
        if (agents != null) {
            long busy = agents.talkingMs() + agents.wrapUpStateMs();
            long ready = busy + agents.availableMs() + agents.ringingMs();
            occupancy = rate(busy, ready);
            long loggedIn = ready + agents.pausedMs();
            if (agentHandled != null && loggedIn > 0) {
                perHour = BigDecimal.valueOf(agentHandled)
                        .multiply(BigDecimal.valueOf(3_600_000L))
                        .divide(BigDecimal.valueOf(loggedIn), 3, RoundingMode.HALF_UP);
            }
        }
        Map<ContactOutcome, Long> documented = outcomes == null ? Map.of() : outcomes;
        return new KpiFigures(
                calls.offered(),
                calls.answered(),
                calls.abandoned(),
                shortAbandoned,
                calls.transferred(),
                calls.rejectedClosed(),
                calls.handled(),
                seconds(calls.answerWaitMs(), calls.answered()),
                calls.offered() == 0 ? null : seconds(calls.maxWaitMs(), 1),
                seconds(calls.abandonWaitMs(), calls.abandoned()),
                rate(calls.abandoned(), calls.offered()),
                List.copyOf(levels),
                FirstContactResolution.rate(documented).orElse(null),
                documented.values().stream().mapToLong(Long::longValue).sum(),
                seconds(calls.talkMs() + calls.wrapUpMs(), calls.handled()),
                occupancy,
                perHour);
    }

    /** The service level of {@code variant}. */
    public BigDecimal serviceLevel(ServiceLevelVariant variant) {
        return serviceLevel.stream()
                .filter(l -> l.variant() == variant)
                .findFirst()
                .map(ServiceLevel::value)
                .orElse(null);
    }

    /** {@code part ÷ whole} as a fraction with 6 decimals, half up; null when {@code whole} is 0. */
    public static BigDecimal rate(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
    }

    /** {@code millis ÷ count} in seconds with 3 decimals, half up; null when {@code count} is 0. */
    public static BigDecimal seconds(long millis, long count) {
        if (count <= 0) {
            return null;
        }
        return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(count * 1000L), 3, RoundingMode.HALF_UP);
    }

    /** A fraction as percent with {@code decimals} places, half up (0.811321 → 81.1); null stays null. */
    public static BigDecimal percent(BigDecimal fraction, int decimals) {
        return fraction == null ? null : fraction.movePointRight(2).setScale(decimals, RoundingMode.HALF_UP);
    }
}
