package de.buergerservice.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import de.buergerservice.shared.persistence.PersistentEntity;

/**
 * An API token of a user for machine clients. Only the SHA-256 of the token is kept: the token is 32 random bytes,
 * so a fast hash suffices (a slow password hash is for guessable secrets) and lookups cost one index read.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends PersistentEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, updatable = false, length = 12)
    private String hint;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {}

    ApiToken(UUID userId, String name, String tokenHash, String hint, Instant expiresAt) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.hint = hint;
        this.expiresAt = expiresAt;
    }

    boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    UUID getUserId() {
        return userId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    ApiTokenView toView() {
        return new ApiTokenView(getId(), userId, name, hint, getCreatedAt(), expiresAt, revokedAt);
    }
}
