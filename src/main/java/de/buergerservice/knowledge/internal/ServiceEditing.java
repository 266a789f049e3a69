package de.buergerservice.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.InvalidFieldException;

/**
 * Editors create and change service descriptions. Every save creates a version and announces the change; under the
 * four-eyes rule a content change to a published service is a working copy.
 */
@Service
@Transactional
public class ServiceEditing {

    /** An editor plans the next review at most this far ahead. */
    static final int MAX_REVIEW_YEARS = 5;

    private final KnowledgeAccess access;
    private final KnowledgeService knowledge;
    private final ServiceEntryRepository entries;
    private final ServiceOverrideRepository overrides;
    private final Revisions revisions;
    private final KnowledgeProperties properties;
    private final Clock clock;

    ServiceEditing(
            KnowledgeAccess access,
            KnowledgeService knowledge,
            ServiceEntryRepository entries,
            ServiceOverrideRepository overrides,
            Revisions revisions,
            KnowledgeProperties properties,
            Clock clock) {
        this.access = access;
        this.knowledge = knowledge;
        this.entries = entries;
        this.overrides = overrides;
        this.revisions = revisions;
        this.properties = properties;
        this.clock = clock;
    }

    @PreAuthorize(KnowledgeService.WRITERS)
    public ServiceView create(String slug, ServiceData data) {
        UUID tenantId = access.tenant(slug).id();
        checkReviewDate(data.reviewDate(), null);
        access.checkDepartment(tenantId, data.departmentId());
        boolean catalogue = data.inCatalogue();
        String editor = access.username();
        ServiceEntry entry = new ServiceEntry(catalogue ? null : tenantId, null, null, ServiceState.DRAFT, editor);
        entry.apply(
                data.content(),
                data.reviewDate(),
                catalogue ? null : data.departmentId(),
                catalogue ? null : Rules.text(data.internalNotes()),
                editor);
        entries.saveAndFlush(entry);
        revisions.entrySaved(entry, null);
        if (catalogue) {
            saveLocal(entry, tenantId, data.departmentId(), Rules.text(data.internalNotes()));
        }
        return knowledge.get(slug, entry.getId());
    }

    /**
     * Replaces the content of the service. For a catalogue entry the content changes for every tenant, while the
     * department and notes go to this tenant's override. Under the four-eyes rule a content change to a published
     * service is a working copy: citizens keep seeing the published content until another person publishes it.
     */
    @PreAuthorize(KnowledgeService.WRITERS)
    public ServiceView update(String slug, UUID serviceId, ServiceData data) {
        UUID tenantId = access.tenant(slug).id();
        ServiceEntry entry = access.entry(serviceId, tenantId);
        if (data.revision() != null && data.revision() != entry.getRevision()) {
            throw new ConflictException("concurrentChange");
        }
        checkReviewDate(data.reviewDate(), entry.getReviewDate());
        access.checkDepartment(tenantId, data.departmentId());
        String notes = Rules.text(data.internalNotes());
        UUID departmentId = entry.isCatalogue() ? null : data.departmentId();
        String entryNotes = entry.isCatalogue() ? null : notes;
        String editor = access.username();
        // only a PUBLISHED entry starts a working copy; editing an existing one (DRAFT or IN_REVIEW, still public)
        // keeps the published content it already holds
        boolean changed = properties.fourEyes() && entry.getState() == ServiceState.PUBLISHED
                ? entry.applyAsWorkingCopy(data.content(), data.reviewDate(), departmentId, entryNotes, editor)
                : entry.apply(data.content(), data.reviewDate(), departmentId, entryNotes, editor);
        if (changed) {
            entries.saveAndFlush(entry);
            revisions.entrySaved(entry, null);
        }
        if (entry.isCatalogue()) {
            saveLocal(entry, tenantId, data.departmentId(), notes);
        }
        return knowledge.get(slug, serviceId);
    }

    /** A catalogue entry's department and notes are the tenant's own: they go to its override at once. */
    private void saveLocal(ServiceEntry entry, UUID tenantId, UUID departmentId, String notes) {
        ServiceOverride override =
                overrides.findByTenantIdAndServiceId(tenantId, entry.getId()).orElse(null);
        if (override == null && departmentId == null && notes == null) {
            return;
        }
        if (override == null) {
            override = new ServiceOverride(tenantId, entry.getId());
        }
        if (override.apply(override.content(), departmentId, notes, access.username())) {
            overrides.saveAndFlush(override);
            revisions.overrideSaved(entry.getId(), tenantId, override, override.getRevision(), entry.getState(), null);
        }
    }

    /** A new review date lies between today and five years ahead; an unchanged one may have passed. */
    private void checkReviewDate(LocalDate date, LocalDate stored) {
        if (date == null || date.equals(stored)) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(BerlinTime.ZONE));
        if (date.isBefore(today)) {
            throw new InvalidFieldException("reviewDate", "validation.knowledge.reviewDate.past");
        }
        if (date.isAfter(today.plusYears(MAX_REVIEW_YEARS))) {
            throw new InvalidFieldException("reviewDate", "validation.knowledge.reviewDate.tooFar", MAX_REVIEW_YEARS);
        }
    }
}
