package de.buergerservice.applications.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.applications.SubmissionStatus;
import de.buergerservice.applications.internal.submission.SubmissionExports;
import de.buergerservice.applications.internal.submission.SubmissionView;
import de.buergerservice.applications.internal.submission.Submissions;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.Notices;

/**
 * The back office's pages of online applications ({@code /backoffice/antraege}): the list with filters by status
 * and form, one submission with its answers shown with the form version it was made with, its attachments, its
 * history, the status change with a message to the citizen, and the exports (PDF, JSON).
 */
@Controller
@RequestMapping("/backoffice/antraege")
class SubmissionPagesController {

    private final Submissions submissions;
    private final SubmissionExports exports;
    private final Notices notices;
    private final MessageSource messages;
    private final JsonMapper json;

    SubmissionPagesController(
            Submissions submissions,
            SubmissionExports exports,
            Notices notices,
            MessageSource messages,
            JsonMapper json) {
        this.submissions = submissions;
        this.exports = exports;
        this.notices = notices;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String status, @RequestParam(required = false) String form, Model model) {
        SubmissionStatus chosen = Arrays.stream(SubmissionStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElse(null);
        List<SubmissionView> all = submissions.list(new Submissions.Filter(null, null, null));
        model.addAttribute(
                "formKeys",
                all.stream().map(SubmissionView::formKey).distinct().sorted().toList());
        model.addAttribute(
                "submissions",
                all.stream()
                        .filter(s -> chosen == null || s.status() == chosen)
                        .filter(s ->
                                form == null || form.isBlank() || s.formKey().equals(form))
                        .toList());
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("status", chosen);
        model.addAttribute("form", form);
        return "applications/submissions";
    }

    @GetMapping("/{submissionId}")
    String show(@PathVariable UUID submissionId, Model model) {
        SubmissionView submission = submissions.get(submissionId);
        model.addAttribute("submission", submission);
        model.addAttribute("answers", exports.answers(submission));
        model.addAttribute("formKnown", exports.formOf(submission).isPresent());
        model.addAttribute(
                "nextStatuses",
                Arrays.stream(SubmissionStatus.values())
                        .filter(s -> s != SubmissionStatus.RECEIVED)
                        .toList());
        return "applications/submission";
    }

    @PreAuthorize(Submissions.WORK)
    @PostMapping("/{submissionId}/status")
    String changeStatus(
            @PathVariable UUID submissionId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String message,
            Model model,
            RedirectAttributes redirect) {
        SubmissionStatus next = Arrays.stream(SubmissionStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElse(null);
        try {
            submissions.changeStatus(submissionId, next, message);
        } catch (InvalidFieldException e) {
            model.addAttribute("statusError", messages.getMessage(e.messageCode(), e.arguments(), Locale.GERMAN));
            model.addAttribute("errorField", e.field());
            model.addAttribute("chosenStatus", next);
            model.addAttribute("message", message);
            return show(submissionId, model);
        }
        notices.success(redirect, "applications.notice.statusChanged");
        return "redirect:/backoffice/antraege/" + submissionId;
    }

    @GetMapping("/{submissionId}/anlagen/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID submissionId, @PathVariable UUID attachmentId) {
        return Downloads.attachment(submissions.attachment(submissionId, attachmentId));
    }

    @GetMapping("/{submissionId}/export.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID submissionId) {
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

    @GetMapping("/{submissionId}/export.json")
    @ResponseBody
    ResponseEntity<String> exportJson(@PathVariable UUID submissionId) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("Antrag-" + submissionId + ".json")
                                .build()
                                .toString())
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(submissions.export(submissionId)));
    }
}
