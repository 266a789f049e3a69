package de.buergerservice.telephony.internal.sip;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the SIP front refuses new calls with {@code 503 Service Unavailable} ({@code buergerservice.sip.overload.*},
 * see {@link OverloadGuard} and docs/operations.md). Requests inside a call (ACK, BYE, CANCEL, re-INVITE, REFER) and
 * responses are never refused.
 *
 * @param enabled whether new calls are refused at all when a limit is reached
 * @param maxDelay how long received SIP messages may wait before the server turns to them — the oldest datagram in
 *        the stack's receive queue, or the signalling thread's backlog — before new calls are refused; kept well
 *        below RFC 3261's T1 (500 ms), after which callers start retransmitting and the load doubles, and above a
 *        garbage collector's pause
 * @param maxCallRate new calls admitted per second (0: no limit); up to one second's worth may arrive at once
 * @param maxCalls calls handled at the same time (waiting or ringing) before new ones are refused
 * @param retryAfter what the {@code Retry-After} header of the 503 asks for (whole seconds); an upstream proxy or
 *        trunk sends nothing new to this server for that long (RFC 3261 §21.5.4), so it is kept short
 */
@ConfigurationProperties("buergerservice.sip.overload")
public record OverloadProperties(
        Boolean enabled, Duration maxDelay, Integer maxCallRate, Integer maxCalls, Duration retryAfter) {

    public OverloadProperties {
        enabled = enabled == null || enabled;
        maxDelay = maxDelay == null ? Duration.ofMillis(300) : maxDelay;
        maxCallRate = maxCallRate == null ? 0 : Math.max(0, maxCallRate);
        maxCalls = maxCalls == null ? 10_000 : Math.max(1, maxCalls);
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
    }
}
