package de.buergerservice.applications.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormInfo;
import de.buergerservice.applications.internal.fim.FimImport;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.InvalidFieldsException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * A municipality's forms as its users see them: everybody in the tenant's scope reads the published forms, editors
 * (knowledge editors and administrators) also the unpublished versions, and only they save and publish. A foreign
 * tenant's form is not found, never forbidden.
 */
@Service
public class FormEditing {

    /** Who edits forms: the knowledge editors (a form belongs to a service description) and administrators. */
    public static final String EDITORS = "hasAnyRole('EDITOR', 'ADMIN')";

    private final FormStore store;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final KnowledgeCatalog knowledge;

    FormEditing(FormStore store, TenantDirectory tenants, TenantScope scope, KnowledgeCatalog knowledge) {
        this.store = store;
        this.tenants = tenants;
        this.scope = scope;
        this.knowledge = knowledge;
    }

    /** The tenant the current user names by {@code slug}, if the user may see it. */
    public TenantInfo tenant(String slug) {
        TenantInfo tenant = tenants.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("tenant"));
        scope.check(tenant.id(), "tenant");
        return tenant;
    }

    /** The tenant's forms: all of them for editors, the published ones for everybody else. */
    public List<FormInfo> list(String slug) {
        TenantInfo tenant = tenant(slug);
        return editor() ? store.all(tenant.id()) : store.published(tenant.id());
    }

    public FormInfo info(String slug, String formKey) {
        FormInfo info = store.find(tenant(slug).id(), formKey)
                .filter(form -> form.published() || editor())
                .orElseThrow(() -> new ResourceNotFoundException("form"));
        return info;
    }

    /** What citizens fill in now; for editors the newest version of a form not yet published. */
    public FormDefinition current(String slug, String formKey) {
        TenantInfo tenant = tenant(slug);
        FormInfo info = info(slug, formKey);
        int number = info.published() ? info.publishedVersion() : info.latestVersion();
        return store.version(tenant.id(), formKey, number).orElseThrow(() -> new ResourceNotFoundException("form"));
    }

    /** The newest version (what editors work on). */
    @PreAuthorize(EDITORS)
    public FormDefinition latest(String slug, String formKey) {
        FormInfo info = info(slug, formKey);
        return version(slug, formKey, info.latestVersion());
    }

    /** Any stored version; to users other than editors only versions that were published. */
    public FormDefinition version(String slug, String formKey, int number) {
        TenantInfo tenant = tenant(slug);
        FormInfo info = info(slug, formKey);
        boolean readable = editor()
                || store.versions(tenant.id(), formKey).stream()
                        .anyMatch(v -> v.number() == number && v.everPublished());
        return store.version(tenant.id(), info.formKey(), number)
                .filter(form -> readable)
                .orElseThrow(() -> new ResourceNotFoundException("formVersion"));
    }

    public List<VersionInfo> versions(String slug, String formKey) {
        TenantInfo tenant = tenant(slug);
        info(slug, formKey);
        return store.versions(tenant.id(), formKey).stream()
                .filter(v -> v.everPublished() || editor())
                .toList();
    }

    /**
     * Stores a new form as its version 1, optionally linked to a knowledge service of the tenant; a key the tenant
     * already uses is refused. Saving never publishes.
     */
    @PreAuthorize(EDITORS)
    public FormInfo create(String slug, UUID serviceId, FormDefinition definition) {
        TenantInfo tenant = tenant(slug);
        if (definition.formKey() != null
                && store.find(tenant.id(), definition.formKey()).isPresent()) {
            throw new InvalidFieldException("formKey", "applications.form.keyTaken");
        }
        checkService(tenant.id(), serviceId);
        return store.save(tenant.id(), serviceId, definition, scope.currentUsername());
    }

    /**
     * Saves the next version of an existing form (the key cannot change; {@code serviceId}, when given, relinks
     * the form). Saving never publishes: the published version stays what citizens fill in.
     */
    @PreAuthorize(EDITORS)
    public FormInfo saveVersion(String slug, String formKey, UUID serviceId, FormDefinition definition) {
        TenantInfo tenant = tenant(slug);
        info(slug, formKey);
        if (definition.formKey() != null && !definition.formKey().equals(formKey)) {
            throw new InvalidFieldException("formKey", "applications.form.keyChanged", formKey);
        }
        checkService(tenant.id(), serviceId);
        return store.save(tenant.id(), serviceId, definition.withFormKey(formKey), scope.currentUsername());
    }

    /** What an import stored, and what it could not carry over. */
    public record ImportOutcome(FormInfo form, List<String> warnings) {}

    /**
     * Imports a FIM XDatenfelder file as a form of the tenant: a new form, or the next version of the form made
     * from the same schema before. Not published. A refused file stores nothing; its reason names the element.
     */
    @PreAuthorize(EDITORS)
    public ImportOutcome importFim(String slug, UUID serviceId, byte[] xml) {
        TenantInfo tenant = tenant(slug);
        checkService(tenant.id(), serviceId);
        FimImport.Result result;
        try {
            result = FimImport.read(xml);
        } catch (FimImport.FimRefused e) {
            throw new InvalidFieldsException(
                    List.of(new InvalidFieldsException.Error("file", null, null, e.getMessage())));
        }
        FormInfo form = store.save(tenant.id(), serviceId, result.form(), scope.currentUsername());
        return new ImportOutcome(form, result.warnings());
    }

    @PreAuthorize(EDITORS)
    public FormInfo publish(String slug, String formKey, int number) {
        return store.publish(tenant(slug).id(), formKey, number)
                .orElseThrow(() -> new ResourceNotFoundException("formVersion"));
    }

    @PreAuthorize(EDITORS)
    public FormInfo withdraw(String slug, String formKey) {
        return store.withdraw(tenant(slug).id(), formKey).orElseThrow(() -> new ResourceNotFoundException("form"));
    }

    /** The tenant's services a form can belong to, for the editors' choice. */
    @PreAuthorize(EDITORS)
    public List<ServiceView> services(String slug) {
        return knowledge.list(tenant(slug).id(), Audience.STAFF);
    }

    private void checkService(UUID tenantId, UUID serviceId) {
        if (serviceId != null
                && knowledge.find(tenantId, serviceId, Audience.STAFF).isEmpty()) {
            throw new InvalidFieldException("serviceId", "applications.form.service");
        }
    }

    /** Whether the current user edits forms (and so sees unpublished versions). */
    public boolean editor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(Role.EDITOR.authority())
                                || a.getAuthority().equals(Role.ADMIN.authority()));
    }
}
