package de.buergerservice.contact.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import de.buergerservice.contact.internal.DeskCall;

/**
 * The desks' server-sent-event connections, per user: a {@link DeskCall} for the agent's phone goes to that
 * agent's open desks only ({@code ringing}, {@code answered}, {@code ended} with the Call-ID and, once answered, the
 * contact's id); the page then loads the screen pop itself.
 */
@Component
class DeskStream {

    private static final long TIMEOUT_MILLIS = 10 * 60 * 1000L;

    record Signal(String callId, UUID contactId) {}

    private final Map<UUID, List<SseEmitter>> emitters = new ConcurrentHashMap<>();

    SseEmitter open(UUID userId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        List<SseEmitter> own = emitters.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>());
        own.add(emitter);
        emitter.onCompletion(() -> own.remove(emitter));
        emitter.onTimeout(() -> own.remove(emitter));
        emitter.onError(e -> own.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("hello").data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            own.remove(emitter);
        }
        return emitter;
    }

    @EventListener
    void on(ContextClosedEvent closing) {
        emitters.values().forEach(list -> list.forEach(SseEmitter::complete));
        emitters.clear();
    }

    @EventListener
    void on(DeskCall call) {
        if (call.userId() == null) {
            return;
        }
        List<SseEmitter> own = emitters.get(call.userId());
        if (own == null) {
            return;
        }
        Signal signal = new Signal(call.callId(), call.contactId());
        String name = call.kind().name().toLowerCase(java.util.Locale.ROOT);
        for (SseEmitter emitter : own) {
            try {
                emitter.send(SseEmitter.event().name(name).data(signal, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                own.remove(emitter);
                emitter.completeWithError(e);
            }
        }
    }
}
