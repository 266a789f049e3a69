package de.buergerservice.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import de.buergerservice.applications.FieldKind;
import de.buergerservice.applications.FieldProblem;
import de.buergerservice.applications.FormCatalog;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.FormSection;
import de.buergerservice.applications.FormValidator;
import de.buergerservice.applications.SubmissionDesk;
import de.buergerservice.applications.UploadedFile;
import de.buergerservice.shared.web.ClientAddress;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.InvalidFieldsException;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Online-Anträge on the portal: a published form of the municipality, one section per step, then a summary, then
 * the submission — plain HTML forms (POST, redirect after POST), complete without JavaScript. The answers of the
 * steps wait in the session ({@link ApplicationDraft}); each step is checked by the form's validator as the whole
 * is on submitting (the server is the authority). Errors are shown in a summary at the top that links to each
 * field, and at the field (the page itself answers 200, as the contact form does). Attachments are checked (type
 * by content, size) when their step is sent.
 */
@Controller
class PortalApplicationController {

    static final String FIELD_PREFIX = "f:";

    private final PortalPageSupport pages;
    private final FormCatalog forms;
    private final SubmissionDesk desk;
    private final MessageSource messages;

    private final ClientAddress clients;

    PortalApplicationController(
            PortalPageSupport pages,
            FormCatalog forms,
            SubmissionDesk desk,
            MessageSource messages,
            ClientAddress clients) {
        this.clients = clients;
        this.pages = pages;
        this.forms = forms;
        this.desk = desk;
        this.messages = messages;
    }

    @GetMapping("/{slug}/antraege/{formKey}")
    String step(
            @PathVariable String slug,
            @PathVariable String formKey,
            @RequestParam(name = "schritt", defaultValue = "1") String step,
            HttpServletRequest request,
            Model model) {
        TenantInfo tenant = pages.tenant(slug);
        FormDefinition form = current(tenant, formKey);
        ApplicationDraft draft = ApplicationDraft.of(request.getSession(), tenant.id(), form.formKey(), form.version());
        FormDefinition version = version(tenant, draft, form);
        int index = stepIndex(version, step);
        return stepPage(tenant, version, draft, index, Map.of(), List.of(), model);
    }

    @PostMapping("/{slug}/antraege/{formKey}")
    String saveStep(
            @PathVariable String slug,
            @PathVariable String formKey,
            @RequestParam(name = "schritt", defaultValue = "1") String step,
            @RequestParam(name = "aktion", defaultValue = "weiter") String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        TenantInfo tenant = pages.tenant(slug);
        FormDefinition form = current(tenant, formKey);
        HttpSession session = request.getSession();
        ApplicationDraft draft = ApplicationDraft.of(session, tenant.id(), form.formKey(), form.version());
        FormDefinition version = version(tenant, draft, form);
        int index = stepIndex(version, step);
        if (tooMany(request, response, model)) {
            return stepPage(tenant, version, draft, index, Map.of(), List.of(), model);
        }
        FormSection section = version.sections().get(index);
        Map<String, String> errors = new LinkedHashMap<>();
        List<ErrorLink> links = new ArrayList<>();
        take(version, section, draft, request, errors);
        if ("zurueck".equals(action)) {
            return "redirect:" + stepUrl(tenant, version, Math.max(0, index - 1));
        }
        for (FieldProblem problem : desk.checkSection(version, section.id(), draft.answers)) {
            errors.putIfAbsent(problem.fieldId(), problem.message());
        }
        if (!errors.isEmpty()) {
            errors.forEach((id, message) -> links.add(new ErrorLink("#" + id, message)));
            return stepPage(tenant, version, draft, index, errors, links, model);
        }
        if (index + 1 < version.sections().size()) {
            return "redirect:" + stepUrl(tenant, version, index + 1);
        }
        return "redirect:" + base(tenant, version) + "/zusammenfassung";
    }

    @GetMapping("/{slug}/antraege/{formKey}/zusammenfassung")
    String summary(@PathVariable String slug, @PathVariable String formKey, HttpServletRequest request, Model model) {
        TenantInfo tenant = pages.tenant(slug);
        FormDefinition form = current(tenant, formKey);
        ApplicationDraft draft = ApplicationDraft.of(request.getSession(), tenant.id(), form.formKey(), form.version());
        return summaryPage(tenant, version(tenant, draft, form), draft, null, List.of(), model);
    }

    @PostMapping("/{slug}/antraege/{formKey}/absenden")
    String submit(
            @PathVariable String slug,
            @PathVariable String formKey,
            @RequestParam(name = "email", required = false) String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        TenantInfo tenant = pages.tenant(slug);
        FormDefinition form = current(tenant, formKey);
        HttpSession session = request.getSession();
        ApplicationDraft draft = ApplicationDraft.of(session, tenant.id(), form.formKey(), form.version());
        FormDefinition version = version(tenant, draft, form);
        if (tooMany(request, response, model)) {
            return summaryPage(tenant, version, draft, email, List.of(), model);
        }
        try {
            SubmissionDesk.SubmissionReceipt receipt = desk.submit(
                    tenant.id(), version, draft.answers, draft.allFiles(), needsEmail(version) ? email : null);
            ApplicationDraft.discard(session, tenant.id(), form.formKey());
            new ApplicationDraft.Verified(tenant.id(), receipt.trackingCode(), receipt.email()).remember(session);
            session.setAttribute("antrag:eingegangen:" + tenant.id(), receipt);
            return "redirect:" + base(tenant, version) + "/eingegangen";
        } catch (InvalidFieldsException e) {
            List<ErrorLink> links = new ArrayList<>();
            for (InvalidFieldsException.Error error : e.errors()) {
                links.add(new ErrorLink(
                        link(tenant, version, error.field()),
                        error.message() != null ? error.message() : message(error.code(), error.arguments())));
            }
            return summaryPage(tenant, version, draft, email, links, model);
        }
    }

    @GetMapping("/{slug}/antraege/{formKey}/eingegangen")
    String received(@PathVariable String slug, @PathVariable String formKey, HttpServletRequest request, Model model) {
        TenantInfo tenant = pages.tenant(slug);
        FormDefinition form = current(tenant, formKey);
        HttpSession session = request.getSession(false);
        Object receipt = session == null ? null : session.getAttribute("antrag:eingegangen:" + tenant.id());
        if (!(receipt instanceof SubmissionDesk.SubmissionReceipt done)) {
            return "redirect:" + base(tenant, form);
        }
        pages.model(tenant, "antraege/" + form.formKey() + "/eingegangen", "Antrag eingegangen", form.title())
                .forEach(model::addAttribute);
        model.addAttribute("form", form);
        model.addAttribute("receipt", done);
        return "portal/application-received";
    }

    @GetMapping("/{slug}/antragsstatus")
    String lookupForm(@PathVariable String slug, Model model) {
        TenantInfo tenant = pages.tenant(slug);
        return lookupPage(tenant, null, null, List.of(), model);
    }

    @PostMapping("/{slug}/antragsstatus")
    String lookup(
            @PathVariable String slug,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "email", required = false) String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        TenantInfo tenant = pages.tenant(slug);
        if (tooMany(request, response, model)) {
            return lookupPage(tenant, code, email, List.of(), model);
        }
        List<ErrorLink> errors = new ArrayList<>();
        if (code == null || code.isBlank()) {
            errors.add(new ErrorLink("#code", message("applications.lookup.code", null)));
        }
        if (email == null || email.isBlank()) {
            errors.add(new ErrorLink("#email", message("applications.lookup.email", null)));
        }
        if (errors.isEmpty() && desk.status(tenant.id(), code, email).isEmpty()) {
            errors.add(new ErrorLink("#code", message("applications.lookup.notFound", null)));
        }
        if (!errors.isEmpty()) {
            return lookupPage(tenant, code, email, errors, model);
        }
        SubmissionDesk.CitizenStatus status =
                desk.status(tenant.id(), code, email).orElseThrow();
        new ApplicationDraft.Verified(tenant.id(), status.trackingCode(), email.strip()).remember(request.getSession());
        return "redirect:/" + tenant.slug() + "/antragsstatus/vorgang";
    }

    @GetMapping("/{slug}/antragsstatus/vorgang")
    String status(@PathVariable String slug, HttpServletRequest request, Model model) {
        TenantInfo tenant = pages.tenant(slug);
        ApplicationDraft.Verified verified = ApplicationDraft.Verified.of(request.getSession(false), tenant.id());
        if (verified == null) {
            return "redirect:/" + tenant.slug() + "/antragsstatus";
        }
        return statusPage(tenant, verified, null, List.of(), model);
    }

    @PostMapping("/{slug}/antragsstatus/vorgang")
    String answer(
            @PathVariable String slug,
            @RequestParam(name = "message", required = false) String text,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        TenantInfo tenant = pages.tenant(slug);
        ApplicationDraft.Verified verified = ApplicationDraft.Verified.of(request.getSession(false), tenant.id());
        if (verified == null) {
            return "redirect:/" + tenant.slug() + "/antragsstatus";
        }
        if (tooMany(request, response, model)) {
            return statusPage(tenant, verified, text, List.of(), model);
        }
        try {
            List<UploadedFile> files = new ArrayList<>();
            for (MultipartFile file : files(request, "files")) {
                files.add(desk.upload("files", file.getOriginalFilename(), bytes(file)));
            }
            desk.answer(tenant.id(), verified.trackingCode(), verified.email(), text, files);
            return "redirect:/" + tenant.slug() + "/antragsstatus/vorgang?beantwortet=ja";
        } catch (InvalidFieldException e) {
            return statusPage(
                    tenant,
                    verified,
                    text,
                    List.of(new ErrorLink("#" + e.field(), message(e.messageCode(), e.arguments()))),
                    model);
        }
    }

    @GetMapping("/{slug}/antragsstatus/eingangsbestaetigung")
    ResponseEntity<byte[]> receipt(@PathVariable String slug, HttpServletRequest request) {
        TenantInfo tenant = pages.tenant(slug);
        ApplicationDraft.Verified verified = ApplicationDraft.Verified.of(request.getSession(false), tenant.id());
        if (verified == null) {
            throw new PortalNotFoundException("submission");
        }
        byte[] pdf = desk.receipt(tenant.id(), verified.trackingCode(), verified.email());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("Eingangsbestaetigung-" + verified.trackingCode() + ".pdf")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    // ---- pages

    /** A link of the error summary: where the input is (on this page: {@code #id}) and the message. */
    record ErrorLink(String href, String message) {}

    /** A section of the summary: its step, title and the answers given. */
    record SummarySection(int step, String title, List<SummaryLine> lines) {}

    record SummaryLine(String label, String value) {}

    private String stepPage(
            TenantInfo tenant,
            FormDefinition form,
            ApplicationDraft draft,
            int index,
            Map<String, String> errors,
            List<ErrorLink> links,
            Model model) {
        FormSection section = form.sections().get(index);
        String title = (links.isEmpty() ? "" : "Fehler: ") + form.title() + " – " + section.title();
        pages.model(tenant, "antraege/" + form.formKey(), title, form.intro() == null ? form.title() : form.intro())
                .forEach(model::addAttribute);
        List<FieldView> fields = new ArrayList<>();
        for (FormField field : section.fields()) {
            String condition = null;
            if (field.visibleWhen() != null) {
                FormField other = form.field(field.visibleWhen().fieldId()).orElse(null);
                boolean sameStep = other != null && section.fields().contains(other);
                if (!sameStep && !FormValidator.isVisible(form, field, draft.answers)) {
                    continue; // its condition was answered in an earlier step: not asked
                }
                if (sameStep) {
                    condition = "Nur ausfüllen, wenn bei „" + other.label() + "“ "
                            + conditionValue(other, field.visibleWhen().equals()) + " angegeben ist.";
                }
            }
            fields.add(FieldView.of(form, field, draft.answers, draft.files, errors, condition));
        }
        model.addAttribute("form", form);
        model.addAttribute("section", section);
        model.addAttribute("fields", fields);
        model.addAttribute("stepNumber", index + 1);
        model.addAttribute("stepCount", form.sections().size());
        model.addAttribute("errors", links);
        model.addAttribute("maxFileMb", desk.maxFileSize() / (1024 * 1024));
        model.addAttribute("action", base(tenant, form));
        return "portal/application-step";
    }

    private static String conditionValue(FormField other, String value) {
        if (other.kind() == FieldKind.CHECKBOX) {
            return FormValidator.isChecked(value) ? "ein Häkchen" : "kein Häkchen";
        }
        return "„"
                + other.options().stream()
                        .filter(o -> o.code().equals(value))
                        .map(o -> o.label())
                        .findFirst()
                        .orElse(value)
                + "“";
    }

    private String summaryPage(
            TenantInfo tenant,
            FormDefinition form,
            ApplicationDraft draft,
            String email,
            List<ErrorLink> errors,
            Model model) {
        pages.model(
                        tenant,
                        "antraege/" + form.formKey() + "/zusammenfassung",
                        (errors.isEmpty() ? "" : "Fehler: ") + form.title() + " – Zusammenfassung",
                        form.title())
                .forEach(model::addAttribute);
        List<SummarySection> sections = new ArrayList<>();
        for (int i = 0; i < form.sections().size(); i++) {
            List<SummaryLine> lines = new ArrayList<>();
            for (FormField field : form.sections().get(i).fields()) {
                if (!field.kind().answerable() || !FormValidator.isVisible(form, field, draft.answers)) {
                    continue;
                }
                String value = SummaryValues.of(field, draft.answers, draft.files);
                lines.add(new SummaryLine(field.label(), value == null || value.isBlank() ? "–" : value));
            }
            sections.add(new SummarySection(i + 1, form.sections().get(i).title(), lines));
        }
        model.addAttribute("form", form);
        model.addAttribute("sections", sections);
        model.addAttribute("errors", errors);
        model.addAttribute("needsEmail", needsEmail(form));
        model.addAttribute("email", email);
        model.addAttribute("action", base(tenant, form));
        return "portal/application-summary";
    }

    private String lookupPage(TenantInfo tenant, String code, String email, List<ErrorLink> errors, Model model) {
        pages.model(
                        tenant,
                        "antragsstatus",
                        (errors.isEmpty() ? "" : "Fehler: ") + "Antragsstatus",
                        "Stand Ihres Antrags")
                .forEach(model::addAttribute);
        model.addAttribute("code", code);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "portal/application-lookup";
    }

    private String statusPage(
            TenantInfo tenant, ApplicationDraft.Verified verified, String text, List<ErrorLink> errors, Model model) {
        SubmissionDesk.CitizenStatus status = desk.status(tenant.id(), verified.trackingCode(), verified.email())
                .orElseThrow(() -> new PortalNotFoundException("submission"));
        pages.model(
                        tenant,
                        "antragsstatus/vorgang",
                        (errors.isEmpty() ? "" : "Fehler: ") + "Antrag " + status.trackingCode(),
                        status.formTitle())
                .forEach(model::addAttribute);
        model.addAttribute("submission", status);
        model.addAttribute("message", text);
        model.addAttribute("errors", errors);
        model.addAttribute("maxFileMb", desk.maxFileSize() / (1024 * 1024));
        return "portal/application-status";
    }

    // ---- input

    /**
     * Takes the step's answers from the request into the draft: the inputs are named {@code f:<field id>} (an
     * address's parts {@code f:<field id>.<part>}), so no other request parameter can become an answer. A file
     * input's upload is checked and stored now; a step sent without a new file keeps the one uploaded before.
     */
    private void take(
            FormDefinition form,
            FormSection section,
            ApplicationDraft draft,
            HttpServletRequest request,
            Map<String, String> errors) {
        Map<String, String[]> parameters = request.getParameterMap();
        for (FormField field : section.fields()) {
            switch (field.kind()) {
                case LABEL -> {}
                case ADDRESS -> {
                    for (var part : de.buergerservice.applications.AddressPart.values()) {
                        put(draft, part.key(field.id()), parameters.get(FIELD_PREFIX + part.key(field.id())));
                    }
                }
                case FILE -> {
                    List<MultipartFile> uploads = files(request, FIELD_PREFIX + field.id());
                    if (uploads.isEmpty()) {
                        break;
                    }
                    List<UploadedFile> stored = new ArrayList<>();
                    long total = draft.totalSize()
                            - draft.files.getOrDefault(field.id(), List.of()).stream()
                                    .mapToLong(UploadedFile::size)
                                    .sum();
                    try {
                        for (MultipartFile upload : uploads) {
                            total += upload.getSize();
                            if (total > desk.maxTotalSize()) {
                                throw new InvalidFieldException(
                                        field.id(),
                                        "applications.attachment.totalTooLarge",
                                        desk.maxTotalSize() / (1024 * 1024));
                            }
                            stored.add(desk.upload(field.id(), upload.getOriginalFilename(), bytes(upload)));
                        }
                        draft.files.put(field.id(), stored);
                        draft.answers.put(
                                field.id(),
                                stored.stream().map(f -> f.id().toString()).toList());
                    } catch (InvalidFieldException e) {
                        errors.put(field.id(), message(e.messageCode(), e.arguments()));
                    }
                }
                default -> put(draft, field.id(), parameters.get(FIELD_PREFIX + field.id()));
            }
        }
    }

    private static void put(ApplicationDraft draft, String key, String[] values) {
        if (values == null || values.length == 0) {
            draft.answers.remove(key);
            return;
        }
        List<String> kept = java.util.Arrays.stream(values)
                .map(v -> v.length() > 10_000 ? v.substring(0, 10_000) : v)
                .filter(v -> !v.isBlank())
                .toList();
        if (kept.isEmpty()) {
            draft.answers.remove(key);
        } else {
            draft.answers.put(key, kept);
        }
    }

    private static List<MultipartFile> files(HttpServletRequest request, String name) {
        // the security filters wrap the request; the multipart one is beneath
        MultipartHttpServletRequest multipart =
                org.springframework.web.util.WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return List.of();
        }
        MultiValueMap<String, MultipartFile> all = multipart.getMultiFileMap();
        return all.getOrDefault(name, List.of()).stream()
                .filter(file -> !file.isEmpty() || !file.getOriginalFilename().isBlank())
                .toList();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean tooMany(HttpServletRequest request, HttpServletResponse response, Model model) {
        OptionalLong wait = desk.admit(clients.of(request)); // behind the municipality's proxy: the citizen's address
        if (wait.isEmpty()) {
            return false;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong()));
        model.addAttribute("tooMany", message("applications.tooMany", new Object[] {(wait.getAsLong() + 59) / 60}));
        return true;
    }

    // ---- helpers

    private FormDefinition current(TenantInfo tenant, String formKey) {
        return forms.current(tenant.id(), formKey).orElseThrow(() -> new PortalNotFoundException("form"));
    }

    /** The version the draft was started with, if it can still be read; else the current one. */
    private FormDefinition version(TenantInfo tenant, ApplicationDraft draft, FormDefinition current) {
        if (draft.version == current.version()) {
            return current;
        }
        return forms.version(tenant.id(), current.formKey(), draft.version).orElse(current);
    }

    private static int stepIndex(FormDefinition form, String step) {
        try {
            int number = Integer.parseInt(step);
            if (number < 1 || number > form.sections().size()) {
                throw new PortalNotFoundException("step");
            }
            return number - 1;
        } catch (NumberFormatException e) {
            throw new PortalNotFoundException("step");
        }
    }

    private static String base(TenantInfo tenant, FormDefinition form) {
        return "/" + tenant.slug() + "/antraege/" + form.formKey();
    }

    private static String stepUrl(TenantInfo tenant, FormDefinition form, int index) {
        return base(tenant, form) + "?schritt=" + (index + 1);
    }

    private static boolean needsEmail(FormDefinition form) {
        return form.fields().noneMatch(field -> field.kind() == FieldKind.EMAIL && field.required());
    }

    /** On the summary, an error links to the step of its field. */
    private static String link(TenantInfo tenant, FormDefinition form, String inputId) {
        String fieldId = inputId.contains(".") ? inputId.substring(0, inputId.indexOf('.')) : inputId;
        for (int i = 0; i < form.sections().size(); i++) {
            if (form.sections().get(i).fields().stream().anyMatch(f -> f.id().equals(fieldId))) {
                return stepUrl(tenant, form, i) + "#" + inputId;
            }
        }
        return "#email";
    }

    private String message(String code, Object[] arguments) {
        return messages.getMessage(code, arguments, code, Locale.GERMAN);
    }
}
