package de.buergerservice.identity.internal;

import org.springframework.security.authentication.LockedException;

import de.buergerservice.identity.LoginThrottle.Refusal;

/**
 * A login refused by {@link LoginThrottleService} before the password was looked at. An account status exception,
 * so that no other provider (nor the parent manager) tries the same credentials again.
 */
class LoginThrottledException extends LockedException {

    private final transient Refusal refusal;

    LoginThrottledException(Refusal refusal) {
        super("Login throttled: " + refusal.kind());
        this.refusal = refusal;
    }

    Refusal refusal() {
        return refusal;
    }

    /** 403 for a locked name, 429 for an address with too many failures. */
    int status() {
        return refusal.kind() == Refusal.Kind.LOCKED ? 403 : 429;
    }

    /** The German (or English) message of the login page and the problem+json answer. */
    String messageCode() {
        return refusal.kind() == Refusal.Kind.LOCKED ? "login.locked" : "login.throttled";
    }

    /** Minutes for the message, rounded up. */
    long minutes() {
        return Math.max(1, (refusal.retryAfterSeconds() + 59) / 60);
    }
}
