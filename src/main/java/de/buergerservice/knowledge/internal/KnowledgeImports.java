package de.buergerservice.knowledge.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.internal.ImportJobs.ImportJob;
import de.buergerservice.knowledge.internal.ImportReport.Problem;
import de.buergerservice.knowledge.internal.ImportReport.Status;
import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Imports service descriptions from a DLDB JSON export or a CSV catalogue. All or nothing: every record is read and
 * checked against the same rules as the editor's input first; if one fails, the report names record and field and
 * nothing is written. Otherwise one transaction creates or updates the entries, matched by source and external id.
 * An import writes entries only — a tenant's overrides of catalogue entries are never touched.
 *
 * <p>Imported records follow the workflow of any change: new and changed records arrive for review (a change to a
 * published record as a working copy, the published content staying in force), unless the import asks to publish
 * and the four-eyes rule allows it — a person may not publish what they import themselves; the system may (the
 * operator's command-line import, start-up). Every import is recorded in the audit log.
 */
@Service
public class KnowledgeImports {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeImports.class);

    /** The file formats understood. */
    public enum Format {
        DLDB,
        CSV;

        public static Format parse(String value) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return format;
                }
            }
            throw new InvalidFieldException("format", "validation.knowledge.importFormat");
        }
    }

    static final String AUDIT_TYPE = "KnowledgeImport";

    /** What the audit log keeps of an import: where it went, what it did, whether it published. */
    record ImportAudit(
            String format,
            String target,
            Status status,
            int total,
            int created,
            int updated,
            int unchanged,
            boolean published) {}

    private final ServiceEntryRepository entries;
    private final Revisions revisions;
    private final KnowledgeAccess access;
    private final ImportJobs jobs;
    private final Validator validator;
    private final TransactionTemplate transaction;
    private final TenantDirectory tenants;
    private final KnowledgeProperties properties;
    private final ChangeRecorder changes;
    private final TaskExecutor worker;
    private final Clock clock;

    KnowledgeImports(
            ServiceEntryRepository entries,
            Revisions revisions,
            KnowledgeAccess access,
            ImportJobs jobs,
            Validator validator,
            TransactionTemplate transaction,
            TenantDirectory tenants,
            KnowledgeProperties properties,
            ChangeRecorder changes,
            @Qualifier(KnowledgeImportConfiguration.NAME) TaskExecutor worker,
            Clock clock) {
        this.entries = entries;
        this.revisions = revisions;
        this.access = access;
        this.jobs = jobs;
        this.validator = validator;
        this.transaction = transaction;
        this.tenants = tenants;
        this.properties = properties;
        this.changes = changes;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * Imports {@code file} for the tenant {@code slug} and waits for the report.
     *
     * @param intoCatalogue {@code true}: the shared catalogue (DLDB only), {@code false}: the tenant's own entries
     * @param publish whether the records go online at once instead of arriving for review; refused under the
     *     four-eyes rule, where a second person publishes what one imported
     */
    @PreAuthorize(KnowledgeService.WRITERS)
    public ImportReport importNow(String slug, Format format, Boolean intoCatalogue, boolean publish, byte[] file) {
        TenantInfo tenant = access.tenant(slug);
        boolean catalogue = catalogue(format, intoCatalogue);
        checkPublish(publish);
        ImportJob job = jobs.start(tenant.id(), format.name().toLowerCase(Locale.ROOT));
        return run(job, tenant, catalogue, publish, format, file);
    }

    /** Starts the import in the background; poll {@link #job} for its progress and report. */
    @PreAuthorize(KnowledgeService.WRITERS)
    public ImportJob start(String slug, Format format, Boolean intoCatalogue, boolean publish, byte[] file) {
        TenantInfo tenant = access.tenant(slug);
        boolean catalogue = catalogue(format, intoCatalogue);
        checkPublish(publish);
        ImportJob job = jobs.start(tenant.id(), format.name().toLowerCase(Locale.ROOT));
        Locale locale = LocaleContextHolder.getLocale();
        try {
            worker.execute(new DelegatingSecurityContextRunnable(() -> {
                LocaleContextHolder.setLocale(locale);
                run(job, tenant, catalogue, publish, format, file);
            }));
        } catch (TaskRejectedException busy) {
            jobs.fail(job.id());
            throw new ConflictException("knowledgeImportBusy");
        }
        return job;
    }

    @PreAuthorize(KnowledgeService.WRITERS)
    public ImportJob job(String slug, UUID jobId) {
        TenantInfo tenant = access.tenant(slug);
        return jobs.find(jobId, tenant.id()).orElseThrow(() -> new ResourceNotFoundException("knowledgeImport"));
    }

    /**
     * The command-line import: into the catalogue ({@code slug == null}) or a tenant, as the current user (the
     * system at start-up). Like every import, the records arrive for review unless {@code publish} is asked for
     * and the four-eyes rule allows it.
     */
    public ImportReport importFile(java.nio.file.Path path, String slug, Format format, boolean publish)
            throws IOException {
        byte[] file = java.nio.file.Files.readAllBytes(path);
        TenantInfo tenant = slug == null || slug.isBlank()
                ? null
                : tenants.findBySlug(slug).orElseThrow(() -> new IllegalArgumentException("No tenant " + slug));
        if (tenant == null && format == Format.CSV) {
            throw new IllegalArgumentException("A CSV catalogue is imported for a tenant: name it");
        }
        checkPublish(publish);
        ImportJob job = jobs.start(
                tenant == null ? new UUID(0, 0) : tenant.id(), format.name().toLowerCase(Locale.ROOT));
        return run(job, tenant, tenant == null, publish, format, file);
    }

    /**
     * Under the four-eyes rule a person cannot publish their own import: the records arrive for review and a second
     * person publishes them. The system (command-line import by the operator, start-up) is no person under that rule.
     */
    private void checkPublish(boolean publish) {
        if (publish && properties.fourEyes() && !SystemActor.NAME.equals(access.username())) {
            throw new InvalidFieldException("publish", "validation.knowledge.importPublishFourEyes");
        }
    }

    private static boolean catalogue(Format format, Boolean intoCatalogue) {
        boolean catalogue = intoCatalogue == null ? format == Format.DLDB : intoCatalogue;
        if (catalogue && format == Format.CSV) {
            throw new InvalidFieldException("target", "validation.knowledge.csvCatalogue");
        }
        return catalogue;
    }

    private ImportReport run(
            ImportJob job, TenantInfo tenant, boolean catalogue, boolean publish, Format format, byte[] file) {
        Instant started = clock.instant();
        try {
            List<ImportRecord> records = read(format, file);
            Map<String, UUID> departments = tenant == null ? Map.of() : departments(tenant.id());
            List<Problem> failures = new ArrayList<>();
            List<Problem> warnings = new ArrayList<>();
            check(records, departments, failures, warnings);
            jobs.progress(job.id(), 0, records.size());
            String target = catalogue ? "catalogue" : tenant.slug();
            String source = format == Format.DLDB ? DldbFormat.SOURCE : CsvFormat.SOURCE;
            ImportReport report;
            if (!failures.isEmpty()) {
                report = new ImportReport(
                        job.id(),
                        source,
                        target,
                        Status.REJECTED,
                        records.size(),
                        0,
                        0,
                        0,
                        failures,
                        warnings,
                        millisSince(started));
            } else {
                UUID tenantId = catalogue ? null : tenant.id();
                report = transaction.execute(status -> {
                    int[] counts = apply(job, records, tenantId, source, departments, publish);
                    ImportReport applied = new ImportReport(
                            job.id(),
                            source,
                            target,
                            Status.APPLIED,
                            records.size(),
                            counts[0],
                            counts[1],
                            counts[2],
                            List.of(),
                            warnings,
                            millisSince(started));
                    // in the transaction of the import: the audit log holds it exactly when it was committed
                    changes.created(AUDIT_TYPE, job.id(), tenantId, audit(applied, publish));
                    return applied;
                });
            }
            LOG.info(
                    "Import {} of {} records into {}: {} ({} created, {} updated, {} unchanged, {} failed) in {} ms",
                    source,
                    report.total(),
                    target,
                    report.status(),
                    report.created(),
                    report.updated(),
                    report.unchanged(),
                    report.failures().size(),
                    report.durationMillis());
            return jobs.finish(job.id(), report).report();
        } catch (RuntimeException e) {
            jobs.fail(job.id());
            throw e;
        }
    }

    private List<ImportRecord> read(Format format, byte[] file) {
        try (InputStream in = new ByteArrayInputStream(file)) {
            return format == Format.DLDB ? DldbFormat.read(in) : CsvFormat.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies the shared input rules to every record, collecting every problem (not only the first). */
    private void check(
            List<ImportRecord> records, Map<String, UUID> departments, List<Problem> failures, List<Problem> warnings) {
        Set<String> seen = new HashSet<>();
        for (ImportRecord record : records) {
            record.failures().forEach(p -> failures.add(resolve(p)));
            record.warnings().forEach(p -> warnings.add(resolve(p)));
            if (record.content() == null) {
                continue;
            }
            if (record.externalId() != null && !seen.add(record.externalId())) {
                failures.add(problem(record, "id", "knowledge.import.duplicate"));
            }
            if (record.department() != null && !departments.containsKey(key(record.department()))) {
                failures.add(problem(record, "department", "validation.knowledge.department"));
            }
            Set<String> reported = new HashSet<>();
            record.failures().forEach(p -> reported.add(p.field().replaceAll("\\[.*", "")));
            for (ConstraintViolation<ServiceData> violation : validator.validate(asData(record))) {
                String path = violation.getPropertyPath().toString();
                String top = path.replaceAll("[\\[.].*", "");
                String field = record.fieldNames().getOrDefault(top, top) + path.substring(top.length());
                if (reported.add(field.replaceAll("\\[.*", ""))) {
                    failures.add(new Problem(
                            record.position(), record.externalId(), record.title(), field, violation.getMessage()));
                }
            }
        }
    }

    private static ImportAudit audit(ImportReport report, boolean publish) {
        return new ImportAudit(
                report.format(),
                report.target(),
                report.status(),
                report.total(),
                report.created(),
                report.updated(),
                report.unchanged(),
                publish);
    }

    private int[] apply(
            ImportJob job,
            List<ImportRecord> records,
            UUID tenantId,
            String source,
            Map<String, UUID> departments,
            boolean publish) {
        Map<String, ServiceEntry> existing = new HashMap<>();
        (tenantId == null ? entries.catalogueFrom(source) : entries.tenantFrom(source, tenantId))
                .forEach(entry -> existing.put(entry.getExternalId(), entry));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        String editor = access.username();
        String note = access.text("knowledge.version.imported", source);
        for (int i = 0; i < records.size(); i++) {
            ImportRecord record = records.get(i);
            ServiceEntry entry = existing.get(record.externalId());
            UUID department = record.department() == null ? null : departments.get(key(record.department()));
            if (entry == null) {
                entry = new ServiceEntry(tenantId, source, record.externalId(), ServiceState.DRAFT, editor);
                entry.applyImport(record.content(), department, editor, publish);
                entries.save(entry);
                revisions.entrySaved(entry, note);
                created++;
            } else if (entry.applyImport(record.content(), department, editor, publish)) {
                revisions.entrySaved(entry, note);
                updated++;
            } else {
                unchanged++;
            }
            if (i % 25 == 0 || i == records.size() - 1) {
                jobs.progress(job.id(), i + 1, records.size());
            }
        }
        return new int[] {created, updated, unchanged};
    }

    private static ServiceData asData(ImportRecord record) {
        ServiceContent c = record.content();
        return new ServiceData(
                c.title(),
                c.synonyms(),
                c.leikaKey(),
                c.summary(),
                c.body(),
                c.requiredDocuments(),
                c.fees(),
                c.deadlines(),
                c.processingTime(),
                c.legalBasis(),
                c.onlineServiceUrl(),
                c.forms(),
                c.links(),
                c.topics(),
                null,
                null,
                null,
                null,
                null);
    }

    private Map<String, UUID> departments(UUID tenantId) {
        Map<String, UUID> byName = new HashMap<>();
        for (DepartmentInfo department : tenants.departmentsOf(tenantId)) {
            byName.put(key(department.name()), department.id());
        }
        return byName;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.GERMAN);
    }

    private Problem problem(ImportRecord record, String field, String code) {
        String fileField = record.fieldNames().getOrDefault(field, field);
        return new Problem(record.position(), record.externalId(), record.title(), fileField, text(code));
    }

    private Problem resolve(Problem problem) {
        return new Problem(
                problem.record(), problem.externalId(), problem.title(), problem.field(), text(problem.message()));
    }

    private String text(String code, Object... args) {
        return access.text(code, args);
    }

    private long millisSince(Instant started) {
        return Duration.between(started, clock.instant()).toMillis();
    }
}
