package de.buergerservice.telephony.internal.sip;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-source limits of the SIP front ({@code buergerservice.sip.limits.*}, see {@link SipRateLimits} and
 * {@link RegisterLockout}).
 *
 * @param enabled whether the per-source rate limits apply at all
 * @param registerBurst REGISTERs one source address may send at once (an office's phones after a power cut)
 * @param registerWindow the time in which a source's REGISTER allowance refills completely
 * @param inviteBurst new calls (INVITEs without To tag) one source may send at once
 * @param inviteWindow the time in which a source's INVITE allowance refills completely
 * @param trustedSources addresses never rate limited: the trunk or session border controller that brings every
 *        citizen's call from one address
 * @param retryAfter the {@code Retry-After} of the 503 a limited request gets
 * @param lockoutFailures wrong REGISTER digests in a row, per source address and SIP user, that lock the pair
 * @param lockoutDuration how long a locked pair is refused (403) without its digest being checked
 */
@ConfigurationProperties("buergerservice.sip.limits")
public record SipLimitProperties(
        Boolean enabled,
        Integer registerBurst,
        Duration registerWindow,
        Integer inviteBurst,
        Duration inviteWindow,
        List<String> trustedSources,
        Duration retryAfter,
        Integer lockoutFailures,
        Duration lockoutDuration) {

    public SipLimitProperties {
        enabled = enabled == null || enabled;
        registerBurst = registerBurst == null ? 50 : Math.max(1, registerBurst);
        registerWindow = registerWindow == null ? Duration.ofSeconds(10) : registerWindow;
        inviteBurst = inviteBurst == null ? 200 : Math.max(1, inviteBurst);
        inviteWindow = inviteWindow == null ? Duration.ofSeconds(2) : inviteWindow;
        trustedSources = trustedSources == null ? List.of() : List.copyOf(trustedSources);
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        lockoutFailures = lockoutFailures == null ? 5 : Math.max(1, lockoutFailures);
        lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
    }
}
