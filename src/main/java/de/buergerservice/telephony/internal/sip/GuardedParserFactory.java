package de.buergerservice.telephony.internal.sip;

import java.nio.charset.StandardCharsets;
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
 * Call-ID (From, To, CSeq …) headers without a word. Both are decided on the raw text here; the request is still
 * parsed so that a final response can be built from it, and carries its {@link RequestValidator.Refusal} as
 * application data for {@link RequestValidator} (RFC 3261 §21.5.6: 505; §20: these headers appear once, else 400).
 * Installed with {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}, for UDP and TCP alike.
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

    /** Looks at the start line and the header names only (the head ends at the first empty line). */
    static RequestValidator.Refusal inspect(byte[] buffer) {
        String text = new String(buffer, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        String[] lines = head.split("\r?\n");
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++; // keep-alive CRLFs before the message (RFC 5626)
        }
        if (first == lines.length) {
            return null;
        }
        String startLine = lines[first].strip();
        int lastSpace = startLine.lastIndexOf(' ');
        String version = lastSpace < 0 ? "" : startLine.substring(lastSpace + 1);
        if (!version.equalsIgnoreCase("SIP/2.0")) {
            return new RequestValidator.Refusal(505, "SIP-Version nicht unterstützt");
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = first + 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue; // folded continuation or a broken line (the stack answers that one)
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (SINGLE.contains(name) && !seen.add(longForm(name))) {
                return new RequestValidator.Refusal(400, "Kopfzeile mehrfach: " + longForm(name));
            }
        }
        return null;
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
