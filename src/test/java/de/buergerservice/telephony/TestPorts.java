package de.buergerservice.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free ports on 127.0.0.1 for test phones, and for a product started as a process of its own. */
public final class TestPorts {

    private TestPorts() {}

    static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port free for UDP and TCP alike, as the SIP server binds both. */
    public static int freeUdpAndTcpPort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate;
            try (DatagramSocket udp = new DatagramSocket(0, loopback)) {
                candidate = udp.getLocalPort();
            }
            try (ServerSocket tcp = new ServerSocket(candidate, 1, loopback)) {
                return candidate;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port");
    }
}
