package de.buergerservice.telephony.internal.sip;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless digest nonces (RFC 2617 §3.2.1, RFC 7616 §3.3): the issue time in hex, a dot, and an HMAC-SHA256 of
 * it under a server secret. The registrar keeps no table of nonces: a nonce is genuine if its MAC verifies, and
 * stale (answered with {@code stale=true}, the phone retries without asking its user) once older than the
 * lifetime. MACs are compared in constant time, so a forger learns nothing from how fast a wrong one is refused.
 */
final class DigestNonces {

    enum Check {
        VALID,
        STALE,
        INVALID
    }

    private final byte[] secret;
    private final Duration lifetime;
    private final Clock clock;

    DigestNonces(byte[] secret, Duration lifetime, Clock clock) {
        this.secret = secret.clone();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The configured secret (several nodes behind one address share it), else a random one for this process. */
    static byte[] secret(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    String issue() {
        String issued = Long.toHexString(clock.millis());
        return issued + "." + mac(issued);
    }

    Check check(String nonce) {
        if (nonce == null) {
            return Check.INVALID;
        }
        int dot = nonce.indexOf('.');
        if (dot < 1 || dot > 16) {
            return Check.INVALID;
        }
        String issued = nonce.substring(0, dot);
        if (!equal(mac(issued), nonce.substring(dot + 1))) {
            return Check.INVALID;
        }
        try {
            long age = clock.millis() - Long.parseLong(issued, 16);
            return age < 0 ? Check.INVALID : age > lifetime.toMillis() ? Check.STALE : Check.VALID;
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
    }

    /** Constant-time comparison of two digests or MACs (hex digits compared case-insensitively). */
    static boolean equal(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String issued) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] tag = hmac.doFinal(issued.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
