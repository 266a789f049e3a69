package de.buergerservice.identity;

import java.time.Duration;
import java.util.Optional;

/**
 * Login throttling and lock-out, shared by every way of signing in: the login form, HTTP Basic and — through this
 * API — SIP REGISTER digest authentication. Ask {@link #check} before verifying a credential and report the
 * outcome with {@link #failed} or {@link #succeeded}. Unknown user names are counted exactly like existing ones,
 * so the answers tell an attacker nothing about which accounts exist.
 *
 * <ul>
 *   <li>{@link Refusal.Kind#LOCKED}: the name had too many failures in a row; refuse with 403 (SIP: 403) until
 *       {@link Refusal#retryAfter()} has passed, even with the right password.
 *   <li>{@link Refusal.Kind#TOO_MANY_ATTEMPTS}: the client address failed too often, whatever the names; refuse
 *       with 429 and {@code Retry-After} (SIP: 503 with Retry-After, RFC 3261 21.5.4, or simply 403).
 * </ul>
 *
 * Name spaces: web users are checked by their user name; a SIP registrar passes {@code "sip:" + user}, so that
 * phone and web logins do not lock each other.
 */
public interface LoginThrottle {

    /** Whether an attempt of {@code username} from {@code clientAddress} may be checked now. */
    Optional<Refusal> check(String username, String clientAddress);

    /** A credential of {@code username} from {@code clientAddress} was wrong (or the name unknown). */
    void failed(String username, String clientAddress);

    /** A credential was right: the name's failures are forgotten (the address's are not: password spraying). */
    void succeeded(String username, String clientAddress);

    record Refusal(Kind kind, Duration retryAfter) {

        public enum Kind {
            LOCKED,
            TOO_MANY_ATTEMPTS
        }

        /** Whole seconds for a {@code Retry-After} header, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
