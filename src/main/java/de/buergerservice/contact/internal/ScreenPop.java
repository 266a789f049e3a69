package de.buergerservice.contact.internal;

import java.util.List;
import java.util.UUID;

/**
 * What the desk shows the moment the agent's phone rings: the municipality dialled (name, slug for the knowledge
 * search), the greeting to say with the agent's name, the caller's number (null when withheld), how long the caller
 * waited, the municipality's telephone hours and whether it is open now, and the caller's earlier contacts.
 * {@code contactId} is set once the call was answered.
 */
public record ScreenPop(
        String callId,
        UUID contactId,
        UUID tenantId,
        String tenant,
        String tenantName,
        String greeting,
        String callerNumber,
        long waitSeconds,
        boolean openNow,
        List<String> openingHours,
        ContactService.EarlierContacts earlier) {}
