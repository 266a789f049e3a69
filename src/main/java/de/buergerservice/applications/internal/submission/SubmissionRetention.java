package de.buergerservice.applications.internal.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes submissions with their history and attachments {@link SubmissionProperties#retentionDays()} days after
 * they were completed or rejected — data protection: what the municipality no longer needs is not kept. Each
 * deletion is logged (which submission of which municipality, when it was finished, how many files — never the
 * answers). Also removes files that were uploaded in a step of a form that was never submitted.
 */
@Component
public class SubmissionRetention {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRetention.class);

    /** Time a citizen has to finish a form after uploading a file in one of its steps. */
    static final Duration UNSUBMITTED_UPLOADS = Duration.ofDays(1);

    private final Submissions submissions;
    private final AttachmentStore store;
    private final SubmissionProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SubmissionRetention(
            Submissions submissions,
            AttachmentStore store,
            SubmissionProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.submissions = submissions;
        this.store = store;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${buergerservice.applications.submissions.retention-interval:PT1H}",
            fixedDelayString = "${buergerservice.applications.submissions.retention-interval:PT1H}")
    void scheduled() {
        run();
    }

    /** One round; returns how many submissions were deleted. */
    public int run() {
        Instant now = clock.instant();
        Instant before = now.minus(Duration.ofDays(properties.retentionDays()));
        int deleted = 0;
        for (UUID id : submissions.finishedBefore(before)) {
            Submissions.Deleted gone =
                    transactions.execute(status -> submissions.delete(id).orElse(null));
            if (gone != null) {
                deleted++;
                log.info(
                        "Retention: deleted submission {} ({}, form {}) of municipality {}, finished {}, with {}"
                                + " attachment(s), at {} ({} days after completion)",
                        gone.id(),
                        gone.trackingCode(),
                        gone.formKey(),
                        gone.tenantId(),
                        gone.completedAt(),
                        gone.files(),
                        now,
                        properties.retentionDays());
            }
        }
        int orphans = store.deleteOrphans(submissions::ownsFile, UNSUBMITTED_UPLOADS, now);
        if (orphans > 0) {
            log.info("Retention: deleted {} uploaded file(s) of forms never submitted", orphans);
        }
        return deleted;
    }
}
