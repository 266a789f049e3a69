package de.buergerservice.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The merged view of one service for one tenant: each field of the tenant's override wins, every other field is
 * inherited from the catalogue entry. {@code body} is sanitised HTML.
 *
 * @param id the catalogue entry or, for a tenant-only service, the tenant's entry
 * @param catalogue whether the service comes from the shared catalogue (else it exists for this tenant only)
 * @param overridden names of the fields this tenant has overridden
 * @param internalNotes local notes for agents; {@code null} in the {@link Audience#PUBLIC} view
 * @param workingCopy whether a change to this published service waits for review: the editors' view shows that
 *     working copy, the staff view what is in force with this as the hint that a change is under review (never set
 *     in the {@link Audience#PUBLIC} view)
 * @param overridePending whether a change to this tenant's override waits for approval (likewise)
 */
public record ServiceView(
        UUID id,
        UUID tenantId,
        boolean catalogue,
        String source,
        String externalId,
        String leikaKey,
        String title,
        List<String> synonyms,
        String summary,
        String body,
        List<String> requiredDocuments,
        String fees,
        String deadlines,
        String processingTime,
        String legalBasis,
        String onlineServiceUrl,
        List<ServiceLink> forms,
        List<ServiceLink> links,
        List<String> topics,
        UUID departmentId,
        String internalNotes,
        ServiceState state,
        LocalDate reviewDate,
        int revision,
        Instant updatedAt,
        String updatedBy,
        Set<String> overridden,
        boolean workingCopy,
        boolean overridePending) {}
