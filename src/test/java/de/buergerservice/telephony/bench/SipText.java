package de.buergerservice.telephony.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough SIP text for the load generator: parses a datagram into start line, header lines and body, and
 * builds responses the way RFC 3261 §8.2.6 says (Via, From, To, Call-ID, CSeq copied; a To tag added). Not a
 * general parser: it trusts the server under test to send well-formed messages, which the JAIN-SIP stack does.
 */
final class SipText {

    static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private SipText() {}

    /** One received message; header names in their long form, values untouched. */
    record Message(String startLine, List<String[]> headers, String body) {

        boolean isResponse() {
            return startLine.startsWith("SIP/2.0 ");
        }

        int status() {
            return Integer.parseInt(startLine.substring(8, 11));
        }

        String method() {
            return startLine.substring(0, startLine.indexOf(' '));
        }

        /** The Request-URI of a request. */
        String target() {
            int first = startLine.indexOf(' ');
            return startLine.substring(first + 1, startLine.indexOf(' ', first + 1));
        }

        String header(String name) {
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    return header[1];
                }
            }
            return null;
        }

        /** Every value of a header that may repeat (Via, Record-Route), split at commas between entries. */
        List<String> all(String name) {
            List<String> values = new ArrayList<>();
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    values.addAll(splitEntries(header[1]));
                }
            }
            return values;
        }

        String callId() {
            return header("Call-ID");
        }

        String cseqMethod() {
            String cseq = header("CSeq");
            return cseq.substring(cseq.indexOf(' ') + 1).strip();
        }

        long cseqNumber() {
            String cseq = header("CSeq").strip();
            return Long.parseLong(cseq.substring(0, cseq.indexOf(' ')));
        }

        /** The user part of the Request-URI ({@code sip:user@host}). */
        String targetUser() {
            String uri = target();
            int colon = uri.indexOf(':');
            int at = uri.indexOf('@');
            return at < 0 ? null : uri.substring(colon + 1, at);
        }

        /** The URI inside the Contact header's angle brackets. */
        String contactUri() {
            return uriOf(header("Contact"));
        }

        String toTag() {
            return param(header("To"), "tag");
        }

        String topBranch() {
            return param(all("Via").get(0), "branch");
        }
    }

    static Message parse(byte[] data, int length) {
        String text = new String(data, 0, length, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        List<String[]> headers = new ArrayList<>(lines.length);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                String[] previous = headers.get(headers.size() - 1);
                previous[1] = previous[1] + " " + line.strip(); // folded line (RFC 3261 §7.3.1)
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {
                    longName(line.substring(0, colon).strip()),
                    line.substring(colon + 1).strip()
                });
            }
        }
        return new Message(lines[0], headers, body);
    }

    private static String longName(String name) {
        if (name.length() != 1) {
            return name;
        }
        return switch (Character.toLowerCase(name.charAt(0))) {
            case 'v' -> "Via";
            case 'f' -> "From";
            case 't' -> "To";
            case 'i' -> "Call-ID";
            case 'm' -> "Contact";
            case 'l' -> "Content-Length";
            case 'c' -> "Content-Type";
            default -> name;
        };
    }

    /** Splits {@code a, <b;x>, c} at top-level commas (not inside angle brackets or quotes). */
    static List<String> splitEntries(String value) {
        List<String> entries = new ArrayList<>(2);
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                depth++;
            } else if (!quoted && c == '>') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                entries.add(value.substring(start, i).strip());
                start = i + 1;
            }
        }
        entries.add(value.substring(start).strip());
        return entries;
    }

    static String uriOf(String nameAddr) {
        if (nameAddr == null) {
            return null;
        }
        int open = nameAddr.indexOf('<');
        if (open >= 0) {
            return nameAddr.substring(open + 1, nameAddr.indexOf('>', open));
        }
        int semicolon = nameAddr.indexOf(';');
        return (semicolon < 0 ? nameAddr : nameAddr.substring(0, semicolon)).strip();
    }

    /** A {@code ;name=value} parameter of a header value (outside the angle brackets), or null. */
    static String param(String value, String name) {
        if (value == null) {
            return null;
        }
        int from = value.lastIndexOf('>') + 1;
        String key = ";" + name + "=";
        int at = value.indexOf(key, from);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        int end = start;
        while (end < value.length()
                && value.charAt(end) != ';'
                && value.charAt(end) != ','
                && value.charAt(end) != ' ') {
            end++;
        }
        return value.substring(start, end);
    }

    /** A parameter of a digest challenge: {@code nonce="..."} or {@code qop=auth}. */
    static String digestParam(String challenge, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?:^|[\\s,])" + name + "=(?:\"([^\"]*)\"|([^,\\s]*))")
                .matcher(challenge);
        return !m.find() ? null : m.group(1) != null ? m.group(1) : m.group(2);
    }

    /**
     * A response to {@code request} (RFC 3261 §8.2.6): Vias, From, To (with {@code toTag} if it has none),
     * Call-ID and CSeq copied; {@code extra} header lines and the body appended.
     */
    static byte[] response(Message request, int status, String reason, String toTag, String extra, String body) {
        StringBuilder out = new StringBuilder(512);
        out.append("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String[] header : request.headers()) {
            if (header[0].equalsIgnoreCase("Via")) {
                out.append("Via: ").append(header[1]).append("\r\n");
            }
        }
        out.append("From: ").append(request.header("From")).append("\r\n");
        String to = request.header("To");
        out.append("To: ").append(to);
        if (toTag != null && SipText.param(to, "tag") == null) {
            out.append(";tag=").append(toTag);
        }
        out.append("\r\n");
        out.append("Call-ID: ").append(request.callId()).append("\r\n");
        out.append("CSeq: ").append(request.header("CSeq")).append("\r\n");
        if (extra != null) {
            out.append(extra);
        }
        return finish(out, body);
    }

    /** Appends Content-Type (for a body), Content-Length, the blank line and the body. */
    static byte[] finish(StringBuilder out, String body) {
        if (body != null && !body.isEmpty()) {
            out.append("Content-Type: application/sdp\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        out.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] head = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[head.length + content.length];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(content, 0, message, head.length, content.length);
        return message;
    }
}
