package de.buergerservice.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Imports in progress and the most recent finished ones, kept in memory so a client can poll the progress of a
 * large file (processed of total) and fetch the report afterwards. Lost on restart — the import itself is not:
 * it either committed completely or not at all.
 */
@Component
public class ImportJobs {

    static final int KEPT = 50;

    /** The state of one import, as the API shows it. */
    public record ImportJob(
            UUID id, UUID tenantId, String format, Status status, int processed, int total, ImportReport report) {

        public enum Status {
            RUNNING,
            DONE,
            FAILED
        }
    }

    private final Map<UUID, ImportJob> jobs = new LinkedHashMap<>();

    synchronized ImportJob start(UUID tenantId, String format) {
        ImportJob job = new ImportJob(UUID.randomUUID(), tenantId, format, ImportJob.Status.RUNNING, 0, 0, null);
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        return job;
    }

    synchronized void progress(UUID id, int processed, int total) {
        jobs.computeIfPresent(
                id,
                (key, job) ->
                        new ImportJob(job.id(), job.tenantId(), job.format(), job.status(), processed, total, null));
    }

    synchronized ImportJob finish(UUID id, ImportReport report) {
        return jobs.computeIfPresent(
                id,
                (key, job) -> new ImportJob(
                        job.id(),
                        job.tenantId(),
                        job.format(),
                        ImportJob.Status.DONE,
                        report.total(),
                        report.total(),
                        report));
    }

    synchronized void fail(UUID id) {
        jobs.computeIfPresent(
                id,
                (key, job) -> new ImportJob(
                        job.id(),
                        job.tenantId(),
                        job.format(),
                        ImportJob.Status.FAILED,
                        job.processed(),
                        job.total(),
                        null));
    }

    synchronized Optional<ImportJob> find(UUID id, UUID tenantId) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.tenantId().equals(tenantId));
    }
}
