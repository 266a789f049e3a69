package de.buergerservice.telephony.internal.media;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The little of SDP (RFC 4566, offer/answer RFC 3264) the switchboard's own media needs: where the caller wants
 * audio, whether it offers PCMU or PCMA, and its payload type for {@code telephone-event} (RFC 4733 §7). The answer
 * takes the caller's first G.711 codec (its preference, RFC 3264 §6.1) and echoes its telephone-event type.
 */
public final class Sdp {

    /** What a caller offered: RTP address, the chosen G.711 codec, telephone-event payload type (-1: none). */
    public record Offer(InetSocketAddress rtp, G711.Codec codec, int telephoneEvent) {}

    private Sdp() {}

    /** The offer's first audio stream, if it can be answered with G.711 over RTP/AVP. */
    public static Optional<Offer> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        String sessionAddress = null;
        String mediaAddress = null;
        int port = -1;
        List<Integer> formats = new ArrayList<>();
        int telephoneEvent = -1;
        boolean inAudio = false;
        boolean audioSeen = false;
        for (String raw : new String(body, StandardCharsets.UTF_8).split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                if (audioSeen) {
                    break; // only the first audio stream
                }
                String[] parts = line.substring(2).split(" ");
                inAudio = parts.length >= 4 && parts[0].equals("audio") && parts[2].equals("RTP/AVP");
                if (inAudio) {
                    audioSeen = true;
                    port = parseInt(parts[1].split("/")[0]);
                    for (int i = 3; i < parts.length; i++) {
                        formats.add(parseInt(parts[i]));
                    }
                }
            } else if (line.startsWith("c=IN IP4 ")) {
                String address =
                        line.substring("c=IN IP4 ".length()).split("/")[0].strip();
                if (inAudio) {
                    mediaAddress = address;
                } else if (!audioSeen) {
                    sessionAddress = address;
                }
            } else if (inAudio && line.startsWith("a=rtpmap:")) {
                String[] parts = line.substring("a=rtpmap:".length()).split("[ /]");
                if (parts.length >= 2 && parts[1].toLowerCase(Locale.ROOT).equals("telephone-event")) {
                    telephoneEvent = parseInt(parts[0]);
                }
            }
        }
        String address = mediaAddress != null ? mediaAddress : sessionAddress;
        if (address == null || port <= 0 || port > 65535) {
            return Optional.empty();
        }
        G711.Codec codec = null;
        for (int format : formats) {
            if (format == 0) {
                codec = G711.Codec.PCMU;
                break;
            }
            if (format == 8) {
                codec = G711.Codec.PCMA;
                break;
            }
        }
        if (codec == null) {
            return Optional.empty();
        }
        return Optional.of(new Offer(InetSocketAddress.createUnresolved(address, port), codec, telephoneEvent));
    }

    /** Our answer: one audio stream at {@code host:port} with the chosen codec (and telephone-event if offered). */
    public static byte[] answer(String host, int port, long sessionId, G711.Codec codec, int telephoneEvent) {
        StringBuilder sdp = new StringBuilder()
                .append("v=0\r\n")
                .append("o=buergerservice ")
                .append(sessionId)
                .append(" 1 IN IP4 ")
                .append(host)
                .append("\r\n")
                .append("s=Buergerservice\r\n")
                .append("c=IN IP4 ")
                .append(host)
                .append("\r\n")
                .append("t=0 0\r\n")
                .append("m=audio ")
                .append(port)
                .append(" RTP/AVP ")
                .append(codec.payloadType);
        if (telephoneEvent >= 0) {
            sdp.append(' ').append(telephoneEvent);
        }
        sdp.append("\r\n")
                .append("a=rtpmap:")
                .append(codec.payloadType)
                .append(' ')
                .append(codec.name());
        sdp.append("/8000\r\n");
        if (telephoneEvent >= 0) {
            sdp.append("a=rtpmap:").append(telephoneEvent).append(" telephone-event/8000\r\n");
            sdp.append("a=fmtp:").append(telephoneEvent).append(" 0-15\r\n");
        }
        sdp.append("a=ptime:20\r\n").append("a=sendrecv\r\n");
        return sdp.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** An offer of our own (outbound calls of a callback): PCMU, PCMA and telephone-event 101. */
    public static byte[] offer(String host, int port, long sessionId) {
        String sdp = "v=0\r\no=buergerservice " + sessionId + " 1 IN IP4 " + host + "\r\ns=Buergerservice\r\n"
                + "c=IN IP4 " + host + "\r\nt=0 0\r\nm=audio " + port + " RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n";
        return sdp.getBytes(StandardCharsets.US_ASCII);
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
