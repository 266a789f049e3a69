package de.buergerservice.applications.internal.submission;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes (Vorgangsnummern): 10 characters of RFC 4648 base32 (A–Z, 2–7) from a {@link SecureRandom} —
 * 50 bits, so guessing one among a municipality's submissions is hopeless, and no 0/O or 1/I to mistype.
 */
final class TrackingCodes {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final int LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {}

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The code as a citizen may type it (spaces, dashes, lower case), or null if it cannot be one. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }
}
