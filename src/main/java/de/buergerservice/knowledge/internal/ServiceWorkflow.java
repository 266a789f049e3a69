package de.buergerservice.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.knowledge.internal.Views.BulkOutcome;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.InvalidFieldException;

/**
 * The editorial workflow of service descriptions, one at a time or many at once (the review queue after an
 * import). Under the four-eyes rule an article goes through review, and whoever changed its content last cannot
 * publish it.
 */
@Service
@Transactional
public class ServiceWorkflow {

    /** More than a DLDB export of a large city holds, so one request can take an import through review. */
    static final int MAX_BULK = 1000;

    private final KnowledgeAccess access;
    private final KnowledgeService knowledge;
    private final ServiceEntryRepository entries;
    private final Revisions revisions;
    private final KnowledgeProperties properties;

    ServiceWorkflow(
            KnowledgeAccess access,
            KnowledgeService knowledge,
            ServiceEntryRepository entries,
            Revisions revisions,
            KnowledgeProperties properties) {
        this.access = access;
        this.knowledge = knowledge;
        this.entries = entries;
        this.revisions = revisions;
        this.properties = properties;
    }

    /** Moves the article to {@code target}, or refuses with the reason (409). */
    @PreAuthorize(KnowledgeService.WRITERS)
    public ServiceView transition(String slug, UUID serviceId, ServiceState target) {
        UUID tenantId = access.tenant(slug).id();
        ServiceEntry entry = access.entry(serviceId, tenantId);
        refusal(entry, target).ifPresent(refused -> {
            throw refused;
        });
        change(entry, target);
        return knowledge.get(slug, serviceId);
    }

    /**
     * Moves every article named to {@code target}, each on its own terms: one that may not move (the four-eyes rule,
     * a step the workflow does not allow) is left as it is and named with the reason, the others move.
     */
    @PreAuthorize(KnowledgeService.WRITERS)
    public List<BulkOutcome> transitionAll(String slug, List<UUID> serviceIds, ServiceState target) {
        UUID tenantId = access.tenant(slug).id();
        if (serviceIds == null || serviceIds.isEmpty()) {
            throw new InvalidFieldException("ids", "validation.knowledge.bulk.none");
        }
        if (serviceIds.size() > MAX_BULK) {
            throw new InvalidFieldException("ids", "validation.knowledge.bulk.tooMany", MAX_BULK);
        }
        if (target == null) {
            throw new InvalidFieldException("state", "validation.required");
        }
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(serviceIds)) {
            Optional<ServiceEntry> found = entries.findVisible(id, tenantId);
            if (found.isEmpty()) {
                outcomes.add(new BulkOutcome(id, null, false, access.text("problemDetail.notFound.knowledgeService")));
                continue;
            }
            ServiceEntry entry = found.get();
            Optional<ConflictException> refused = refusal(entry, target);
            if (refused.isPresent()) {
                ConflictException reason = refused.get();
                outcomes.add(new BulkOutcome(
                        id,
                        entry.getTitle(),
                        false,
                        access.text(reason.getDetailMessageCode(), reason.getDetailMessageArguments())));
            } else {
                change(entry, target);
                outcomes.add(new BulkOutcome(id, entry.getTitle(), true, null));
            }
        }
        return outcomes;
    }

    private Optional<ConflictException> refusal(ServiceEntry entry, ServiceState target) {
        ServiceState from = entry.getState();
        if (!Workflow.allowed(from, target, properties.fourEyes())) {
            return Optional.of(new ConflictException(
                    "knowledgeTransition",
                    access.text("knowledge.state." + from),
                    access.text("knowledge.state." + target)));
        }
        if (target == ServiceState.PUBLISHED
                && properties.fourEyes()
                && entry.getLastEditor().equals(access.username())) {
            return Optional.of(new ConflictException("knowledgeFourEyes"));
        }
        return Optional.empty();
    }

    private void change(ServiceEntry entry, ServiceState target) {
        entry.changeState(target);
        entries.saveAndFlush(entry);
        revisions.entrySaved(
                entry, access.text("knowledge.version.stateChanged", access.text("knowledge.state." + target)));
    }
}
