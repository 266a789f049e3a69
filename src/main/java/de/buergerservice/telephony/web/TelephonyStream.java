package de.buergerservice.telephony.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import de.buergerservice.telephony.TelephonySnapshot;

/** The open server-sent-event connections of {@code /api/v1/telephony/stream}; each gets every snapshot. */
@Component
class TelephonyStream {

    private static final long TIMEOUT_MILLIS = 10 * 60 * 1000L;

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

    SseEmitter open(TelephonySnapshot current) {
        // a finite lifetime: the browser's EventSource reconnects by itself, and no connection lives for ever
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, current);
        return emitter;
    }

    int connections() {
        return emitters.size();
    }

    /** Open streams would hold up the web server's graceful shutdown until its timeout: end them first. */
    @EventListener
    void on(ContextClosedEvent closing) {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @EventListener
    void on(TelephonySnapshot snapshot) {
        emitters.forEach(emitter -> send(emitter, snapshot));
    }

    private void send(SseEmitter emitter, TelephonySnapshot snapshot) {
        try {
            emitter.send(SseEmitter.event().name("telephony").data(snapshot, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter);
            emitter.completeWithError(e);
        }
    }
}
