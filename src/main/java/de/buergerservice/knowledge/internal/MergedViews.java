package de.buergerservice.knowledge.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.knowledge.internal.search.IndexedService;

/**
 * The one place that merges the layers: the tenant's override field wins, every other field comes from the entry;
 * the tenant's department and notes win over those of the entry. Citizens and staff read what is in force (the
 * published content beside a change under review); only the editors' view shows the working copy.
 */
@Component
class MergedViews {

    ServiceView of(ServiceEntry entry, ServiceOverride override, UUID tenantId, Audience audience) {
        return of(entry, override, tenantId, audience, false);
    }

    /**
     * @param workingCopy whether to show the working copy of a change under review (editors) instead of what is
     *     in force (staff); ignored for citizens
     */
    ServiceView of(
            ServiceEntry entry, ServiceOverride override, UUID tenantId, Audience audience, boolean workingCopy) {
        boolean citizen = audience == Audience.PUBLIC;
        boolean editor = !citizen && workingCopy;
        ServiceContent layer = override == null ? null : editor ? override.content() : override.publishedLayer();
        ServiceContent content =
                (editor ? entry.content() : entry.publicContent()).complete().overlay(layer);
        UUID department = override != null && override.getDepartmentId() != null
                ? override.getDepartmentId()
                : entry.getDepartmentId();
        String notes = override != null && override.getInternalNotes() != null
                ? override.getInternalNotes()
                : entry.getInternalNotes();
        boolean overrideIsLater = override != null
                && override.getUpdatedAt() != null
                && (entry.getUpdatedAt() == null || override.getUpdatedAt().isAfter(entry.getUpdatedAt()));
        Instant updatedAt = overrideIsLater ? override.getUpdatedAt() : entry.getUpdatedAt();
        String updatedBy = overrideIsLater ? override.getLastEditor() : entry.getLastEditor();
        Set<String> overridden = layer == null ? Set.of() : layer.setFields();
        return new ServiceView(
                entry.getId(),
                tenantId,
                entry.isCatalogue(),
                entry.getSource(),
                entry.getExternalId(),
                content.leikaKey(),
                content.title(),
                content.synonyms(),
                content.summary(),
                content.body(),
                content.requiredDocuments(),
                content.fees(),
                content.deadlines(),
                content.processingTime(),
                content.legalBasis(),
                content.onlineServiceUrl(),
                content.forms(),
                content.links(),
                content.topics(),
                department,
                citizen ? null : notes,
                !editor && entry.isPublic() ? ServiceState.PUBLISHED : entry.getState(),
                entry.getReviewDate(),
                entry.getRevision(),
                updatedAt,
                updatedBy,
                overridden,
                !citizen && entry.hasWorkingCopy(),
                !citizen && override != null && override.isPending());
    }

    IndexedService indexed(ServiceEntry entry, ServiceContent entryContent, ServiceOverride override, UUID tenantId) {
        // what is in force: a change waiting for approval is searchable once approved
        ServiceContent content = entryContent.overlay(override == null ? null : override.publishedLayer());
        String notes = override != null && override.getInternalNotes() != null
                ? override.getInternalNotes()
                : entry.getInternalNotes();
        return new IndexedService(
                entry.getId(),
                tenantId,
                entry.getExternalId(),
                content.leikaKey(),
                content.title(),
                content.synonyms(),
                content.summary(),
                HtmlText.plain(content.body()),
                content.topics(),
                entry.isPublic(),
                notes);
    }
}
