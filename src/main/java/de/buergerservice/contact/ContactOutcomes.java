package de.buergerservice.contact;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Counts of documented contacts, for reporting and billing (computed by the database, not in Java loops). */
public interface ContactOutcomes {

    /**
     * Documented contacts of the municipality that started in {@code [from, to)}, per outcome (outcomes without
     * contacts are absent). Feed the result to {@link FirstContactResolution#rate}.
     */
    Map<ContactOutcome, Long> countDocumented(UUID tenantId, Instant from, Instant to);
}
