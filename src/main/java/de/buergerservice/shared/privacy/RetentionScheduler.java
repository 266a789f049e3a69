package de.buergerservice.shared.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link RetentionTask} (found by Spring injection, so a new module joins by implementing the
 * interface) in batches of {@code buergerservice.retention-job.batch-size} (1,000) every
 * {@code buergerservice.retention-job.interval} (1 h) and logs how many records each anonymised or deleted. A batch is
 * one short transaction of the module, so the job never holds locks on a hot table for long; a failing task is logged
 * and does not stop the others.
 */
@Component
public class RetentionScheduler {

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);
    /** An upper bound per run, so a huge backlog is worked off over several runs instead of in one long one. */
    private static final int MAX_BATCHES = 1_000;

    private final List<RetentionTask> tasks;
    private final RetentionPolicy policy;
    private final Clock clock;
    private final int batchSize;

    RetentionScheduler(
            List<RetentionTask> tasks,
            RetentionPolicy policy,
            Clock clock,
            @Value("${buergerservice.retention-job.batch-size:1000}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalStateException("buergerservice.retention-job.batch-size must be at least 1");
        }
        this.tasks = tasks;
        this.policy = policy;
        this.clock = clock;
        this.batchSize = batchSize;
        // fail at start, not at the first run an hour later
        tasks.forEach(policy::period);
    }

    @Scheduled(
            initialDelayString = "${buergerservice.retention-job.initial-delay:5m}",
            fixedDelayString = "${buergerservice.retention-job.interval:1h}")
    void scheduled() {
        runAll();
    }

    /** Runs every task once to the end (or {@value #MAX_BATCHES} batches); returns the records changed per kind. */
    public synchronized Map<String, Integer> runAll() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (RetentionTask task : tasks) {
            Duration period = policy.period(task);
            try {
                int total = run(task, now.minus(period));
                counts.merge(task.kind(), total, Integer::sum);
                if (total > 0) {
                    log.info(
                            "Retention {}: {} records older than {} anonymised or deleted", task.kind(), total, period);
                }
            } catch (RuntimeException e) {
                log.warn("Retention {} failed; retried at the next run", task.kind(), e);
            }
        }
        return counts;
    }

    private int run(RetentionTask task, Instant cutoff) {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int done = task.purge(cutoff, batchSize);
            total += done;
            if (done < batchSize) {
                break;
            }
        }
        return total;
    }
}
