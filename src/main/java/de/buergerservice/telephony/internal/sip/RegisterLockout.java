package de.buergerservice.telephony.internal.sip;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Lock-out after repeated wrong REGISTER digests: {@code lockout-failures} (5) wrong answers in a row from one source
 * address for one SIP user lock that pair for {@code lockout-duration} (15 min) — a password guesser gets 403 and
 * no more checks, the same phone user elsewhere (another address) is not locked out by it. Unknown users count just
 * like known ones, so the answer tells nobody which users exist. A correct digest clears the count.
 *
 * <p>Telephony's own counter (in memory, per instance). The {@code sec} branch's identity {@code LoginThrottle}
 * offers the same for the web login; once both are merged the registrar may use that one instead (key
 * {@code "sip:" + user}), see docs/security-sip.md.
 */
@Component
public class RegisterLockout {

    private final int failures;
    private final Cache<String, AtomicInteger> counts;

    RegisterLockout(SipLimitProperties properties) {
        this.failures = properties.lockoutFailures();
        this.counts = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.lockoutDuration())
                .build();
    }

    /** Whether the pair is locked now; its digest is then not checked at all. */
    public boolean locked(String source, String sipUser) {
        AtomicInteger count = counts.getIfPresent(key(source, sipUser));
        return count != null && count.get() >= failures;
    }

    /** A wrong digest (or an unknown user); the lock-out starts with the {@code lockout-failures}th in a row. */
    public void failed(String source, String sipUser) {
        String key = key(source, sipUser);
        // a new write restarts the expiry: the lock lasts lockout-duration from the last failure
        AtomicInteger count = counts.get(key, k -> new AtomicInteger());
        count.incrementAndGet();
        counts.put(key, count);
    }

    public void succeeded(String source, String sipUser) {
        counts.invalidate(key(source, sipUser));
    }

    private static String key(String source, String sipUser) {
        return source + "|sip:" + (sipUser == null ? "" : sipUser.toLowerCase(java.util.Locale.ROOT));
    }
}
