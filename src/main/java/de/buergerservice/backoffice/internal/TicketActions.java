package de.buergerservice.backoffice.internal;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The inputs of a ticket's steps, for the REST API and the pages alike. */
public final class TicketActions {

    private TicketActions() {}

    /** A callback: whether the citizen was reached, and what came of it. */
    public record Callback(
            @NotNull Boolean reached,
            @NotBlank @Size(max = 4000) String result) {}

    /** The answer to the citizen by e-mail (the text between greeting and signature). */
    public record Answer(@NotBlank @Size(max = 10000) String text) {}

    /** To another department of the same municipality, with a note for it. */
    public record Forward(
            @NotNull UUID departmentId, @Size(max = 2000) String note) {}

    /** Done, with what came of it. */
    public record Close(@NotBlank @Size(max = 4000) String result) {}

    /** Back to the ServiceCenter: its agents call the citizen back. */
    public record Return(@Size(max = 2000) String note) {}
}
