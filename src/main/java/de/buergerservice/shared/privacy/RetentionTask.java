package de.buergerservice.shared.privacy;

import java.time.Duration;
import java.time.Instant;

/**
 * One kind of personal data a module keeps only for a while (DSGVO Art. 5 (1) e, storage limitation). The module
 * that owns the data implements it on its own tables; {@link RetentionScheduler} runs every task in batches.
 *
 * <p>A task anonymises what a KPI still needs (the record stays, the personal fields go) and deletes the rest. It
 * must be idempotent: a record it has dealt with is never selected again, so a second run finds nothing and a run cut
 * off by a crash simply continues.
 */
public interface RetentionTask {

    /**
     * The data kind in kebab case; its period is the property {@code buergerservice.retention.<kind>}, e.g.
     * {@code caller-number} → {@code buergerservice.retention.caller-number=90d}.
     */
    String kind();

    /** The period when the property is not set. */
    Duration defaultPeriod();

    /**
     * Anonymises or deletes at most {@code limit} records that became due before {@code cutoff}, in a transaction
     * of its own, and returns how many it changed (fewer than {@code limit}: nothing more is due).
     */
    int purge(Instant cutoff, int limit);
}
