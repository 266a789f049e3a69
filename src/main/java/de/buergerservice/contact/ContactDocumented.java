package de.buergerservice.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact was documented with its outcome (also when a documentation is corrected later: the last one counts,
 * keyed by {@code contactId}). {@code startedAt} places the contact in a reporting interval; {@code callId} is null
 * for channels other than the phone. Published in the documenting transaction.
 */
public record ContactDocumented(
        UUID contactId,
        UUID tenantId,
        ContactChannel channel,
        String callId,
        UUID agentId,
        ContactOutcome outcome,
        Instant startedAt,
        Instant documentedAt) {}
