package de.buergerservice.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeHit;
import de.buergerservice.knowledge.KnowledgeSearch;
import de.buergerservice.knowledge.KnowledgeSearchResult;
import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.knowledge.internal.Views.Dashboard;
import de.buergerservice.knowledge.internal.Views.DiffLine;
import de.buergerservice.knowledge.internal.Views.Layers;
import de.buergerservice.knowledge.internal.Views.ListedService;
import de.buergerservice.knowledge.internal.Views.OverrideView;
import de.buergerservice.knowledge.internal.Views.ServicePage;
import de.buergerservice.knowledge.internal.Views.VersionDiff;
import de.buergerservice.knowledge.internal.Views.VersionInfo;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Service descriptions as users read them, always through one tenant: its view is the catalogue merged with its
 * overrides plus its own entries. Everybody who may see the tenant reads what is in force (staff view, with internal
 * notes and a hint where a change is under review); editors and administrators read the working copy and drafts.
 * Changes go through {@link ServiceEditing}, {@link OverrideEditing} and {@link ServiceWorkflow}.
 */
@Service
@Transactional(readOnly = true)
public class KnowledgeService {

    static final String WRITERS = "hasAnyRole('EDITOR', 'ADMIN')";

    /** How many hits of a search the list pages through: far more than anybody reads. */
    static final int SEARCH_DEPTH = 500;

    private final KnowledgeAccess access;
    private final ServiceEntryRepository entries;
    private final ServiceOverrideRepository overrides;
    private final ServiceVersionRepository versions;
    private final MergedViews views;
    private final TenantDirectory tenants;
    private final KnowledgeSearch search;
    private final ObjectProvider<UnansweredSearches> unanswered;
    private final Clock clock;

    KnowledgeService(
            KnowledgeAccess access,
            ServiceEntryRepository entries,
            ServiceOverrideRepository overrides,
            ServiceVersionRepository versions,
            MergedViews views,
            TenantDirectory tenants,
            KnowledgeSearch search,
            ObjectProvider<UnansweredSearches> unanswered,
            Clock clock) {
        this.access = access;
        this.entries = entries;
        this.overrides = overrides;
        this.versions = versions;
        this.views = views;
        this.tenants = tenants;
        this.search = search;
        this.unanswered = unanswered;
        this.clock = clock;
    }

    /**
     * The tenant's services the current user reads, filtered by state and topic; with a query, the hits of the
     * knowledge search (ranked, typo-tolerant) in their order, else all by title.
     */
    public List<ServiceView> list(String slug, String query, ServiceState state, String topic) {
        return listed(access.tenant(slug).id(), query, state, topic).rows().stream()
                .map(ListedService::service)
                .toList();
    }

    /** One page of {@link #list}, with the hits' highlighted snippets and the topics to filter by. */
    public ServicePage page(String slug, String query, ServiceState state, String topic, int page, int size) {
        if (size < 1) {
            throw new InvalidFieldException("size", "validation.knowledge.pageSize");
        }
        Listed listed = listed(access.tenant(slug).id(), query, state, topic);
        int pages = Math.max(1, (listed.rows().size() + size - 1) / size);
        int current = Math.min(Math.max(page, 1), pages);
        List<ListedService> rows = listed.rows().stream()
                .skip((long) (current - 1) * size)
                .limit(size)
                .toList();
        return new ServicePage(rows, listed.rows().size(), current, pages, listed.topics(), listed.fuzzy());
    }

    private record Listed(List<ListedService> rows, Map<String, Long> topics, boolean fuzzy) {}

    private Listed listed(UUID tenantId, String query, ServiceState state, String topic) {
        List<ServiceView> all = all(tenantId);
        Map<String, Long> topics = new TreeMap<>(
                Comparator.comparing((String t) -> t.toLowerCase(Locale.GERMAN)).thenComparing(Function.identity()));
        all.forEach(view -> view.topics().forEach(t -> topics.merge(t, 1L, Long::sum)));
        List<ListedService> rows;
        boolean fuzzy = false;
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            rows = all.stream().map(view -> new ListedService(view, null)).toList();
        } else {
            Map<UUID, ServiceView> byId = new LinkedHashMap<>();
            all.forEach(view -> byId.put(view.id(), view));
            KnowledgeSearchResult result = search.search(tenantId, text, SEARCH_DEPTH, Audience.STAFF);
            fuzzy = result.fuzzy();
            rows = new ArrayList<>();
            for (KnowledgeHit hit : result.hits()) {
                // the search finds drafts for staff; the list shows only what this user reads
                ServiceView view = byId.get(hit.id());
                if (view != null) {
                    rows.add(new ListedService(view, hit.snippet()));
                }
            }
        }
        List<ListedService> filtered = rows.stream()
                .filter(row -> state == null || row.service().state() == state)
                .filter(row -> topic == null
                        || topic.isBlank()
                        || row.service().topics().stream().anyMatch(t -> t.equals(topic) || t.startsWith(topic + "/")))
                .toList();
        return new Listed(filtered, topics, fuzzy);
    }

    public ServiceView get(String slug, UUID serviceId) {
        UUID tenantId = access.tenant(slug).id();
        ServiceEntry entry = access.entry(serviceId, tenantId);
        boolean editor = access.editor();
        if (!editor && !entry.isPublic()) {
            throw new ResourceNotFoundException("knowledgeService");
        }
        return views.of(
                entry,
                overrides.findByTenantIdAndServiceId(tenantId, serviceId).orElse(null),
                tenantId,
                Audience.STAFF,
                editor);
    }

    public OverrideView override(String slug, UUID serviceId) {
        UUID tenantId = access.tenant(slug).id();
        access.catalogueEntry(serviceId, tenantId);
        return overrides
                .findByTenantIdAndServiceId(tenantId, serviceId)
                .map(OverrideView::of)
                .orElseThrow(() -> new ResourceNotFoundException("knowledgeOverride"));
    }

    /** The catalogue entry as it is and this tenant's override (empty if none). */
    public Layers layers(String slug, UUID serviceId) {
        UUID tenantId = access.tenant(slug).id();
        ServiceEntry entry = access.catalogueEntry(serviceId, tenantId);
        return overrides
                .findByTenantIdAndServiceId(tenantId, serviceId)
                .map(o -> new Layers(
                        entry.content().complete(), o.content(), o.getDepartmentId(), o.getInternalNotes(), true))
                .orElseGet(() -> new Layers(entry.content().complete(), ServiceContent.EMPTY, null, null, false));
    }

    public List<VersionInfo> history(String slug, UUID serviceId) {
        UUID tenantId = access.tenant(slug).id();
        access.entry(serviceId, tenantId);
        return versions.history(serviceId, tenantId).stream()
                .map(VersionInfo::of)
                .toList();
    }

    /** What changed from one version to another (of the same service, as this tenant may see them). */
    public VersionDiff diff(String slug, UUID serviceId, UUID fromId, UUID toId) {
        UUID tenantId = access.tenant(slug).id();
        access.entry(serviceId, tenantId);
        if (fromId == null || toId == null) {
            throw new InvalidFieldException(fromId == null ? "from" : "to", "validation.required");
        }
        ServiceVersion from = versions.findVisible(fromId, serviceId, tenantId)
                .orElseThrow(() -> new InvalidFieldException("from", "validation.knowledge.version"));
        ServiceVersion to = versions.findVisible(toId, serviceId, tenantId)
                .orElseThrow(() -> new InvalidFieldException("to", "validation.knowledge.version"));
        Map<UUID, String> departments = tenants.departmentsOf(tenantId).stream()
                .collect(Collectors.toMap(DepartmentInfo::id, DepartmentInfo::name));
        Function<String, String> label = field -> field.startsWith("state.")
                ? access.text("knowledge." + field)
                : access.text("knowledge.field." + field);
        Function<UUID, String> department = id -> departments.getOrDefault(id, id.toString());
        List<String> before = Snapshot.fromJson(from.getSnapshot()).lines(label, department);
        List<String> after = Snapshot.fromJson(to.getSnapshot()).lines(label, department);
        return new VersionDiff(VersionInfo.of(from), VersionInfo.of(to), diff(before, after));
    }

    /** Overdue reviews, articles waiting for work or review, and what people searched for in vain. */
    public Dashboard dashboard(String slug) {
        UUID tenantId = access.tenant(slug).id();
        LocalDate today = LocalDate.now(clock.withZone(BerlinTime.ZONE));
        List<ServiceView> all = all(tenantId);
        List<ServiceView> overdue = all.stream()
                .filter(v -> v.state() != ServiceState.ARCHIVED
                        && v.reviewDate() != null
                        && v.reviewDate().isBefore(today))
                .sorted(Comparator.comparing(ServiceView::reviewDate))
                .toList();
        List<ServiceView> waiting = waiting(all);
        List<UnansweredSearch> searches = unanswered.stream()
                .findFirst()
                .map(source -> source.top(tenantId, 20))
                .orElse(List.of());
        return new Dashboard(overdue, waiting, searches);
    }

    /** The services of the tenant waiting for work or review (the review queue), in review first. */
    public List<ServiceView> waiting(String slug) {
        return waiting(all(access.tenant(slug).id()));
    }

    private static List<ServiceView> waiting(List<ServiceView> all) {
        return all.stream()
                .filter(v ->
                        v.state() == ServiceState.DRAFT || v.state() == ServiceState.IN_REVIEW || v.overridePending())
                .sorted(Comparator.comparing(ServiceView::state).reversed().thenComparing(ServiceView::title))
                .toList();
    }

    /** The tenant the current user names by {@code slug}, if the user may see it. */
    public TenantInfo tenant(String slug) {
        return access.tenant(slug);
    }

    /** Whether the current user edits (sees working copies and the editors' buttons). */
    public boolean editor() {
        return access.editor();
    }

    /** Every service of the tenant the current user reads, merged, ordered by title. */
    List<ServiceView> all(UUID tenantId) {
        boolean editor = access.editor();
        Map<UUID, ServiceOverride> local = overrides.findByTenantId(tenantId).stream()
                .collect(Collectors.toMap(ServiceOverride::getServiceId, Function.identity()));
        List<ServiceView> all = new ArrayList<>();
        for (ServiceEntry entry : entries.visibleTo(tenantId)) {
            if (editor || entry.isPublic()) {
                all.add(views.of(entry, local.get(entry.getId()), tenantId, Audience.STAFF, editor));
            }
        }
        all.sort(Comparator.comparing(v -> v.title().toLowerCase(Locale.GERMAN)));
        return all;
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
}
