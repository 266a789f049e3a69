package de.buergerservice.applications.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.applications.FieldProblem;
import de.buergerservice.applications.FormCatalog;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormInfo;
import de.buergerservice.applications.FormRules;
import de.buergerservice.shared.web.InvalidFieldsException;

/**
 * Stores forms and their versions. Saving never changes a stored version: it adds the next one, so a submission's
 * version stays readable. The catalogue side ({@link FormCatalog}) is system-level; {@link FormEditing} checks the
 * editor's rights and tenant before it calls the writing side.
 */
@Service
@Transactional(readOnly = true)
public class FormStore implements FormCatalog {

    private final ApplicationFormRepository forms;
    private final FormVersionRepository versions;
    private final Clock clock;

    FormStore(ApplicationFormRepository forms, FormVersionRepository versions, Clock clock) {
        this.forms = forms;
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    public List<FormInfo> published(UUID tenantId) {
        return forms.findByTenantIdAndPublishedVersionIsNotNullOrderByTitle(tenantId).stream()
                .map(FormStore::info)
                .toList();
    }

    @Override
    public List<FormInfo> forService(UUID tenantId, UUID serviceId) {
        return forms.findByTenantIdAndServiceIdAndPublishedVersionIsNotNullOrderByTitle(tenantId, serviceId).stream()
                .map(FormStore::info)
                .toList();
    }

    @Override
    public Optional<FormInfo> find(UUID tenantId, String formKey) {
        return forms.findByTenantIdAndFormKey(tenantId, formKey).map(FormStore::info);
    }

    @Override
    public Optional<FormDefinition> current(UUID tenantId, String formKey) {
        return forms.findByTenantIdAndFormKey(tenantId, formKey)
                .filter(form -> form.getPublishedVersion() != null)
                .flatMap(form -> definition(form, form.getPublishedVersion()));
    }

    @Override
    public Optional<FormDefinition> version(UUID tenantId, String formKey, int version) {
        return forms.findByTenantIdAndFormKey(tenantId, formKey).flatMap(form -> definition(form, version));
    }

    /** Every form of the tenant, published or not, ordered by title. */
    public List<FormInfo> all(UUID tenantId) {
        return forms.findByTenantIdOrderByTitle(tenantId).stream()
                .map(FormStore::info)
                .toList();
    }

    /** The stored versions of a form, newest first. */
    public List<VersionInfo> versions(UUID tenantId, String formKey) {
        return forms.findByTenantIdAndFormKey(tenantId, formKey)
                .map(form -> versions.findByFormIdOrderByNumberDesc(form.getId()).stream()
                        .map(v -> new VersionInfo(
                                v.getNumber(),
                                v.isPublished(),
                                v.getNumber() == orZero(form.getPublishedVersion()),
                                v.getCreatedAt(),
                                v.getCreatedBy()))
                        .toList())
                .orElse(List.of());
    }

    /**
     * Stores {@code definition} as the next version of its form (version 1 of a new form, linked to
     * {@code serviceId}); refuses a definition {@link FormRules} finds fault with.
     */
    @Transactional
    public FormInfo save(UUID tenantId, UUID serviceId, FormDefinition definition, String by) {
        List<FieldProblem> problems = FormRules.check(definition);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems.stream()
                    .map(p -> new InvalidFieldsException.Error(
                            p.fieldId(), p.code(), p.arguments().toArray(), null))
                    .toList());
        }
        ApplicationForm form = forms.findByTenantIdAndFormKey(tenantId, definition.formKey())
                .orElseGet(() -> forms.save(
                        new ApplicationForm(tenantId, definition.formKey(), serviceId, definition.title(), by)));
        if (serviceId != null) {
            form.linkService(serviceId);
        }
        int number = form.nextVersion(definition.title());
        versions.save(new FormVersion(
                form.getId(), tenantId, number, FormJson.write(definition.withVersion(number)), by, clock.instant()));
        return info(form);
    }

    /** Makes {@code number} the version citizens fill in; empty if the form or version does not exist. */
    @Transactional
    public Optional<FormInfo> publish(UUID tenantId, String formKey, int number) {
        return forms.findByTenantIdAndFormKey(tenantId, formKey)
                .flatMap(form -> versions.findByFormIdAndNumber(form.getId(), number)
                        .map(version -> {
                            version.markPublished();
                            form.publish(number);
                            return info(form);
                        }));
    }

    /** Takes the form off the portal (its versions stay); empty if the tenant has no such form. */
    @Transactional
    public Optional<FormInfo> withdraw(UUID tenantId, String formKey) {
        return forms.findByTenantIdAndFormKey(tenantId, formKey).map(form -> {
            form.withdraw();
            return info(form);
        });
    }

    /** Removes every form of a deleted tenant. */
    @Transactional
    public void deleteTenant(UUID tenantId) {
        versions.deleteByTenantId(tenantId);
        forms.deleteByTenantId(tenantId);
    }

    private Optional<FormDefinition> definition(ApplicationForm form, int number) {
        return versions.findByFormIdAndNumber(form.getId(), number)
                .map(version -> FormJson.read(version.getDefinition()).withVersion(number));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    static FormInfo info(ApplicationForm form) {
        return new FormInfo(
                form.getId(),
                form.getTenantId(),
                form.getFormKey(),
                form.getTitle(),
                form.getServiceId(),
                form.getLatestVersion(),
                form.getPublishedVersion());
    }
}
