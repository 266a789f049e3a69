package de.buergerservice.applications.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.applications.SubmissionStatus;
import de.buergerservice.applications.internal.submission.SubmissionExports;
import de.buergerservice.applications.internal.submission.SubmissionView;
import de.buergerservice.applications.internal.submission.Submissions;

/**
 * The back office's REST API of online applications, for the municipality's specialist software:
 * {@code /api/v1/submissions} — list (filter by municipality, status, form), one submission, a status change with a
 * message to the citizen, an attachment's content, the export as JSON and PDF. A user of one municipality sees only
 * its submissions; a foreign one is 404.
 */
@RestController
@RequestMapping("/api/v1/submissions")
class SubmissionApiController {

    /** A status change: the new status and the message the citizen gets by mail (required for a question or a no). */
    record StatusChange(
            @NotNull SubmissionStatus status,
            @Size(max = 4000) String message) {}

    private final Submissions submissions;
    private final SubmissionExports exports;

    SubmissionApiController(Submissions submissions, SubmissionExports exports) {
        this.submissions = submissions;
        this.exports = exports;
    }

    /** {@code ?tenant=<slug>&status=RECEIVED&form=<formKey>}, each optional. */
    @GetMapping
    List<SubmissionView> list(
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) SubmissionStatus status,
            @RequestParam(required = false) String form) {
        return submissions.list(new Submissions.Filter(tenant, status, form));
    }

    @GetMapping("/{submissionId}")
    SubmissionView get(@PathVariable UUID submissionId) {
        return submissions.get(submissionId);
    }

    @PreAuthorize(Submissions.WORK)
    @PostMapping("/{submissionId}/status")
    SubmissionView changeStatus(@PathVariable UUID submissionId, @Valid @RequestBody StatusChange change) {
        return submissions.changeStatus(submissionId, change.status(), change.message());
    }

    @GetMapping("/{submissionId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID submissionId, @PathVariable UUID attachmentId) {
        return Downloads.attachment(submissions.attachment(submissionId, attachmentId));
    }

    /** Machine-readable: form key and version, every answer by field id, attachments with SHA-256, history. */
    @GetMapping("/{submissionId}/export.json")
    Map<String, Object> exportJson(@PathVariable UUID submissionId) {
        return submissions.export(submissionId);
    }

    @GetMapping("/{submissionId}/export.pdf")
    ResponseEntity<byte[]> exportPdf(@PathVariable UUID submissionId) {
        byte[] pdf = exports.pdf(submissionId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("Antrag-" + submissionId + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
