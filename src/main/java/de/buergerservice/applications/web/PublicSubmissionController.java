package de.buergerservice.applications.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.applications.FieldKind;
import de.buergerservice.applications.FormCatalog;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.SubmissionDesk;
import de.buergerservice.applications.UploadedFile;
import de.buergerservice.shared.web.ClientAddress;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The public API of online applications (no login, rate-limited per client address like the portal's contact
 * form): {@code POST /api/public/v1/{slug}/forms/{formId}/submissions} as {@code multipart/form-data} with a part
 * {@code answers} (JSON object: field id → value or list of values; an address as {@code id.street} …), a part per
 * FILE field named by its id, and optionally {@code email}; and the status look-up {@code GET
 * /api/public/v1/{slug}/submissions/{trackingCode}?email=…}, where a wrong address is the same 404 as a wrong code.
 * Invalid answers are 400 problem+json with each field under {@code errors}; a file too large 413.
 */
@RestController
class PublicSubmissionController {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    private final SubmissionDesk desk;
    private final FormCatalog forms;
    private final TenantDirectory tenants;
    private final JsonMapper json;
    private final MessageSource messages;

    private final ClientAddress clients;

    PublicSubmissionController(
            SubmissionDesk desk,
            FormCatalog forms,
            TenantDirectory tenants,
            JsonMapper json,
            MessageSource messages,
            ClientAddress clients) {
        this.clients = clients;
        this.desk = desk;
        this.forms = forms;
        this.tenants = tenants;
        this.json = json;
        this.messages = messages;
    }

    /** Where a submission was received, and how to look it up. */
    record Received(String trackingCode, String email, java.time.Instant receivedAt, String status) {}

    @PostMapping(
            path = "/api/public/v1/{slug}/forms/{formId}/submissions",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> submit(
            @PathVariable String slug,
            @PathVariable String formId,
            @RequestParam(name = "answers", required = false) String answersJson,
            @RequestParam(name = "email", required = false) String email,
            HttpServletRequest request) {
        ResponseEntity<Object> limited = limited(request);
        if (limited != null) {
            return limited;
        }
        TenantInfo tenant = tenant(slug);
        FormDefinition form =
                forms.current(tenant.id(), formId).orElseThrow(() -> new ResourceNotFoundException("form"));
        Map<String, List<String>> answers = answers(answersJson);
        List<UploadedFile> files = new ArrayList<>();
        long total = 0;
        try {
            for (FormField field :
                    form.fields().filter(f -> f.kind() == FieldKind.FILE).toList()) {
                List<String> ids = new ArrayList<>();
                for (MultipartFile part : parts(request, field.id())) {
                    total += part.getSize();
                    if (total > desk.maxTotalSize()) {
                        throw new InvalidFieldException(
                                field.id(),
                                "applications.attachment.totalTooLarge",
                                desk.maxTotalSize() / (1024 * 1024));
                    }
                    UploadedFile file = desk.upload(field.id(), part.getOriginalFilename(), bytes(part));
                    files.add(file);
                    ids.add(file.id().toString());
                }
                if (ids.isEmpty()) {
                    answers.remove(field.id());
                } else {
                    answers.put(field.id(), ids);
                }
            }
        } catch (InvalidFieldException e) {
            if (e.messageCode().endsWith("tooLarge") || e.messageCode().endsWith("totalTooLarge")) {
                return tooLarge(e);
            }
            throw e;
        }
        SubmissionDesk.SubmissionReceipt receipt = desk.submit(tenant.id(), form, answers, files, email);
        return ResponseEntity.created(
                        URI.create("/api/public/v1/" + tenant.slug() + "/submissions/" + receipt.trackingCode()))
                .body(new Received(receipt.trackingCode(), receipt.email(), receipt.receivedAt(), "RECEIVED"));
    }

    @GetMapping("/api/public/v1/{slug}/submissions/{trackingCode}")
    ResponseEntity<Object> status(
            @PathVariable String slug,
            @PathVariable String trackingCode,
            @RequestParam(name = "email", required = false) String email,
            HttpServletRequest request) {
        ResponseEntity<Object> limited = limited(request);
        if (limited != null) {
            return limited;
        }
        TenantInfo tenant = tenant(slug);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(desk.status(tenant.id(), trackingCode, email)
                        .orElseThrow(() -> new ResourceNotFoundException("submission")));
    }

    private TenantInfo tenant(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("tenant"));
    }

    private Map<String, List<String>> answers(String answersJson) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        if (answersJson == null || answersJson.isBlank()) {
            return answers;
        }
        Map<String, Object> raw;
        try {
            raw = json.readValue(answersJson, OBJECT);
        } catch (JacksonException e) {
            throw new InvalidFieldException("answers", "validation.unreadableValue");
        }
        raw.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                answers.put(
                        key,
                        list.stream()
                                .map(v -> v == null ? "" : String.valueOf(v))
                                .toList());
            } else if (value != null) {
                answers.put(key, List.of(String.valueOf(value)));
            }
        });
        return answers;
    }

    private static List<MultipartFile> parts(HttpServletRequest request, String name) {
        // the security filters wrap the request; the multipart one is beneath
        MultipartHttpServletRequest multipart =
                org.springframework.web.util.WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return List.of();
        }
        return multipart.getFiles(name).stream().filter(f -> !f.isEmpty()).toList();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<Object> limited(HttpServletRequest request) {
        OptionalLong wait = desk.admit(clients.of(request));
        if (wait.isEmpty()) {
            return null;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                message("applications.tooMany", new Object[] {(wait.getAsLong() + 59) / 60}));
        problem.setTitle(message("problemDetail.title.429", null));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private ResponseEntity<Object> tooLarge(InvalidFieldException e) {
        String text = message(e.messageCode(), e.arguments());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, text);
        problem.setTitle(message("problemDetail.title.413", null));
        problem.setProperty("errors", List.of(new de.buergerservice.shared.web.FieldError(e.field(), text)));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String message(String code, Object[] arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, arguments, code, locale);
    }
}
