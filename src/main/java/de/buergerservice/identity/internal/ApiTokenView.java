package de.buergerservice.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** An API token as administrators see it: never the token, only its first characters to recognise it. */
public record ApiTokenView(
        UUID id, UUID userId, String name, String hint, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
