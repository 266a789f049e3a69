package de.buergerservice.knowledge.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.ServiceView;

/** Answers of the knowledge service besides the merged {@link ServiceView}. */
public final class Views {

    private Views() {}

    /** One saved version of the entry ({@code ENTRY}) or of this tenant's override ({@code OVERRIDE}). */
    public record VersionInfo(
            UUID id, String layer, int number, ServiceState state, String changedBy, Instant changedAt, String note) {

        static VersionInfo of(ServiceVersion version) {
            return new VersionInfo(
                    version.getId(),
                    version.getLayer().name(),
                    version.getNumber(),
                    version.getState(),
                    version.getChangedBy(),
                    version.getChangedAt(),
                    version.getNote());
        }
    }

    /** One line of a diff: {@code SAME}, {@code REMOVED} (only in "from") or {@code ADDED} (only in "to"). */
    public record DiffLine(String kind, String text) {}

    public record VersionDiff(VersionInfo from, VersionInfo to, List<DiffLine> lines) {}

    /** A tenant's override layer as stored: only the fields it sets. */
    public record OverrideView(
            UUID serviceId,
            UUID tenantId,
            ServiceContent fields,
            UUID departmentId,
            String internalNotes,
            int revision,
            String updatedBy,
            Instant updatedAt) {

        static OverrideView of(ServiceOverride override) {
            return new OverrideView(
                    override.getServiceId(),
                    override.getTenantId(),
                    override.content(),
                    override.getDepartmentId(),
                    override.getInternalNotes(),
                    override.getRevision(),
                    override.getLastEditor(),
                    override.getUpdatedAt());
        }
    }

    /** A catalogue entry's own content and this tenant's layer over it, for the override form. */
    public record Layers(
            ServiceContent catalogue,
            ServiceContent override,
            UUID departmentId,
            String internalNotes,
            boolean exists) {}

    /** The editor's dashboard of a tenant. */
    public record Dashboard(
            List<ServiceView> overdueReviews, List<ServiceView> waiting, List<UnansweredSearch> unansweredSearches) {}

    /** A service in a list; {@code snippet} is the search's highlighted excerpt (HTML), {@code null} without query. */
    public record ListedService(ServiceView service, String snippet) {}

    /**
     * One page of a tenant's services.
     *
     * @param total how many services match, on all pages
     * @param topics every topic of the tenant's services with how many services carry it (for the filter)
     * @param fuzzy whether the search had to correct a typo
     */
    public record ServicePage(
            List<ListedService> rows,
            int total,
            int page,
            int pages,
            java.util.Map<String, Long> topics,
            boolean fuzzy) {}

    /** What became of one service in a step for many: moved, or left as it was with the reason. */
    public record BulkOutcome(UUID id, String title, boolean done, String message) {}
}
