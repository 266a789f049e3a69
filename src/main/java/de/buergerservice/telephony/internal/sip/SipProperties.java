package de.buergerservice.telephony.internal.sip;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SIP front ({@code buergerservice.sip.*}).
 *
 * @param enabled whether the SIP server runs at all
 * @param host the address it listens on (and writes into Via/Record-Route); 127.0.0.1 by default so a fresh
 *        install is not reachable from the network until an operator says so
 * @param port UDP and TCP port; 0 picks a free one (tests)
 * @param realm digest realm; stored HA1 values depend on it, so changing it requires new SIP passwords
 * @param queuedInterval how often a waiting caller hears 182 again (must stay below 60 s, RFC 3261 Timer C is
 *        3 min but upstream proxies often use 60 s)
 * @param maxQueueWait longest a caller may wait before the call is ended with 480 (a caller that vanished
 *        over UDP without CANCEL must not hold a queue slot for ever)
 * @param maxExpires longest registration granted (s)
 * @param availableOnRegister whether registering a phone logs a LOGGED_OUT agent in (AVAILABLE)
 * @param maxMessageSize largest SIP message accepted (bytes, UDP and TCP); the stack allocates a receive buffer of
 *        this size for every UDP datagram, so it is kept near what phones and trunks send (RFC 3261 §18.1.1 moves
 *        requests above ~1,300 bytes to TCP anyway)
 * @param nonceSecret secret of the registrar's digest nonces (HMAC); empty: a random one per process, so a phone
 *        holding a nonce from before a restart is simply challenged again
 * @param ackTimeout how long an answered call may wait for the caller's ACK before the proxy ends it (BYE both
 *        ways, ENDED {@code reason=no-ack}); 64*T1 = 32 s as in RFC 3261 §13.3.1.4
 * @param maxCallDuration longest a confirmed call may last without a refresh (re-INVITE, UPDATE) or BYE before
 *        the proxy ends it (ENDED {@code reason=max-call-duration}): every call has an end, even when both phones
 *        vanished without BYE
 */
@ConfigurationProperties("buergerservice.sip")
public record SipProperties(
        Boolean enabled,
        String host,
        Integer port,
        String realm,
        Duration queuedInterval,
        Duration maxQueueWait,
        Integer maxExpires,
        Boolean availableOnRegister,
        Integer maxMessageSize,
        String nonceSecret,
        Duration ackTimeout,
        Duration maxCallDuration,
        Boolean digestSha256) {

    public SipProperties {
        enabled = enabled == null || enabled;
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == null ? 5070 : port;
        realm = realm == null || realm.isBlank() ? "buergerservice" : realm;
        queuedInterval = queuedInterval == null ? Duration.ofSeconds(30) : queuedInterval;
        maxQueueWait = maxQueueWait == null ? Duration.ofMinutes(30) : maxQueueWait;
        maxExpires = maxExpires == null ? 3600 : maxExpires;
        availableOnRegister = availableOnRegister == null || availableOnRegister;
        maxMessageSize = maxMessageSize == null ? 8192 : Math.max(4096, maxMessageSize); // the stack's minimum is 4K
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(32) : ackTimeout;
        maxCallDuration = maxCallDuration == null ? Duration.ofHours(4) : maxCallDuration;
        digestSha256 = digestSha256 != null && digestSha256;
    }
}
