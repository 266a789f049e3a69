package de.buergerservice.telephony.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import de.buergerservice.telephony.TelephonySnapshot;

/** The open server-sent-event connections of {@code /api/v1/telephony/stream}; each gets every snapshot. */
@Component
class TelephonyStream {

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

    SseEmitter open(TelephonySnapshot current) {
        SseEmitter emitter = new SseEmitter(0L);
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
