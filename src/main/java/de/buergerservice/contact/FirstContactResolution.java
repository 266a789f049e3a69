package de.buergerservice.contact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Erstlösungsquote, the cooperation's headline figure, defined once:
 *
 * <pre>
 * first-contact resolution = RESOLVED ÷ (documented contacts − WRONG_MUNICIPALITY − NO_CONCERN)
 * </pre>
 *
 * Only documented contacts count; a contact still {@code OPEN} is in neither numerator nor denominator. Contacts
 * that were not the municipality's matter or had no concern are left out, because no resolution was possible.
 * docs/kpis.md states the same formula; reporting reads it from here.
 */
public final class FirstContactResolution {

    private FirstContactResolution() {}

    /** The contacts that count: documented ones less {@code WRONG_MUNICIPALITY} and {@code NO_CONCERN}. */
    public static long eligible(Map<ContactOutcome, Long> documented) {
        long all = documented.values().stream().mapToLong(Long::longValue).sum();
        return all
                - count(documented, ContactOutcome.WRONG_MUNICIPALITY)
                - count(documented, ContactOutcome.NO_CONCERN);
    }

    /**
     * The rate as a fraction between 0 and 1 (exact to 6 decimals, half up), empty when no contact counts — a
     * month without eligible contacts has no rate rather than 0 %.
     */
    public static Optional<BigDecimal> rate(Map<ContactOutcome, Long> documented) {
        long eligible = eligible(documented);
        if (eligible <= 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(count(documented, ContactOutcome.RESOLVED))
                .divide(BigDecimal.valueOf(eligible), 6, RoundingMode.HALF_UP));
    }

    private static long count(Map<ContactOutcome, Long> documented, ContactOutcome outcome) {
        return documented.getOrDefault(outcome, 0L);
    }
}
