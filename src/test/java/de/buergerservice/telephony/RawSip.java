package de.buergerservice.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A hand-written SIP peer on a raw UDP socket (or TCP connection) on 127.0.0.1: sends exactly the text a test
 * writes — hostile or late — and reads what arrives. For what a well-behaved phone does, see {@link TestPhone}.
 */
final class RawSip implements AutoCloseable {

    /** One received message: start line and header lines (names as sent, compact forms expanded for a few). */
    record Message(String startLine, List<String[]> headers, String body) {

        boolean isResponse() {
            return startLine.startsWith("SIP/2.0 ");
        }

        int status() {
            return isResponse() ? Integer.parseInt(startLine.substring(8, 11)) : 0;
        }

        String method() {
            return isResponse() ? null : startLine.substring(0, startLine.indexOf(' '));
        }

        String header(String name) {
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    return header[1];
                }
            }
            return null;
        }

        List<String> all(String name) {
            List<String> values = new ArrayList<>();
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    for (String part : header[1].split(",(?![^<]*>)")) {
                        values.add(part.strip());
                    }
                }
            }
            return values;
        }

        String toTag() {
            String to = header("To");
            int at = to.indexOf(";tag=");
            return at < 0 ? null : to.substring(at + 5).split("[;>\\s]")[0];
        }

        String contactUri() {
            String contact = header("Contact");
            return contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        }

        @Override
        public String toString() {
            return startLine;
        }
    }

    private final DatagramSocket udp;
    private final Socket tcp;
    private final String serverHost;
    private final int serverPort;
    private final byte[] buffer = new byte[65_535];
    private final StringBuilder stream = new StringBuilder();

    private RawSip(DatagramSocket udp, Socket tcp, String serverHost, int serverPort) {
        this.udp = udp;
        this.tcp = tcp;
        this.serverHost = serverHost;
        this.serverPort = serverPort;
    }

    static RawSip udp(int serverPort) throws IOException {
        return new RawSip(new DatagramSocket(0, InetAddress.getByName("127.0.0.1")), null, "127.0.0.1", serverPort);
    }

    /** From another loopback address (127.0.0.x): a source of its own for the per-source limits and lock-outs. */
    static RawSip udp(int serverPort, String localAddress) throws IOException {
        return new RawSip(new DatagramSocket(0, InetAddress.getByName(localAddress)), null, "127.0.0.1", serverPort);
    }

    static RawSip tcp(int serverPort, String localAddress) throws IOException {
        return new RawSip(
                null,
                new Socket(InetAddress.getByName("127.0.0.1"), serverPort, InetAddress.getByName(localAddress), 0),
                "127.0.0.1",
                serverPort);
    }

    /** Sends raw bytes as they are (garbage, cut or bit-flipped messages). */
    void sendBytes(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(serverHost), serverPort));
        } else {
            OutputStream out = tcp.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    static RawSip tcp(int serverPort) throws IOException {
        return new RawSip(null, new Socket("127.0.0.1", serverPort), "127.0.0.1", serverPort);
    }

    /** The local address this peer sends from (for its Via and Contact). */
    String host() {
        return udp != null
                ? udp.getLocalAddress().getHostAddress()
                : tcp.getLocalAddress().getHostAddress();
    }

    int port() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    String transport() {
        return udp != null ? "UDP" : "TCP";
    }

    void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(serverHost), serverPort));
        } else {
            OutputStream out = tcp.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    /** The next message, or null after {@code millis}. */
    Message receive(long millis) throws IOException {
        if (udp != null) {
            udp.setSoTimeout((int) Math.max(1, millis));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            return parse(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8));
        }
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            Message complete = takeFromStream();
            if (complete != null) {
                return complete;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            tcp.setSoTimeout((int) left);
            InputStream in = tcp.getInputStream();
            try {
                int read = in.read(buffer);
                if (read < 0) {
                    return null;
                }
                stream.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                return null;
            }
        }
    }

    private Message takeFromStream() {
        while (stream.length() > 0 && (stream.charAt(0) == '\r' || stream.charAt(0) == '\n')) {
            stream.deleteCharAt(0);
        }
        int end = stream.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        Message head = parse(stream.substring(0, end));
        String length = head.header("Content-Length");
        int bodyLength = length == null ? 0 : Integer.parseInt(length.strip());
        if (stream.length() < end + 4 + bodyLength) {
            return null;
        }
        String text = stream.substring(0, end + 4 + bodyLength);
        stream.delete(0, end + 4 + bodyLength);
        return parse(text);
    }

    /** The first message within {@code seconds} that matches, skipping others; null if none came. */
    Message await(Predicate<Message> wanted, double seconds) throws IOException {
        long deadline = System.currentTimeMillis() + (long) (seconds * 1000);
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            Message message = receive(left);
            if (message == null) {
                return null;
            }
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    Message awaitStatus(int status, double seconds) throws IOException {
        return await(m -> m.status() == status, seconds);
    }

    Message awaitFinal(double seconds) throws IOException {
        return await(m -> m.status() >= 200, seconds);
    }

    Message awaitRequest(String method, double seconds) throws IOException {
        return await(m -> method.equals(m.method()), seconds);
    }

    /** Everything that arrives within {@code millis}. */
    List<Message> drain(long millis) throws IOException {
        List<Message> all = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        Message message;
        while (System.currentTimeMillis() < deadline
                && (message = receive(Math.max(1, deadline - System.currentTimeMillis()))) != null) {
            all.add(message);
        }
        return all;
    }

    static Message parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).strip();
                name = switch (name.toLowerCase()) {
                    case "v" -> "Via";
                    case "f" -> "From";
                    case "t" -> "To";
                    case "i" -> "Call-ID";
                    case "m" -> "Contact";
                    case "l" -> "Content-Length";
                    default -> name;
                };
                headers.add(new String[] {name, lines[i].substring(colon + 1).strip()});
            }
        }
        return new Message(lines[0], headers, body);
    }

    static String branch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static String newCallId() {
        return "raw-" + UUID.randomUUID();
    }

    /** Via of this peer: responses come back to its own socket (rport, RFC 3581). */
    String via() {
        return "Via: SIP/2.0/" + transport() + " 127.0.0.1:" + port() + ";rport;branch=" + branch() + "\r\n";
    }

    /** An INVITE for {@code number} with SDP, from this peer. */
    String invite(String number, String callId, String fromTag) {
        String sdp = TestPhone.SDP;
        return "INVITE sip:" + number + "@" + serverHost + ":" + serverPort + " SIP/2.0\r\n"
                + via()
                + "Max-Forwards: 70\r\n"
                + "From: <sip:raw@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: <sip:" + number + "@" + serverHost + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:raw@127.0.0.1:" + port() + (tcp != null ? ";transport=tcp" : "") + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.length() + "\r\n\r\n"
                + sdp;
    }

    /**
     * ACK or BYE in the dialog the 200 set up (RFC 3261 §12.2.1.1): to its Contact, with its Record-Route set as
     * Route, From/To/Call-ID of the 200.
     */
    String inDialog(Message ok, String method, long cseq) {
        StringBuilder routes = new StringBuilder();
        List<String> recordRoutes = new ArrayList<>(ok.all("Record-Route"));
        java.util.Collections.reverse(recordRoutes);
        for (String route : recordRoutes) {
            routes.append("Route: ").append(route).append("\r\n");
        }
        return method + " " + ok.contactUri() + " SIP/2.0\r\n"
                + via()
                + routes
                + "Max-Forwards: 70\r\n"
                + "From: " + ok.header("From") + "\r\n"
                + "To: " + ok.header("To") + "\r\n"
                + "Call-ID: " + ok.header("Call-ID") + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** 200 for a request received here (BYE from the proxy …), as RFC 3261 §8.2.6 builds it. */
    String ok(Message request) {
        StringBuilder vias = new StringBuilder();
        for (String via : request.all("Via")) {
            vias.append("Via: ").append(via).append("\r\n");
        }
        String to = request.header("To");
        return "SIP/2.0 200 OK\r\n" + vias
                + "From: " + request.header("From") + "\r\n"
                + "To: " + to + (to.contains(";tag=") ? "" : ";tag=raw") + "\r\n"
                + "Call-ID: " + request.header("Call-ID") + "\r\n"
                + "CSeq: " + request.header("CSeq") + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Override
    public void close() {
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
