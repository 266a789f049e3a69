package de.buergerservice.reporting.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import de.buergerservice.reporting.internal.Wallboard;

/**
 * The open wallboard connections ({@code /wallboard/stream}, server-sent events): every second each gets the
 * wallboard as its user may see it; today's service level and first-contact resolution are re-read every 5 s.
 */
@Component
class WallboardStream {

    private static final long TIMEOUT_MILLIS = 10 * 60 * 1000L;

    record Connection(SseEmitter emitter, Optional<Set<UUID>> restriction) {}

    private final Wallboard wallboard;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final AtomicLong ticks = new AtomicLong();

    WallboardStream(Wallboard wallboard) {
        this.wallboard = wallboard;
    }

    SseEmitter open(Optional<Set<UUID>> restriction) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        Connection connection = new Connection(emitter, restriction);
        connections.add(connection);
        emitter.onCompletion(() -> connections.remove(connection));
        emitter.onTimeout(() -> connections.remove(connection));
        emitter.onError(e -> connections.remove(connection));
        send(connection);
        return emitter;
    }

    @Scheduled(fixedRate = 1000, initialDelay = 1000)
    void tick() {
        if (ticks.getAndIncrement() % 5 == 0) {
            wallboard.refreshToday();
        }
        connections.forEach(this::send);
    }

    @EventListener
    void on(ContextClosedEvent closing) {
        connections.forEach(c -> c.emitter().complete());
        connections.clear();
    }

    private void send(Connection connection) {
        try {
            connection
                    .emitter()
                    .send(SseEmitter.event()
                            .name("wallboard")
                            .data(wallboard.view(connection.restriction()), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            connections.remove(connection);
            connection.emitter().completeWithError(e);
        }
    }
}
