package de.buergerservice.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import de.buergerservice.identity.LoginThrottle;
import de.buergerservice.identity.LoginThrottle.Refusal.Kind;

/**
 * {@link LoginThrottle} in memory: per user name a failure count in a Caffeine cache (forgotten
 * {@code lock-duration} after the last failure; {@code max-failures} in a row lock the name for
 * {@code lock-duration}), per client address a Bucket4j bucket of {@code max-failures-per-client} failures that
 * refills gradually over {@code client-window}. Both caches are bounded, so a flood of invented names cannot fill
 * the memory. Per instance: behind a load balancer each instance counts for itself (docs/security.md).
 */
@Service
class LoginThrottleService implements LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleService.class);

    private record Failures(int count, Instant lockedUntil) {}

    private final Cache<String, Failures> names;
    private final Cache<String, Bucket> clients;
    private final int maxFailures;
    private final Duration lockDuration;
    private final int maxFailuresPerClient;
    private final Duration clientWindow;
    private final Clock clock;

    LoginThrottleService(
            @Value("${buergerservice.security.login.max-failures:5}") int maxFailures,
            @Value("${buergerservice.security.login.lock-duration:15m}") Duration lockDuration,
            @Value("${buergerservice.security.login.max-failures-per-client:30}") int maxFailuresPerClient,
            @Value("${buergerservice.security.login.client-window:10m}") Duration clientWindow,
            Clock clock) {
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.maxFailuresPerClient = maxFailuresPerClient;
        this.clientWindow = clientWindow;
        this.clock = clock;
        this.names = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(lockDuration)
                .build();
        this.clients = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(clientWindow)
                .build();
    }

    @Override
    public Optional<Refusal> check(String username, String clientAddress) {
        Failures failures = names.getIfPresent(key(username));
        Instant now = clock.instant();
        if (failures != null
                && failures.lockedUntil() != null
                && failures.lockedUntil().isAfter(now)) {
            return Optional.of(new Refusal(Kind.LOCKED, Duration.between(now, failures.lockedUntil())));
        }
        Bucket bucket = clients.getIfPresent(address(clientAddress));
        if (bucket != null) {
            var probe = bucket.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                return Optional.of(
                        new Refusal(Kind.TOO_MANY_ATTEMPTS, Duration.ofNanos(probe.getNanosToWaitForRefill())));
            }
        }
        return Optional.empty();
    }

    @Override
    public void failed(String username, String clientAddress) {
        Instant now = clock.instant();
        Failures after = names.asMap().compute(key(username), (name, before) -> {
            int count = (before == null || isOver(before, now) ? 0 : before.count()) + 1;
            return new Failures(count, count >= maxFailures ? now.plus(lockDuration) : null);
        });
        if (after.count() == maxFailures) {
            // the name only, never the password; an attacker's address is in the next line if it goes on
            log.warn("Login of '{}' locked for {} after {} failures", key(username), lockDuration, maxFailures);
        }
        Bucket bucket = clients.get(address(clientAddress), key -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(maxFailuresPerClient)
                        .refillGreedy(maxFailuresPerClient, clientWindow)
                        .build())
                .build());
        if (!bucket.tryConsume(1)) {
            log.warn(
                    "Logins from {} throttled: more than {} failures in {}",
                    clientAddress,
                    maxFailuresPerClient,
                    clientWindow);
        }
    }

    /** A lock that has run out starts the count afresh. */
    private static boolean isOver(Failures failures, Instant now) {
        return failures.lockedUntil() != null && !failures.lockedUntil().isAfter(now);
    }

    @Override
    public void succeeded(String username, String clientAddress) {
        names.invalidate(key(username));
    }

    private static String key(String username) {
        // as the account is looked up: "Admin" and "admin" are the same account; long names are cut
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String address(String clientAddress) {
        return clientAddress == null ? "unknown" : clientAddress;
    }
}
