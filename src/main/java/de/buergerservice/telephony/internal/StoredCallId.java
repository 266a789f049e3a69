package de.buergerservice.telephony.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The form in which a SIP Call-ID is stored and looked up in the database. RFC 3261 sets no limit on a Call-ID, the
 * {@code call_id} columns hold 255 characters: a longer one is kept as its first characters plus a SHA-256 of the
 * whole, so it stays unique and always maps to the same stored value. Every write and every query of a Call-ID goes
 * through {@link #of}; a value already in stored form is returned unchanged.
 */
public final class StoredCallId {

    public static final int MAX_LENGTH = 255;
    private static final int PREFIX = MAX_LENGTH - 1 - 64;

    private StoredCallId() {}

    public static String of(String callId) {
        if (callId == null || callId.length() <= MAX_LENGTH) {
            return callId;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(callId.getBytes(StandardCharsets.UTF_8));
            return callId.substring(0, PREFIX) + "~" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
