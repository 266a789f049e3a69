package de.buergerservice.telephony.internal.media;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.DataDirectory;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * What the SIP adapter asks of the media: "this caller waits — play the line's announcements", "this caller called
 * outside opening hours — tell them when we are open", "stop". The routing core decides (queue, position, who
 * rings); this class only plays, and tells the adapter the caller's key presses. Each call's audio is one
 * {@link MediaEngine.Stream}; its SDP answer goes back to the caller in a 183 Session Progress (early media,
 * RFC 3960), so the caller is not answered (no charge, and the wait stays a wait until an agent's 200).
 */
@Component
@EnableConfigurationProperties(MediaProperties.class)
public class SwitchboardVoice {

    private static final Logger log = LoggerFactory.getLogger(SwitchboardVoice.class);

    /** A caller's audio while the switchboard speaks to it. */
    private record Session(MediaEngine.Stream stream, Playlist playlist) {}

    private final MediaProperties properties;
    private final VoiceStore store;
    private final Clock clock;
    private final MediaEngine engine;
    private final Prompts prompts;
    private final ExecutorService promptExecutor;
    private final SpeechSynthesizer speech;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<UUID, VoiceSettings> settings = new ConcurrentHashMap<>();
    private volatile String callbackGateway;

    SwitchboardVoice(
            MediaProperties properties,
            VoiceStore store,
            TenantDirectory tenants,
            DataDirectory data,
            Clock clock,
            @Value("${buergerservice.sip.host:127.0.0.1}") String sipHost) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
        this.promptExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "media-prompts");
            t.setDaemon(true);
            return t;
        });
        this.speech = new SpeechSynthesizer(data.resolve("prompts/tts"), properties.espeak(), properties.voice());
        this.prompts = new Prompts(speech, store, tenants, promptExecutor);
        this.callbackGateway = properties.callbackGateway();
        String host = properties.host() == null || properties.host().isBlank() ? sipHost : properties.host();
        this.engine = properties.enabled() ? new MediaEngine(host, properties.portMin(), properties.portMax()) : null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (engine != null && speech.available()) {
            prompts.warmUp();
        } else if (engine != null) {
            log.warn(
                    "espeak-ng not found ({}): callers hear hold tones instead of spoken prompts", properties.espeak());
        }
    }

    @PreDestroy
    void close() {
        if (engine != null) {
            engine.close();
        }
        promptExecutor.shutdownNow();
    }

    public MediaProperties properties() {
        return properties;
    }

    /** Whether the municipality's callers hear announcements (settings row, else the default). */
    public boolean announces(UUID tenantId) {
        return engine != null && settings(tenantId).announcements();
    }

    /** The municipality's settings, cached: asked for every call, changed by an admin now and then. */
    public VoiceSettings settings(UUID tenantId) {
        return settings.computeIfAbsent(tenantId, id -> store.settings(id)
                .orElseGet(() -> new VoiceSettings(id, properties.announcementsByDefault(), null, (int)
                        properties.announceEvery().toSeconds())));
    }

    /** Stores the settings; calls from now on follow them (calls already waiting keep what they hear). */
    public VoiceSettings save(VoiceSettings changed) {
        store.save(changed, clock.instant());
        settings.put(changed.tenantId(), changed);
        return changed;
    }

    /** Stores an uploaded recording (already converted) for the situation. */
    public void upload(UUID tenantId, PromptSituation situation, Clip clip, String name, String by) {
        store.savePrompt(tenantId, situation, clip, name, by, clock.instant());
        prompts.uploaded(tenantId, situation);
    }

    public boolean deleteUpload(UUID tenantId, PromptSituation situation) {
        boolean deleted = store.deletePrompt(tenantId, situation);
        prompts.uploaded(tenantId, situation);
        return deleted;
    }

    public Optional<VoiceStore.StoredPrompt> uploaded(UUID tenantId, PromptSituation situation) {
        return store.prompt(tenantId, situation);
    }

    /** After a municipality is deleted its settings are gone (VoiceStore deletes the rows). */
    @EventListener
    void on(de.buergerservice.tenancy.TenantDeleted event) {
        settings.remove(event.tenantId());
        for (PromptSituation situation : PromptSituation.values()) {
            prompts.uploaded(event.tenantId(), situation);
        }
    }

    /**
     * A caller waits: greeting, notice, then (while waiting) position and expected wait, the callback offer if
     * callbacks are possible, hold music for the line's interval, and again.
     *
     * @param position the caller's current place (asked on the prompts thread, never on the media thread)
     * @param digits the caller's key presses (RFC 4733), on the media thread
     * @return the SDP answer for the 183, empty if the offer has no G.711 audio or no port is free
     */
    public Optional<byte[]> queued(
            String callId,
            byte[] offer,
            TenantInfo tenant,
            Supplier<Optional<Integer>> position,
            Consumer<Character> digits) {
        VoiceSettings settings = settings(tenant.id());
        List<Playlist.Part> first = new ArrayList<>();
        first.add(Playlist.Part.once(prompts.greeting(tenant)));
        prompts.notice(tenant.id(), settings.notice()).map(Playlist.Part::once).ifPresent(first::add);
        long holdMillis = settings.announceEverySeconds() * 1000L;
        boolean callbacks = callbacksOffered();
        Supplier<List<Playlist.Part>> round = () -> {
            CompletableFuture<Clip> announcement = CompletableFuture.supplyAsync(
                    () -> position.get().map(this::positionClip).orElse(Clip.EMPTY), promptExecutor);
            List<Playlist.Part> parts = new ArrayList<>();
            parts.add(Playlist.Part.once(announcement));
            if (callbacks) {
                parts.add(Playlist.Part.once(prompts.say(Prompts.CALLBACK_OFFER)));
            }
            parts.add(Playlist.Part.looped(prompts.holdMusic(tenant.id()), holdMillis));
            return parts;
        };
        return start(callId, offer, new Playlist(first, round), digits, null);
    }

    /** Outside opening hours: the next opening hours, then {@code done} (the adapter sends 480 or 302). */
    public Optional<byte[]> closed(String callId, byte[] offer, TenantInfo tenant, Runnable done) {
        Playlist playlist = new Playlist(List.of(Playlist.Part.once(prompts.closed(tenant, clock.instant()))), null);
        return start(callId, offer, playlist, digit -> {}, done);
    }

    /** The callback is noted: confirm it, then {@code done} (the adapter ends the caller's INVITE). */
    public void callbackConfirmed(String callId, Runnable done) {
        replace(callId, Prompts.CALLBACK_CONFIRMED, done);
    }

    /** A callback is not possible (number withheld): say so; the caller keeps waiting. */
    public void callbackRefused(String callId) {
        Session session = sessions.get(callId);
        if (session != null) {
            session.playlist().replace(List.of(Playlist.Part.once(prompts.say(Prompts.CALLBACK_UNAVAILABLE))));
        }
    }

    private void replace(String callId, String text, Runnable done) {
        Session session = sessions.get(callId);
        if (session == null) {
            done.run();
            return;
        }
        session.playlist().replace(List.of(Playlist.Part.once(prompts.say(text))));
        session.stream().play(session.playlist(), done);
    }

    /** The caller's audio ends (agent answered, caller hung up, final response sent). Idempotent. */
    public void stop(String callId) {
        Session session = sessions.remove(callId);
        if (session != null) {
            session.stream().close();
        }
    }

    public boolean playing(String callId) {
        return sessions.containsKey(callId);
    }

    /** RTP packets sent since start (benchmark, metrics). */
    public long packetsSent() {
        return engine == null ? 0 : engine.packetsSent();
    }

    public int activeStreams() {
        return engine == null ? 0 : engine.activeStreams();
    }

    boolean callbacksOffered() {
        return !callbackGateway().isEmpty();
    }

    /** Where callbacks go (host:port of the trunk); empty: no callbacks offered. */
    public String callbackGateway() {
        return callbackGateway;
    }

    /**
     * Points callbacks to another trunk while running (tests: a baresip "citizen" on a port picked at run time, in the
     * one shared test context); empty switches callbacks off.
     */
    public void useCallbackGateway(String hostAndPort) {
        this.callbackGateway = hostAndPort == null ? "" : hostAndPort.strip();
    }

    /** The greeting the municipality's callers hear (what a test compares a phone's recording with). */
    public Clip greeting(TenantInfo tenant) {
        return prompts.greeting(tenant).join();
    }

    /** What a caller hears outside the municipality's opening hours now. */
    public Clip closedAnnouncement(TenantInfo tenant) {
        return prompts.closed(tenant, clock.instant()).join();
    }

    /** The position announcement for {@code position} as callers hear it. */
    public Clip positionClip(int position) {
        int minutes = (int) Math.ceil(position * properties.secondsPerPosition() / 60.0);
        return prompts.position(position, position <= 1 && properties.secondsPerPosition() < 60 ? 0 : minutes);
    }

    private Optional<byte[]> start(
            String callId, byte[] offer, Playlist playlist, Consumer<Character> digits, Runnable done) {
        if (engine == null) {
            return Optional.empty();
        }
        Optional<Sdp.Offer> parsed = Sdp.parse(offer);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        try {
            MediaEngine.Stream stream = engine.open(parsed.get(), digits);
            Session previous = sessions.put(callId, new Session(stream, playlist));
            if (previous != null) {
                previous.stream().close();
            }
            stream.play(playlist, done);
            return Optional.of(Sdp.answer(
                    engine.host(),
                    stream.localPort(),
                    ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                    stream.codec(),
                    stream.telephoneEvent()));
        } catch (IOException e) {
            log.warn("No early media for {}: {}", callId, e.getMessage());
            return Optional.empty();
        }
    }

    // --- outbound legs (callbacks) --------------------------------------------------------------------------

    /**
     * Media of a call the switchboard places (callback: the agent's leg, the citizen's leg): our offer first, the
     * callee's answer later; the two legs of a callback are bridged, so agent and citizen talk through the engine
     * (RTP relayed frame by frame, transcoded if one speaks PCMU and the other PCMA).
     */
    public final class OutboundMedia {
        private final MediaEngine.Stream stream;
        private final byte[] offer;

        private OutboundMedia(MediaEngine.Stream stream) {
            this.stream = stream;
            this.offer = Sdp.offer(
                    engine.host(),
                    stream.localPort(),
                    ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        }

        public byte[] offer() {
            return offer;
        }

        /** The callee's SDP answer; false if it has no G.711 audio we can send to. */
        public boolean answered(byte[] sdp) {
            Optional<Sdp.Offer> answer = Sdp.parse(sdp);
            if (answer.isEmpty()) {
                return false;
            }
            try {
                stream.connect(answer.get());
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** Tells the agent whom the callback is for while the citizen's phone rings. */
        public void say(String text) {
            stream.play(new Playlist(List.of(Playlist.Part.once(prompts.say(text))), null), null);
        }

        public void bridge(OutboundMedia other) {
            stream.bridge(other.stream);
        }

        public void close() {
            stream.close();
        }
    }

    /** A new outbound leg's media, empty when the engine is off or no port is free. */
    public Optional<OutboundMedia> outbound() {
        if (engine == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OutboundMedia(engine.openOutbound(digit -> {})));
        } catch (IOException e) {
            log.warn("No media for an outbound call: {}", e.getMessage());
            return Optional.empty();
        }
    }

    MediaEngine engine() {
        return engine;
    }
}
