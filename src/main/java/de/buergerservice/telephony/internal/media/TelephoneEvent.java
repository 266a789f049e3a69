package de.buergerservice.telephony.internal.media;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A DTMF digit in RTP, RFC 4733 §2.3: payload of four bytes — event (0–9, 10 = *, 11 = #, 12–15 = A–D), E bit (end),
 * R, volume, duration. A phone sends several packets per key press with the same RTP timestamp and the end packet
 * three times (§2.5.1.4), so one key press is one (timestamp, event) pair.
 */
public record TelephoneEvent(char digit, boolean end, int duration) {

    private static final String DIGITS = "0123456789*#ABCD";

    /** The event in an RTP packet (header already read; {@code payload} positioned at the payload). */
    static Optional<TelephoneEvent> parse(ByteBuffer payload) {
        if (payload.remaining() < 4) {
            return Optional.empty();
        }
        int event = payload.get() & 0xFF;
        int flags = payload.get() & 0xFF;
        int duration = payload.getShort() & 0xFFFF;
        if (event >= DIGITS.length()) {
            return Optional.empty();
        }
        return Optional.of(new TelephoneEvent(DIGITS.charAt(event), (flags & 0x80) != 0, duration));
    }

    /** The digit of an INFO body {@code application/dtmf-relay} ({@code Signal=1}) or {@code application/dtmf}. */
    public static Optional<Character> fromInfo(String contentSubType, String body) {
        if (body == null) {
            return Optional.empty();
        }
        String value = null;
        if ("dtmf-relay".equalsIgnoreCase(contentSubType)) {
            for (String line : body.split("\r?\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).strip().equalsIgnoreCase("Signal")) {
                    value = line.substring(eq + 1).strip();
                }
            }
        } else if ("dtmf".equalsIgnoreCase(contentSubType)) {
            value = body.strip();
        }
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.chars().allMatch(Character::isDigit) && value.length() <= 2) {
            int event = Integer.parseInt(value);
            return event < DIGITS.length() ? Optional.of(DIGITS.charAt(event)) : Optional.empty();
        }
        char digit = Character.toUpperCase(value.charAt(0));
        return value.length() == 1 && DIGITS.indexOf(digit) >= 0 ? Optional.of(digit) : Optional.empty();
    }
}
