package de.buergerservice.telephony.internal.sip;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * The stack's parser, plus what it forgets: it reads {@code SIP/3.0} as {@code SIP/2.0} and keeps the first of two
 * Call-ID (From, To, CSeq …) headers without a word. Both are decided on the raw text here, and so is a header
 * line over {@value RequestValidator#MAX_HEADER} characters (cheaper than encoding every parsed header again).
 * The request is still parsed so that a final response can be built from it, and carries its
 * {@link RequestValidator.Refusal} as application data for {@link RequestValidator} (RFC 3261 §21.5.6: 505; §20:
 * these headers appear once, else 400). Installed with {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}, for UDP
 * and TCP alike.
 */
public class GuardedParserFactory implements MessageParserFactory {

    /** Header names (long and compact form) that RFC 3261 allows once per message. */
    private static final Set<String> SINGLE = Set.of(
            "call-id", "i", "from", "f", "to", "t", "cseq", "max-forwards", "content-length", "l", "content-type", "c");

    private final MessageParserFactory stack = new StringMsgParserFactory();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack sipStack) {
        MessageParser parser = stack.createMessageParser(sipStack);
        return (buffer, readBody, strict, listener) ->
                guard(buffer, parser.parseSIPMessage(buffer, readBody, strict, listener));
    }

    private static SIPMessage guard(byte[] buffer, SIPMessage message) {
        if (message instanceof SIPRequest request && buffer != null) {
            RequestValidator.Refusal refusal = inspect(buffer);
            if (refusal != null) {
                request.setApplicationData(refusal);
            }
        }
        return message;
    }

    /**
     * Looks at the start line and the header lines only (the head ends at the first empty line), on the bytes as
     * received: no copy of the message, a few short strings for header names at most.
     */
    static RequestValidator.Refusal inspect(byte[] buffer) {
        int length = buffer.length;
        int position = 0;
        while (position < length && (buffer[position] == '\r' || buffer[position] == '\n')) {
            position++; // keep-alive CRLFs before the message (RFC 5626)
        }
        if (position == length) {
            return null;
        }
        int lineEnd = lineEnd(buffer, position);
        if (!endsWithVersion(buffer, position, lineEnd)) {
            return new RequestValidator.Refusal(505, "SIP-Version nicht unterstützt");
        }
        Set<String> seen = new HashSet<>(8);
        position = next(buffer, lineEnd);
        while (position < length) {
            lineEnd = lineEnd(buffer, position);
            if (lineEnd == position) {
                return null; // empty line: the body follows
            }
            if (lineEnd - position > RequestValidator.MAX_HEADER) {
                return new RequestValidator.Refusal(400, "Kopfzeile zu lang");
            }
            byte first = buffer[position];
            if (first != ' ' && first != '\t') {
                int colon = position;
                while (colon < lineEnd && buffer[colon] != ':') {
                    colon++;
                }
                int nameEnd = colon;
                while (nameEnd > position && (buffer[nameEnd - 1] == ' ' || buffer[nameEnd - 1] == '\t')) {
                    nameEnd--;
                }
                if (colon < lineEnd && nameEnd - position <= 14) {
                    String name = new String(buffer, position, nameEnd - position, StandardCharsets.ISO_8859_1)
                            .toLowerCase(Locale.ROOT);
                    if (SINGLE.contains(name) && !seen.add(longForm(name))) {
                        return new RequestValidator.Refusal(400, "Kopfzeile mehrfach: " + longForm(name));
                    }
                }
            }
            position = next(buffer, lineEnd);
        }
        return null;
    }

    /** Index of the CR or LF that ends the line starting at {@code from} (or the buffer's end). */
    private static int lineEnd(byte[] buffer, int from) {
        int i = from;
        while (i < buffer.length && buffer[i] != '\r' && buffer[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Start of the line after the one ending at {@code lineEnd} (CRLF or a bare LF). */
    private static int next(byte[] buffer, int lineEnd) {
        int i = lineEnd;
        if (i < buffer.length && buffer[i] == '\r') {
            i++;
        }
        if (i < buffer.length && buffer[i] == '\n') {
            i++;
        }
        return i;
    }

    private static final byte[] VERSION = "SIP/2.0".getBytes(StandardCharsets.US_ASCII);

    /** Whether the start line ends in {@code SIP/2.0} (case-insensitive, trailing blanks ignored). */
    private static boolean endsWithVersion(byte[] buffer, int start, int end) {
        while (end > start && (buffer[end - 1] == ' ' || buffer[end - 1] == '\t')) {
            end--;
        }
        int from = end - VERSION.length;
        if (from <= start || buffer[from - 1] != ' ') {
            return false;
        }
        for (int i = 0; i < VERSION.length; i++) {
            if (Character.toUpperCase((char) buffer[from + i]) != VERSION[i]) {
                return false;
            }
        }
        return true;
    }

    private static String longForm(String name) {
        return switch (name) {
            case "i" -> "call-id";
            case "f" -> "from";
            case "t" -> "to";
            case "l" -> "content-length";
            case "c" -> "content-type";
            default -> name;
        };
    }
}
