package de.buergerservice.applications;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the portal and the submissions read: a municipality's published forms and any stored version of a form.
 * System-level look-ups like {@code KnowledgeCatalog}: not filtered by the current user; code serving a user checks
 * the tenant scope itself.
 */
public interface FormCatalog {

    /** The tenant's forms that have a published version, ordered by title. */
    List<FormInfo> published(UUID tenantId);

    /** The tenant's published forms of one knowledge service, ordered by title. */
    List<FormInfo> forService(UUID tenantId, UUID serviceId);

    /** The form (published or not); empty if the tenant has no form of that key. */
    Optional<FormInfo> find(UUID tenantId, String formKey);

    /** The published version of the form, which citizens fill in now; empty if none is published. */
    Optional<FormDefinition> current(UUID tenantId, String formKey);

    /**
     * Any stored version of the form, published or not — what a submission made with that version is read and
     * checked against; empty if there is no such version.
     */
    Optional<FormDefinition> version(UUID tenantId, String formKey, int version);
}
