package de.buergerservice.telephony.internal.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switchboard's RTP: one non-blocking {@link DatagramChannel} per stream from a configurable port range, and
 * one scheduler thread that every 20 ms sends the next packet of every stream and reads what the callers sent
 * (RFC 4733 telephone-events; audio only when two streams are bridged). Nothing here ever blocks: sends to a full
 * socket buffer are dropped like any lost UDP packet, and SIP signalling never waits for media — it opens and
 * closes streams, which takes a bind and a map update.
 *
 * <p>Pacing follows the clock, not the tick: each stream sends as many packets as are due since it started
 * ({@code elapsed / 20 ms}), so a late tick catches up instead of stretching the audio; more than three packets
 * behind (a long GC pause) the timestamp jumps instead (RFC 3550 §5.1: the timestamp reflects sampling time).
 */
public final class MediaEngine implements AutoCloseable {

    public static final int SAMPLES_PER_PACKET = 160;
    static final long PACKET_NANOS = 20_000_000L;
    private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String host;
    private final int portMin;
    private final int portMax;
    private final BitSet portsInUse = new BitSet();
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread;
    private final LongAdder packetsSent = new LongAdder();
    private final LongAdder packetsReceived = new LongAdder();

    public MediaEngine(String host, int portMin, int portMax) {
        if (portMin < 1024 || portMax > 65534 || portMin > portMax) {
            throw new IllegalArgumentException("RTP port range " + portMin + "–" + portMax + " invalid");
        }
        this.host = host;
        this.portMin = portMin + (portMin % 2); // RTP on even ports (RFC 3550 §11)
        this.portMax = portMax;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "media-rtp");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY + 1);
            return t;
        });
        thread.scheduleAtFixedRate(this::tick, PACKET_NANOS, PACKET_NANOS, TimeUnit.NANOSECONDS);
    }

    public String host() {
        return host;
    }

    public long packetsSent() {
        return packetsSent.sum();
    }

    public long packetsReceived() {
        return packetsReceived.sum();
    }

    public int activeStreams() {
        return streams.size();
    }

    /**
     * Opens a stream towards the offer's address on a free even port of the range.
     *
     * @param digits told every key press (on the media thread: hand it on, do not block)
     * @throws IOException when the range is exhausted or the offer's address is not an IPv4 literal (no DNS here)
     */
    public Stream open(Sdp.Offer offer, Consumer<Character> digits) throws IOException {
        SocketAddress remote = remote(offer);
        DatagramChannel channel = DatagramChannel.open();
        int port = bindFree(channel);
        Stream stream = new Stream(channel, port, digits);
        stream.connect(remote, offer);
        streams.add(stream);
        return stream;
    }

    /** A stream for a call we place: it sends nothing until {@link Stream#connect(Sdp.Offer)} with the answer. */
    public Stream openOutbound(Consumer<Character> digits) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        int port = bindFree(channel);
        Stream stream = new Stream(channel, port, digits);
        streams.add(stream);
        return stream;
    }

    private static SocketAddress remote(Sdp.Offer offer) throws IOException {
        String address = offer.rtp().getHostString();
        if (!IPV4.matcher(address).matches()) {
            throw new IOException("RTP address is not an IPv4 literal: " + address);
        }
        return new InetSocketAddress(InetAddress.getByName(address), offer.rtp().getPort());
    }

    private int bindFree(DatagramChannel channel) throws IOException {
        InetAddress local = InetAddress.getByName(host);
        synchronized (portsInUse) {
            for (int port = portMin; port <= portMax; port += 2) {
                if (portsInUse.get(port)) {
                    continue;
                }
                try {
                    channel.bind(new InetSocketAddress(local, port));
                    channel.configureBlocking(false);
                    portsInUse.set(port);
                    return port;
                } catch (IOException taken) {
                    // used by another process: try the next one
                }
            }
        }
        channel.close();
        throw new IOException("no free RTP port in " + portMin + "–" + portMax);
    }

    private void release(int port) {
        synchronized (portsInUse) {
            portsInUse.clear(port);
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (Stream stream : streams) {
            try {
                stream.tick(now);
            } catch (RuntimeException | IOException e) {
                log.debug("RTP stream on port {} failed: {}", stream.port, e.toString());
                stream.close();
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        streams.forEach(Stream::close);
    }

    /** One caller's audio: what we send (a source, or a bridged partner's audio) and what we receive. */
    public final class Stream {
        private final DatagramChannel channel;
        final int port;
        private volatile SocketAddress remote;
        private volatile G711.Codec codec = G711.Codec.PCMU;
        private volatile int telephoneEvent = -1;
        private final Consumer<Character> digits;
        private volatile RtpPacketizer packetizer;
        private final ByteBuffer out = ByteBuffer.allocate(RtpPacketizer.HEADER_BYTES + SAMPLES_PER_PACKET);
        private final ByteBuffer in = ByteBuffer.allocate(1500);
        private final short[] frame = new short[SAMPLES_PER_PACKET];
        private final byte[] payload = new byte[SAMPLES_PER_PACKET];
        private volatile AudioSource source;
        private volatile Runnable whenDone;
        private volatile Stream bridge;
        private final java.util.ArrayDeque<short[]> fromBridge = new java.util.ArrayDeque<>();
        private long started = -1;
        private long sent;
        private long lastEventTimestamp = Long.MIN_VALUE;
        private volatile boolean closed;

        Stream(DatagramChannel channel, int port, Consumer<Character> digits) {
            this.channel = channel;
            this.port = port;
            this.digits = digits;
        }

        private void connect(SocketAddress to, Sdp.Offer description) {
            this.codec = description.codec();
            this.telephoneEvent = description.telephoneEvent();
            this.packetizer = new RtpPacketizer(codec.payloadType);
            this.remote = to; // last: the media thread sends once it is set
        }

        /** The callee's SDP answer of an outbound stream: from now on it sends (and reads events) accordingly. */
        public void connect(Sdp.Offer answer) throws IOException {
            connect(remote(answer), answer);
        }

        public int localPort() {
            return port;
        }

        public G711.Codec codec() {
            return codec;
        }

        public int telephoneEvent() {
            return telephoneEvent;
        }

        /** Plays {@code next} instead of what played so far; {@code done} runs (on the media thread) at its end. */
        public void play(AudioSource next, Runnable done) {
            this.whenDone = done;
            this.source = next;
        }

        /** From now on this stream sends what {@code other} receives, and the other way round (callbacks). */
        public void bridge(Stream other) {
            this.bridge = other;
            other.bridge = this;
        }

        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            streams.remove(this);
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("RTP channel close: {}", e.toString());
            }
            release(port);
        }

        public boolean isClosed() {
            return closed;
        }

        private void tick(long now) throws IOException {
            if (closed) {
                return;
            }
            receive();
            if (remote == null) {
                return; // outbound, not answered yet
            }
            if (started < 0) {
                started = now;
            }
            long due = (now - started) / PACKET_NANOS + 1 - sent;
            if (due > 3) {
                packetizer.skip((int) (due - 1) * SAMPLES_PER_PACKET);
                sent += due - 1;
                due = 1;
            }
            for (; due > 0; due--) {
                sendOne();
                sent++;
            }
        }

        private void sendOne() throws IOException {
            boolean audio;
            if (bridge != null) {
                short[] next;
                synchronized (fromBridge) {
                    next = fromBridge.poll();
                }
                audio = next != null;
                if (audio) {
                    System.arraycopy(next, 0, frame, 0, SAMPLES_PER_PACKET);
                } else {
                    java.util.Arrays.fill(frame, (short) 0);
                    audio = true; // comfort: keep the stream (and NAT bindings) alive with silence
                }
            } else {
                AudioSource playing = source;
                audio = playing != null && playing.fill(frame);
                if (playing != null && !audio) {
                    source = null;
                    Runnable done = whenDone;
                    whenDone = null;
                    if (done != null) {
                        done.run();
                    }
                    playing = source; // the callback may have queued the next part
                    audio = playing != null && playing.fill(frame);
                }
                if (!audio) {
                    java.util.Arrays.fill(frame, (short) 0);
                    audio = true; // silence between parts: phones treat a silent stream as on hold, not as gone
                }
            }
            G711.encode(frame, 0, SAMPLES_PER_PACKET, payload, codec.payloadType);
            packetizer.next(out, payload, SAMPLES_PER_PACKET, SAMPLES_PER_PACKET);
            channel.send(out, remote);
            packetsSent.increment();
        }

        private void receive() throws IOException {
            for (int i = 0; i < 16; i++) {
                in.clear();
                if (channel.receive(in) == null) {
                    return;
                }
                in.flip();
                packetsReceived.increment();
                received(in);
            }
        }

        private void received(ByteBuffer packet) {
            if (packet.remaining() < RtpPacketizer.HEADER_BYTES || (packet.get(0) & 0xC0) != 0x80) {
                return; // not RTP version 2
            }
            int csrcCount = packet.get(0) & 0x0F;
            boolean extension = (packet.get(0) & 0x10) != 0;
            int payloadType = packet.get(1) & 0x7F;
            long timestamp = packet.getInt(4) & 0xFFFFFFFFL;
            int offset = RtpPacketizer.HEADER_BYTES + 4 * csrcCount;
            if (extension && packet.remaining() >= offset + 4) {
                offset += 4 + 4 * (packet.getShort(offset + 2) & 0xFFFF);
            }
            if (packet.remaining() < offset) {
                return;
            }
            packet.position(offset);
            if (payloadType == telephoneEvent && telephoneEvent >= 0) {
                TelephoneEvent.parse(packet).ifPresent(event -> {
                    if (timestamp != lastEventTimestamp) { // one key press: one timestamp (RFC 4733 §2.5.1)
                        lastEventTimestamp = timestamp;
                        digits.accept(event.digit());
                    }
                });
            } else if (bridge != null && (payloadType == 0 || payloadType == 8)) {
                bridge.accept(packet, payloadType);
            }
        }

        /** Audio the bridged partner received: decoded here, re-encoded in our codec when we send. */
        private void accept(ByteBuffer packet, int payloadType) {
            int length = Math.min(packet.remaining(), SAMPLES_PER_PACKET);
            short[] samples = new short[SAMPLES_PER_PACKET];
            for (int i = 0; i < length; i++) {
                byte code = packet.get();
                samples[i] = payloadType == 8 ? G711.alawToLinear(code) : G711.ulawToLinear(code);
            }
            synchronized (fromBridge) {
                if (fromBridge.size() > 10) {
                    fromBridge.poll(); // more than 200 ms behind: drop the oldest rather than grow the delay
                }
                fromBridge.add(samples);
            }
        }
    }
}
