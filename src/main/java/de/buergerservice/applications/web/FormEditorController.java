package de.buergerservice.applications.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.applications.FieldProblem;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormInfo;
import de.buergerservice.applications.FormValidator;
import de.buergerservice.applications.internal.FormEditing;
import de.buergerservice.applications.internal.FormJson;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.InvalidFieldsException;
import de.buergerservice.shared.web.Notices;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The editors' pages of online forms ({@code /forms}): a municipality's forms, a form's JSON with its versions and
 * a preview, new forms from JSON or a FIM XDatenfelder file. Saving adds a version; publishing is a step of its
 * own, so what citizens fill in changes only when an editor says so.
 */
@Controller
@RequestMapping("/forms")
@PreAuthorize(FormEditing.EDITORS)
class FormEditorController {

    private final FormEditing forms;
    private final TenantDirectory tenants;
    private final MessageSource messages;
    private final Notices notices;
    private final java.time.Clock clock;

    FormEditorController(
            FormEditing forms,
            TenantDirectory tenants,
            MessageSource messages,
            Notices notices,
            java.time.Clock clock) {
        this.forms = forms;
        this.tenants = tenants;
        this.messages = messages;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String tenant, Model model) {
        List<TenantInfo> all = tenants.findAll();
        String slug =
                tenant != null ? tenant : all.isEmpty() ? null : all.get(0).slug();
        if (slug == null) {
            model.addAttribute("tenants", all);
            return "applications/forms";
        }
        return listPage(slug, model, starter(slug), List.of());
    }

    private String listPage(String slug, Model model, String json, List<String> errors) {
        model.addAttribute("tenants", tenants.findAll());
        model.addAttribute("tenant", forms.tenant(slug));
        model.addAttribute("forms", forms.list(slug));
        model.addAttribute("services", forms.services(slug));
        model.addAttribute("json", json);
        model.addAttribute("errors", errors);
        return "applications/forms";
    }

    /** A new form from JSON. */
    @PostMapping("/{slug}")
    String create(
            @PathVariable String slug,
            @RequestParam String json,
            @RequestParam(required = false) UUID serviceId,
            Model model,
            RedirectAttributes redirect) {
        try {
            FormInfo created = forms.create(slug, serviceId, FormJson.read(json));
            notices.success(redirect, "applications.editor.created", created.title());
            return "redirect:/forms/" + slug + "/" + created.formKey();
        } catch (FormJson.UnreadableForm | InvalidFieldsException | InvalidFieldException e) {
            return listPage(slug, model, json, errors(e));
        }
    }

    /** A FIM XDatenfelder file as a new form (or a new version of the form from the same schema). */
    @PostMapping("/{slug}/imports")
    String importFim(
            @PathVariable String slug,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) UUID serviceId,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        try {
            FormEditing.ImportOutcome outcome = forms.importFim(slug, serviceId, file.getBytes());
            notices.success(
                    redirect, "applications.editor.imported", outcome.form().title());
            redirect.addFlashAttribute("warnings", outcome.warnings());
            return "redirect:/forms/" + slug + "/" + outcome.form().formKey();
        } catch (InvalidFieldsException | InvalidFieldException e) {
            model.addAttribute("importErrors", errors(e));
            return listPage(slug, model, starter(slug), List.of());
        }
    }

    @GetMapping("/{slug}/{formKey}")
    String edit(@PathVariable String slug, @PathVariable String formKey, Model model) {
        FormDefinition latest = forms.latest(slug, formKey);
        return editPage(slug, formKey, FormJson.write(latest), List.of(), model);
    }

    private String editPage(String slug, String formKey, String json, List<String> errors, Model model) {
        FormInfo info = forms.info(slug, formKey);
        model.addAttribute("tenant", forms.tenant(slug));
        model.addAttribute("info", info);
        model.addAttribute("services", forms.services(slug));
        model.addAttribute("versions", forms.versions(slug, formKey));
        model.addAttribute("json", json);
        model.addAttribute("errors", errors);
        return "applications/form-edit";
    }

    /** Saves the JSON as the next version (not published). */
    @PostMapping("/{slug}/{formKey}")
    String save(
            @PathVariable String slug,
            @PathVariable String formKey,
            @RequestParam String json,
            @RequestParam(required = false) UUID serviceId,
            Model model,
            RedirectAttributes redirect) {
        try {
            FormInfo saved = forms.saveVersion(slug, formKey, serviceId, FormJson.read(json));
            notices.success(redirect, "applications.editor.saved", saved.latestVersion());
            return "redirect:/forms/" + slug + "/" + formKey;
        } catch (FormJson.UnreadableForm | InvalidFieldsException | InvalidFieldException e) {
            return editPage(slug, formKey, json, errors(e), model);
        }
    }

    @PostMapping("/{slug}/{formKey}/versions/{version}/publish")
    String publish(
            @PathVariable String slug,
            @PathVariable String formKey,
            @PathVariable int version,
            RedirectAttributes redirect) {
        forms.publish(slug, formKey, version);
        notices.success(redirect, "applications.editor.published.notice", version);
        return "redirect:/forms/" + slug + "/" + formKey;
    }

    @PostMapping("/{slug}/{formKey}/withdraw")
    String withdraw(@PathVariable String slug, @PathVariable String formKey, RedirectAttributes redirect) {
        forms.withdraw(slug, formKey);
        notices.success(redirect, "applications.editor.withdrawn");
        return "redirect:/forms/" + slug + "/" + formKey;
    }

    /**
     * A version as citizens would see it; sending the preview checks the answers with the server's validation, so
     * editors see the messages citizens would get.
     */
    @GetMapping("/{slug}/{formKey}/preview")
    String preview(
            @PathVariable String slug,
            @PathVariable String formKey,
            @RequestParam(required = false) Integer version,
            Model model) {
        FormDefinition form = version == null ? forms.latest(slug, formKey) : forms.version(slug, formKey, version);
        return previewPage(slug, form, Map.of(), null, model);
    }

    @PostMapping("/{slug}/{formKey}/preview")
    String tryPreview(
            @PathVariable String slug,
            @PathVariable String formKey,
            @RequestParam int version,
            @RequestParam org.springframework.util.MultiValueMap<String, String> params,
            Model model) {
        FormDefinition form = forms.version(slug, formKey, version);
        Map<String, List<String>> answers = FormPreview.answers(params);
        List<FieldProblem> problems = FormValidator.validate(
                form, answers, java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Berlin"))));
        return previewPage(slug, form, answers, problems, model);
    }

    private String previewPage(
            String slug,
            FormDefinition form,
            Map<String, List<String>> answers,
            List<FieldProblem> problems,
            Model model) {
        model.addAttribute("tenant", forms.tenant(slug));
        model.addAttribute("form", form);
        model.addAttribute("preview", new FormPreview(form, answers, problems == null ? List.of() : problems));
        model.addAttribute("checked", problems != null);
        return "applications/form-preview";
    }

    private List<String> errors(RuntimeException e) {
        if (e instanceof InvalidFieldsException fields) {
            return fields.errors().stream()
                    .map(error -> (error.field() == null ? "" : error.field() + ": ")
                            + (error.code() == null
                                    ? error.message()
                                    : messages.getMessage(
                                            error.code(), error.arguments(), LocaleContextHolder.getLocale())))
                    .toList();
        }
        if (e instanceof InvalidFieldException field) {
            return List.of(field.field() + ": "
                    + messages.getMessage(field.messageCode(), field.arguments(), LocaleContextHolder.getLocale()));
        }
        return List.of(e.getMessage());
    }

    /** The JSON a new form starts from: one section, one field, to be changed. */
    private static String starter(String slug) {
        return """
                {
                  "formKey" : "neues-formular",
                  "title" : "Neues Formular",
                  "sections" : [ {
                    "id" : "angaben",
                    "title" : "Ihre Angaben",
                    "fields" : [ {
                      "id" : "name",
                      "label" : "Vor- und Nachname",
                      "kind" : "TEXT",
                      "required" : true,
                      "constraints" : { "maxLength" : 120 }
                    } ]
                  } ]
                }""";
    }
}
