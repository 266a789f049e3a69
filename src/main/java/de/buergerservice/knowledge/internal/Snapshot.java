package de.buergerservice.knowledge.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import de.buergerservice.knowledge.ServiceState;

/** A layer as it was saved: the record a version keeps and a diff compares. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Snapshot(
        ServiceContent content, ServiceState state, LocalDate reviewDate, UUID departmentId, String internalNotes) {

    static Snapshot of(ServiceEntry entry) {
        return new Snapshot(
                entry.content(),
                entry.getState(),
                entry.getReviewDate(),
                entry.getDepartmentId(),
                entry.getInternalNotes());
    }

    static Snapshot of(ServiceOverride override) {
        return override == null
                ? new Snapshot(ServiceContent.EMPTY, null, null, null, null)
                : new Snapshot(override.content(), null, null, override.getDepartmentId(), override.getInternalNotes());
    }

    String toJson() {
        return ServiceContent.JSON.writeValueAsString(this);
    }

    static Snapshot fromJson(String json) {
        return ServiceContent.JSON.readValue(json, Snapshot.class);
    }

    /** Readable lines; {@code label} names a field, {@code department} names a department id. */
    List<String> lines(Function<String, String> label, Function<UUID, String> department) {
        List<String> lines = new ArrayList<>();
        if (state != null) {
            lines.add("## " + label.apply("state"));
            lines.add(label.apply("state." + state.name()));
        }
        if (reviewDate != null) {
            lines.add("## " + label.apply("reviewDate"));
            lines.add(reviewDate.toString());
        }
        lines.addAll((content == null ? ServiceContent.EMPTY : content).lines(label));
        if (departmentId != null) {
            lines.add("## " + label.apply("departmentId"));
            lines.add(department.apply(departmentId));
        }
        if (internalNotes != null) {
            lines.add("## " + label.apply("internalNotes"));
            internalNotes.lines().forEach(lines::add);
        }
        return lines;
    }
}
