package de.buergerservice.knowledge.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.knowledge.internal.ImportJobs.ImportJob;
import de.buergerservice.knowledge.internal.ImportReport;
import de.buergerservice.knowledge.internal.KnowledgeImports;
import de.buergerservice.knowledge.internal.KnowledgeService;
import de.buergerservice.knowledge.internal.OverrideData;
import de.buergerservice.knowledge.internal.OverrideEditing;
import de.buergerservice.knowledge.internal.ServiceData;
import de.buergerservice.knowledge.internal.ServiceEditing;
import de.buergerservice.knowledge.internal.ServiceWorkflow;
import de.buergerservice.knowledge.internal.Views.BulkOutcome;
import de.buergerservice.knowledge.internal.Views.Dashboard;
import de.buergerservice.knowledge.internal.Views.OverrideView;
import de.buergerservice.knowledge.internal.Views.VersionDiff;
import de.buergerservice.knowledge.internal.Views.VersionInfo;
import de.buergerservice.shared.web.InvalidFieldException;

/** REST API of a tenant's service descriptions: {@code /api/v1/tenants/{slug}/knowledge}. */
@RestController
@RequestMapping("/api/v1/tenants/{slug}/knowledge")
class KnowledgeApiController {

    /** A requested workflow step. */
    record StateChange(@NotNull ServiceState state) {}

    /** A tenant's merged catalogue, as exported. */
    record Export(String tenant, Instant exportedAt, Audience audience, List<ServiceView> services) {}

    /** A workflow step for many services at once (the review queue after an import). */
    record BulkStateChange(@NotNull List<UUID> ids, @NotNull ServiceState state) {}

    private final KnowledgeService knowledge;
    private final ServiceEditing editing;
    private final OverrideEditing overrides;
    private final ServiceWorkflow workflow;
    private final KnowledgeImports imports;
    private final KnowledgeCatalog catalog;
    private final java.time.Clock clock;

    KnowledgeApiController(
            KnowledgeService knowledge,
            ServiceEditing editing,
            OverrideEditing overrides,
            ServiceWorkflow workflow,
            KnowledgeImports imports,
            KnowledgeCatalog catalog,
            java.time.Clock clock) {
        this.knowledge = knowledge;
        this.editing = editing;
        this.overrides = overrides;
        this.workflow = workflow;
        this.imports = imports;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/services")
    List<ServiceView> list(
            @PathVariable String slug,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) ServiceState state,
            @RequestParam(required = false) String topic) {
        return knowledge.list(slug, q, state, topic);
    }

    @PostMapping("/services")
    @PreAuthorize(KnowledgeEditorController.EDITORS)
    ResponseEntity<ServiceView> create(@PathVariable String slug, @Valid @RequestBody ServiceData data) {
        ServiceView created = editing.create(slug, data);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + slug + "/knowledge/services/" + created.id()))
                .body(created);
    }

    @GetMapping("/services/{serviceId}")
    ServiceView get(@PathVariable String slug, @PathVariable UUID serviceId) {
        return knowledge.get(slug, serviceId);
    }

    @PutMapping("/services/{serviceId}")
    @PreAuthorize(KnowledgeEditorController.EDITORS)
    ServiceView update(@PathVariable String slug, @PathVariable UUID serviceId, @Valid @RequestBody ServiceData data) {
        return editing.update(slug, serviceId, data);
    }

    @GetMapping("/services/{serviceId}/override")
    OverrideView override(@PathVariable String slug, @PathVariable UUID serviceId) {
        return knowledge.override(slug, serviceId);
    }

    @PutMapping("/services/{serviceId}/override")
    @PreAuthorize(KnowledgeEditorController.EDITORS)
    ServiceView setOverride(
            @PathVariable String slug, @PathVariable UUID serviceId, @Valid @RequestBody OverrideData data) {
        return overrides.setOverride(slug, serviceId, data);
    }

    @DeleteMapping("/services/{serviceId}/override")
    @PreAuthorize(KnowledgeEditorController.EDITORS)
    ServiceView removeOverride(@PathVariable String slug, @PathVariable UUID serviceId) {
        return overrides.removeOverride(slug, serviceId);
    }

    /** Puts a waiting change to the tenant's override online (four-eyes rule: not by its author). */
    @PostMapping("/services/{serviceId}/override/approval")
    @PreAuthorize(KnowledgeEditorController.EDITORS)
    ServiceView approveOverride(@PathVariable String slug, @PathVariable UUID serviceId) {
        return overrides.approveOverride(slug, serviceId);
    }

    @PostMapping("/services/{serviceId}/state")
    @PreAuthorize(KnowledgeEditorController.EDITORS)
    ServiceView transition(
            @PathVariable String slug, @PathVariable UUID serviceId, @Valid @RequestBody StateChange change) {
        return workflow.transition(slug, serviceId, change.state());
    }

    /**
     * Moves many services at once, each on its own terms (200 with one outcome per service: a refusal, e.g. under
     * the four-eyes rule, names the service and the reason and leaves the others to move).
     */
    @PostMapping("/services/state")
    @PreAuthorize(KnowledgeEditorController.EDITORS)
    List<BulkOutcome> transitionAll(@PathVariable String slug, @Valid @RequestBody BulkStateChange change) {
        return workflow.transitionAll(slug, change.ids(), change.state());
    }

    @GetMapping("/services/{serviceId}/versions")
    List<VersionInfo> versions(@PathVariable String slug, @PathVariable UUID serviceId) {
        return knowledge.history(slug, serviceId);
    }

    /** The diff between two versions; both parameters are checked after the service itself was found. */
    @GetMapping("/services/{serviceId}/diff")
    VersionDiff diff(
            @PathVariable String slug,
            @PathVariable UUID serviceId,
            @RequestParam(required = false) UUID from,
            @RequestParam(required = false) UUID to) {
        return knowledge.diff(slug, serviceId, from, to);
    }

    @GetMapping("/dashboard")
    Dashboard dashboard(@PathVariable String slug) {
        return knowledge.dashboard(slug);
    }

    /**
     * Imports a file; its records arrive for review unless {@code publish=true} (refused under the four-eyes rule,
     * where a second person publishes them). Synchronous by default (200 with the report, 422 if rejected); with {@code async=true} the
     * answer is 202 with the job, whose progress {@code GET …/imports/{importId}} shows.
     */
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(KnowledgeEditorController.EDITORS)
    ResponseEntity<?> importFile(
            @PathVariable String slug,
            @RequestPart("file") MultipartFile file,
            @RequestParam String format,
            @RequestParam(required = false) String target,
            @RequestParam(defaultValue = "false") boolean publish,
            @RequestParam(defaultValue = "false") boolean async)
            throws IOException {
        KnowledgeImports.Format parsed = KnowledgeImports.Format.parse(format);
        Boolean catalogue = target(target);
        if (file.isEmpty()) {
            throw new InvalidFieldException("file", "validation.knowledge.emptyFile");
        }
        if (async) {
            ImportJob job = imports.start(slug, parsed, catalogue, publish, file.getBytes());
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/tenants/" + slug + "/knowledge/imports/" + job.id()))
                    .body(job);
        }
        ImportReport report = imports.importNow(slug, parsed, catalogue, publish, file.getBytes());
        return ResponseEntity.status(
                        report.status() == ImportReport.Status.APPLIED
                                ? HttpStatus.OK
                                : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(report);
    }

    @GetMapping("/imports/{importId}")
    ImportJob importJob(@PathVariable String slug, @PathVariable UUID importId) {
        return imports.job(slug, importId);
    }

    /** The tenant's merged catalogue as JSON; {@code audience=PUBLIC} for published content without notes. */
    @GetMapping("/export")
    ResponseEntity<Export> export(@PathVariable String slug, @RequestParam(defaultValue = "STAFF") Audience audience) {
        var tenant = knowledge.tenant(slug);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"wissen-" + slug + ".json\"")
                .body(new Export(slug, clock.instant(), audience, catalog.list(tenant.id(), audience)));
    }

    private static Boolean target(String target) {
        if (target == null || target.isBlank()) {
            return null;
        }
        return switch (target.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "catalogue" -> true;
            case "tenant" -> false;
            default -> throw new InvalidFieldException("target", "validation.knowledge.importTarget");
        };
    }
}
