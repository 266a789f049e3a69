package de.buergerservice.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.knowledge.internal.Views.Dashboard;
import de.buergerservice.knowledge.internal.Views.DiffLine;
import de.buergerservice.knowledge.internal.Views.Layers;
import de.buergerservice.knowledge.internal.Views.OverrideView;
import de.buergerservice.knowledge.internal.Views.VersionDiff;
import de.buergerservice.knowledge.internal.Views.VersionInfo;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Service descriptions as users see and maintain them, always through one tenant: its view is the catalogue
 * merged with its overrides plus its own entries. Everybody who may see the tenant reads (staff view, with internal
 * notes); editors and administrators write. Every save creates a version and announces the change.
 */
@Service
@Transactional
public class KnowledgeService {

    static final String WRITERS = "hasAnyRole('EDITOR', 'ADMIN')";

    /** An editor plans the next review at most this far ahead. */
    static final int MAX_REVIEW_YEARS = 5;

    private final ServiceEntryRepository entries;
    private final ServiceOverrideRepository overrides;
    private final ServiceVersionRepository versions;
    private final MergedViews views;
    private final Revisions revisions;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final KnowledgeProperties properties;
    private final MessageSource messages;
    private final ObjectProvider<UnansweredSearches> unanswered;
    private final Clock clock;

    KnowledgeService(
            ServiceEntryRepository entries,
            ServiceOverrideRepository overrides,
            ServiceVersionRepository versions,
            MergedViews views,
            Revisions revisions,
            TenantDirectory tenants,
            TenantScope scope,
            KnowledgeProperties properties,
            MessageSource messages,
            ObjectProvider<UnansweredSearches> unanswered,
            Clock clock) {
        this.entries = entries;
        this.overrides = overrides;
        this.versions = versions;
        this.views = views;
        this.revisions = revisions;
        this.tenants = tenants;
        this.scope = scope;
        this.properties = properties;
        this.messages = messages;
        this.unanswered = unanswered;
        this.clock = clock;
    }

    /** The tenant's services, optionally filtered by text (title, synonyms, LeiKa key), state and topic. */
    @Transactional(readOnly = true)
    public List<ServiceView> list(String slug, String query, ServiceState state, String topic) {
        UUID tenantId = tenant(slug).id();
        String needle = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.GERMAN);
        return all(tenantId).stream()
                .filter(view -> state == null || view.state() == state)
                .filter(view -> topic == null
                        || topic.isBlank()
                        || view.topics().stream().anyMatch(t -> t.equals(topic) || t.startsWith(topic + "/")))
                .filter(view -> needle == null || matches(view, needle))
                .toList();
    }

    @Transactional(readOnly = true)
    public ServiceView get(String slug, UUID serviceId) {
        UUID tenantId = tenant(slug).id();
        ServiceEntry entry = find(serviceId, tenantId);
        return views.of(
                entry,
                overrides.findByTenantIdAndServiceId(tenantId, serviceId).orElse(null),
                tenantId,
                Audience.STAFF);
    }

    @PreAuthorize(WRITERS)
    public ServiceView create(String slug, ServiceData data) {
        UUID tenantId = tenant(slug).id();
        checkReviewDate(data.reviewDate(), null);
        checkDepartment(tenantId, data.departmentId());
        boolean catalogue = data.inCatalogue();
        ServiceEntry entry =
                new ServiceEntry(catalogue ? null : tenantId, null, null, ServiceState.DRAFT, scope.currentUsername());
        entry.apply(
                data.content(),
                data.reviewDate(),
                catalogue ? null : data.departmentId(),
                catalogue ? null : Rules.text(data.internalNotes()),
                scope.currentUsername());
        entries.saveAndFlush(entry);
        revisions.entrySaved(entry, null);
        if (catalogue) {
            saveLocal(entry, tenantId, data.departmentId(), Rules.text(data.internalNotes()));
        }
        return get(slug, entry.getId());
    }

    /**
     * Replaces the content of the service. For a catalogue entry the content changes for every tenant, while the
     * department and notes go to this tenant's override. Under the four-eyes rule a content change to a published
     * service is a working copy: citizens keep seeing the published content until another person publishes it.
     */
    @PreAuthorize(WRITERS)
    public ServiceView update(String slug, UUID serviceId, ServiceData data) {
        UUID tenantId = tenant(slug).id();
        ServiceEntry entry = find(serviceId, tenantId);
        if (data.revision() != null && data.revision() != entry.getRevision()) {
            throw new ConflictException("concurrentChange");
        }
        checkReviewDate(data.reviewDate(), entry.getReviewDate());
        checkDepartment(tenantId, data.departmentId());
        String notes = Rules.text(data.internalNotes());
        UUID departmentId = entry.isCatalogue() ? null : data.departmentId();
        String entryNotes = entry.isCatalogue() ? null : notes;
        // only a PUBLISHED entry starts a working copy; editing an existing one (DRAFT or IN_REVIEW, still public)
        // keeps the published content it already holds
        boolean changed = properties.fourEyes() && entry.getState() == ServiceState.PUBLISHED
                ? entry.applyAsWorkingCopy(
                        data.content(), data.reviewDate(), departmentId, entryNotes, scope.currentUsername())
                : entry.apply(data.content(), data.reviewDate(), departmentId, entryNotes, scope.currentUsername());
        if (changed) {
            entries.saveAndFlush(entry);
            revisions.entrySaved(entry, null);
        }
        if (entry.isCatalogue()) {
            saveLocal(entry, tenantId, data.departmentId(), notes);
        }
        return get(slug, serviceId);
    }

    @Transactional(readOnly = true)
    public OverrideView override(String slug, UUID serviceId) {
        UUID tenantId = tenant(slug).id();
        catalogueEntry(serviceId, tenantId);
        return overrides
                .findByTenantIdAndServiceId(tenantId, serviceId)
                .map(OverrideView::of)
                .orElseThrow(() -> new ResourceNotFoundException("knowledgeOverride"));
    }

    /** The catalogue entry as it is and this tenant's override (empty if none). */
    @Transactional(readOnly = true)
    public Layers layers(String slug, UUID serviceId) {
        UUID tenantId = tenant(slug).id();
        ServiceEntry entry = catalogueEntry(serviceId, tenantId);
        return overrides
                .findByTenantIdAndServiceId(tenantId, serviceId)
                .map(o -> new Layers(
                        entry.content().complete(), o.content(), o.getDepartmentId(), o.getInternalNotes(), true))
                .orElseGet(() -> new Layers(entry.content().complete(), ServiceContent.EMPTY, null, null, false));
    }

    /**
     * Sets this tenant's override of a catalogue entry: the fields given replace the catalogue's. Under the
     * four-eyes rule a change to the fields of a service citizens see waits for {@link #approveOverride approval};
     * until then they see the fields as they were.
     */
    @PreAuthorize(WRITERS)
    public ServiceView setOverride(String slug, UUID serviceId, OverrideData data) {
        UUID tenantId = tenant(slug).id();
        ServiceEntry entry = catalogueEntry(serviceId, tenantId);
        checkDepartment(tenantId, data.departmentId());
        ServiceOverride override = overrides
                .findByTenantIdAndServiceId(tenantId, serviceId)
                .orElseGet(() -> new ServiceOverride(tenantId, serviceId));
        saveOverride(entry, override, data.content(), data.departmentId(), Rules.text(data.internalNotes()), null);
        return get(slug, serviceId);
    }

    /**
     * Drops this tenant's override: the tenant sees the catalogue entry as it is again. Under the four-eyes rule,
     * for a service citizens see, the removal is a change like any other and waits for approval.
     */
    @PreAuthorize(WRITERS)
    public ServiceView removeOverride(String slug, UUID serviceId) {
        UUID tenantId = tenant(slug).id();
        ServiceEntry entry = catalogueEntry(serviceId, tenantId);
        ServiceOverride override = overrides
                .findByTenantIdAndServiceId(tenantId, serviceId)
                .orElseThrow(() -> new ResourceNotFoundException("knowledgeOverride"));
        if (reviewed(entry)) {
            saveOverride(entry, override, ServiceContent.EMPTY, null, null, text("knowledge.version.overrideRemoved"));
        } else {
            delete(entry, override);
        }
        return get(slug, serviceId);
    }

    /** Puts a waiting change to this tenant's override online; under the four-eyes rule not by its author. */
    @PreAuthorize(WRITERS)
    public ServiceView approveOverride(String slug, UUID serviceId) {
        UUID tenantId = tenant(slug).id();
        ServiceEntry entry = catalogueEntry(serviceId, tenantId);
        ServiceOverride override = overrides
                .findByTenantIdAndServiceId(tenantId, serviceId)
                .filter(ServiceOverride::isPending)
                .orElseThrow(() -> new ConflictException("knowledgeNothingToApprove"));
        if (properties.fourEyes() && override.getLastEditor().equals(scope.currentUsername())) {
            throw new ConflictException("knowledgeFourEyes");
        }
        override.approve();
        if (override.isEmpty()) {
            delete(entry, override);
        } else {
            overrides.saveAndFlush(override);
            revisions.overrideSaved(
                    serviceId,
                    tenantId,
                    override,
                    override.getRevision(),
                    entry.getState(),
                    text("knowledge.version.overrideApproved"));
        }
        return get(slug, serviceId);
    }

    /** Whether a change to what citizens see of the entry must be approved by a second person. */
    private boolean reviewed(ServiceEntry entry) {
        return properties.fourEyes() && entry.isPublic();
    }

    private void saveOverride(
            ServiceEntry entry,
            ServiceOverride override,
            ServiceContent fields,
            UUID departmentId,
            String notes,
            String comment) {
        String editor = scope.currentUsername();
        boolean changed = reviewed(entry)
                ? override.applyAsWorkingCopy(fields, departmentId, notes, editor)
                : override.apply(fields, departmentId, notes, editor);
        if (changed) {
            overrides.saveAndFlush(override);
            revisions.overrideSaved(
                    entry.getId(), override.getTenantId(), override, override.getRevision(), entry.getState(), comment);
        }
    }

    private void delete(ServiceEntry entry, ServiceOverride override) {
        overrides.delete(override);
        overrides.flush();
        revisions.overrideSaved(
                entry.getId(),
                override.getTenantId(),
                null,
                override.getRevision() + 1,
                entry.getState(),
                text("knowledge.version.overrideRemoved"));
    }

    /**
     * Moves the article to {@code target}. Under the four-eyes rule an article goes through review, and whoever
     * changed its content last cannot publish it.
     */
    @PreAuthorize(WRITERS)
    public ServiceView transition(String slug, UUID serviceId, ServiceState target) {
        UUID tenantId = tenant(slug).id();
        ServiceEntry entry = find(serviceId, tenantId);
        ServiceState from = entry.getState();
        if (!Workflow.allowed(from, target, properties.fourEyes())) {
            throw new ConflictException(
                    "knowledgeTransition", text("knowledge.state." + from), text("knowledge.state." + target));
        }
        if (target == ServiceState.PUBLISHED
                && properties.fourEyes()
                && entry.getLastEditor().equals(scope.currentUsername())) {
            throw new ConflictException("knowledgeFourEyes");
        }
        entry.changeState(target);
        entries.saveAndFlush(entry);
        revisions.entrySaved(entry, text("knowledge.version.stateChanged", text("knowledge.state." + target)));
        return get(slug, serviceId);
    }

    @Transactional(readOnly = true)
    public List<VersionInfo> history(String slug, UUID serviceId) {
        UUID tenantId = tenant(slug).id();
        find(serviceId, tenantId);
        return versions.history(serviceId, tenantId).stream()
                .map(VersionInfo::of)
                .toList();
    }

    /** What changed from one version to another (of the same service, as this tenant may see them). */
    @Transactional(readOnly = true)
    public VersionDiff diff(String slug, UUID serviceId, UUID fromId, UUID toId) {
        UUID tenantId = tenant(slug).id();
        find(serviceId, tenantId);
        if (fromId == null || toId == null) {
            throw new InvalidFieldException(fromId == null ? "from" : "to", "validation.required");
        }
        ServiceVersion from = versions.findVisible(fromId, serviceId, tenantId)
                .orElseThrow(() -> new InvalidFieldException("from", "validation.knowledge.version"));
        ServiceVersion to = versions.findVisible(toId, serviceId, tenantId)
                .orElseThrow(() -> new InvalidFieldException("to", "validation.knowledge.version"));
        Map<UUID, String> departments = tenants.departmentsOf(tenantId).stream()
                .collect(Collectors.toMap(DepartmentInfo::id, DepartmentInfo::name));
        Function<String, String> label =
                field -> field.startsWith("state.") ? text("knowledge." + field) : text("knowledge.field." + field);
        Function<UUID, String> department = id -> departments.getOrDefault(id, id.toString());
        List<String> before = Snapshot.fromJson(from.getSnapshot()).lines(label, department);
        List<String> after = Snapshot.fromJson(to.getSnapshot()).lines(label, department);
        return new VersionDiff(VersionInfo.of(from), VersionInfo.of(to), diff(before, after));
    }

    /** Overdue reviews, articles waiting for work or review, and what people searched for in vain. */
    @Transactional(readOnly = true)
    public Dashboard dashboard(String slug) {
        UUID tenantId = tenant(slug).id();
        LocalDate today = LocalDate.now(clock.withZone(BerlinTime.ZONE));
        List<ServiceView> all = all(tenantId);
        List<ServiceView> overdue = all.stream()
                .filter(v -> v.state() != ServiceState.ARCHIVED
                        && v.reviewDate() != null
                        && v.reviewDate().isBefore(today))
                .sorted(Comparator.comparing(ServiceView::reviewDate))
                .toList();
        List<ServiceView> waiting = all.stream()
                .filter(v ->
                        v.state() == ServiceState.DRAFT || v.state() == ServiceState.IN_REVIEW || v.overridePending())
                .sorted(Comparator.comparing(ServiceView::state).reversed().thenComparing(ServiceView::title))
                .toList();
        List<UnansweredSearch> searches = unanswered.stream()
                .findFirst()
                .map(source -> source.top(tenantId, 20))
                .orElse(List.of());
        return new Dashboard(overdue, waiting, searches);
    }

    /** The tenant the current user names by {@code slug}, if the user may see it. */
    public TenantInfo tenant(String slug) {
        TenantInfo tenant = tenants.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("tenant"));
        scope.check(tenant.id(), "tenant");
        return tenant;
    }

    /** Every service of the tenant, merged, in staff view. */
    List<ServiceView> all(UUID tenantId) {
        Map<UUID, ServiceOverride> local = overrides.findByTenantId(tenantId).stream()
                .collect(Collectors.toMap(ServiceOverride::getServiceId, Function.identity()));
        List<ServiceView> all = new ArrayList<>();
        for (ServiceEntry entry : entries.visibleTo(tenantId)) {
            all.add(views.of(entry, local.get(entry.getId()), tenantId, Audience.STAFF));
        }
        all.sort(Comparator.comparing(v -> v.title().toLowerCase(Locale.GERMAN)));
        return all;
    }

    private void saveLocal(ServiceEntry entry, UUID tenantId, UUID departmentId, String notes) {
        ServiceOverride override =
                overrides.findByTenantIdAndServiceId(tenantId, entry.getId()).orElse(null);
        if (override == null && departmentId == null && notes == null) {
            return;
        }
        if (override == null) {
            override = new ServiceOverride(tenantId, entry.getId());
        }
        if (override.apply(override.content(), departmentId, notes, scope.currentUsername())) {
            overrides.saveAndFlush(override);
            revisions.overrideSaved(entry.getId(), tenantId, override, override.getRevision(), entry.getState(), null);
        }
    }

    private ServiceEntry find(UUID serviceId, UUID tenantId) {
        return entries.findVisible(serviceId, tenantId)
                .orElseThrow(() -> new ResourceNotFoundException("knowledgeService"));
    }

    private ServiceEntry catalogueEntry(UUID serviceId, UUID tenantId) {
        ServiceEntry entry = find(serviceId, tenantId);
        if (!entry.isCatalogue()) {
            throw new ConflictException("knowledgeNotCatalogue");
        }
        return entry;
    }

    private void checkDepartment(UUID tenantId, UUID departmentId) {
        if (departmentId != null
                && tenants.departmentsOf(tenantId).stream().noneMatch(d -> d.id().equals(departmentId))) {
            throw new InvalidFieldException("departmentId", "validation.knowledge.department");
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

    private static boolean matches(ServiceView view, String needle) {
        return view.title().toLowerCase(Locale.GERMAN).contains(needle)
                || Objects.equals(view.leikaKey(), needle)
                || Objects.equals(view.externalId(), needle)
                || view.synonyms().stream()
                        .anyMatch(s -> s.toLowerCase(Locale.GERMAN).contains(needle));
    }

    /** Every line of both, in order, marked as kept, removed or added. */
    static List<DiffLine> diff(List<String> before, List<String> after) {
        List<DiffLine> lines = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            for (; position < delta.getSource().getPosition(); position++) {
                lines.add(new DiffLine("SAME", before.get(position)));
            }
            delta.getSource().getLines().forEach(line -> lines.add(new DiffLine("REMOVED", line)));
            delta.getTarget().getLines().forEach(line -> lines.add(new DiffLine("ADDED", line)));
            position += delta.getSource().size();
        }
        for (; position < before.size(); position++) {
            lines.add(new DiffLine("SAME", before.get(position)));
        }
        return lines;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
