package de.buergerservice.contact.internal;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.HandOffKind;

/**
 * What the agent documents: the concern (a service or a category), a note, the outcome, and for
 * {@code TRANSFERRED} and {@code HANDED_OFF} the department; for {@code HANDED_OFF} also the hand-off. Which fields
 * are required depends on the outcome and is checked by {@link ContactService} (German messages per field).
 */
public record DocumentationData(
        @Valid ConcernData concern,
        @Size(max = 2000) String note,
        ContactOutcome outcome,
        UUID department,
        @Valid HandOffData handOff) {

    public record ConcernData(
            UUID serviceId, @Size(max = 100) String category) {}

    public record HandOffData(
            HandOffKind kind,
            @Size(max = 200) String citizenName,
            @Size(max = 64) String phone,
            @Email @Size(max = 320) String email,
            @Size(max = 200) String callbackWindow) {}
}
