package de.buergerservice.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Credentials of the REST API verified recently (HTTP Basic user and password, API tokens), so that a machine
 * client does not pay a BCrypt hash (about 60 ms of CPU) on every request. Keys are an HMAC-SHA256 of the
 * presented credentials under a secret that lives only in this process: the cache never holds a password or a
 * token, and a memory dump does not let anybody test guesses offline against another server.
 *
 * <p>Entries live briefly ({@code buergerservice.security.credential-cache-ttl}, default 60 s) and are dropped at
 * once when their user changes (password, roles, tenants, disabled), is deleted, or a token is revoked — both when
 * the change is made and again when it commits, so a request racing the change cannot put the old state back.
 */
@Component
class CredentialCache {

    /** A verified authentication and until when it may be reused (a token's expiry can come before the TTL). */
    record Verified(Authentication authentication, UUID userId, Instant validUntil) {}

    private final Cache<String, Verified> cache;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec secret;

    CredentialCache(
            @Value("${buergerservice.security.credential-cache-ttl:60s}") Duration ttl,
            @Value("${buergerservice.security.credential-cache-size:10000}") int size,
            Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.cache =
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The cache key of a credential; {@code kind} keeps Basic and token credentials apart. */
    String key(String kind, String credential) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    Authentication get(String key) {
        Verified verified = cache.getIfPresent(key);
        if (verified == null) {
            return null;
        }
        if (!clock.instant().isBefore(verified.validUntil())) {
            cache.invalidate(key);
            return null;
        }
        return verified.authentication();
    }

    void put(String key, Authentication authentication, UUID userId, Instant notAfter) {
        Instant until = clock.instant().plus(ttl);
        cache.put(
                key,
                new Verified(authentication, userId, notAfter != null && notAfter.isBefore(until) ? notAfter : until));
    }

    /** Forgets everything verified for this user: now and once more after the current transaction commits. */
    void evictUser(UUID userId) {
        Runnable evict = () -> cache.asMap().values().removeIf(v -> v.userId().equals(userId));
        evict.run();
        afterCommit(evict);
    }

    void evictAll() {
        cache.invalidateAll();
        afterCommit(cache::invalidateAll);
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }
}
