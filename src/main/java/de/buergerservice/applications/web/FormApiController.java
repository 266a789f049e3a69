package de.buergerservice.applications.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

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

import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormInfo;
import de.buergerservice.applications.internal.FormEditing;
import de.buergerservice.applications.internal.FormJson;
import de.buergerservice.applications.internal.VersionInfo;
import de.buergerservice.shared.web.InvalidFieldsException;

/**
 * REST API of a municipality's forms: {@code /api/v1/tenants/{slug}/forms}. The body of a form is the JSON of a
 * {@link FormDefinition}; saving adds a version, publishing makes a version the one citizens fill in.
 */
@RestController
@RequestMapping("/api/v1/tenants/{slug}/forms")
class FormApiController {

    private final FormEditing forms;

    FormApiController(FormEditing forms) {
        this.forms = forms;
    }

    @GetMapping
    List<FormInfo> list(@PathVariable String slug) {
        return forms.list(slug);
    }

    @PostMapping
    @PreAuthorize(FormEditing.EDITORS)
    ResponseEntity<FormInfo> create(
            @PathVariable String slug, @RequestParam(required = false) UUID serviceId, @RequestBody String json) {
        FormInfo created = forms.create(slug, serviceId, read(json));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + slug + "/forms/" + created.formKey()))
                .body(created);
    }

    /**
     * Imports a FIM XDatenfelder file (2.0 Stammdatenschema or 3.0.0 Datenfeldgruppe, multipart part {@code file})
     * as a new form or the next version of the form from the same schema; not published.
     */
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(FormEditing.EDITORS)
    ResponseEntity<FormEditing.ImportOutcome> importFim(
            @PathVariable String slug,
            @RequestParam(required = false) UUID serviceId,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        FormEditing.ImportOutcome outcome = forms.importFim(slug, serviceId, file.getBytes());
        return ResponseEntity.created(URI.create(
                        "/api/v1/tenants/" + slug + "/forms/" + outcome.form().formKey()))
                .body(outcome);
    }

    /** The form's current definition: the published version (for editors the newest while none is published). */
    @GetMapping("/{formKey}")
    FormDefinition get(@PathVariable String slug, @PathVariable String formKey) {
        return forms.current(slug, formKey);
    }

    /** Saves the body as the form's next version (not yet published). */
    @PutMapping("/{formKey}")
    @PreAuthorize(FormEditing.EDITORS)
    FormInfo update(
            @PathVariable String slug,
            @PathVariable String formKey,
            @RequestParam(required = false) UUID serviceId,
            @RequestBody String json) {
        return forms.saveVersion(slug, formKey, serviceId, read(json));
    }

    @GetMapping("/{formKey}/versions")
    List<VersionInfo> versions(@PathVariable String slug, @PathVariable String formKey) {
        return forms.versions(slug, formKey);
    }

    @GetMapping("/{formKey}/versions/{version}")
    FormDefinition version(@PathVariable String slug, @PathVariable String formKey, @PathVariable int version) {
        return forms.version(slug, formKey, version);
    }

    /** Publishes the version: from now on citizens fill it in; submissions of older versions stay readable. */
    @PostMapping("/{formKey}/versions/{version}/publication")
    @PreAuthorize(FormEditing.EDITORS)
    FormInfo publish(@PathVariable String slug, @PathVariable String formKey, @PathVariable int version) {
        return forms.publish(slug, formKey, version);
    }

    /** The body as a definition; JSON that is none is refused with a German reason naming line and column. */
    static FormDefinition read(String json) {
        try {
            return FormJson.read(json);
        } catch (FormJson.UnreadableForm e) {
            throw new InvalidFieldsException(
                    List.of(new InvalidFieldsException.Error("definition", null, null, e.getMessage())));
        }
    }

    /** Takes the form off the portal; its versions stay. */
    @DeleteMapping("/{formKey}/publication")
    @PreAuthorize(FormEditing.EDITORS)
    FormInfo withdraw(@PathVariable String slug, @PathVariable String formKey) {
        return forms.withdraw(slug, formKey);
    }
}
