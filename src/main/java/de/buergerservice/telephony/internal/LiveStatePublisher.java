package de.buergerservice.telephony.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import de.buergerservice.telephony.TelephonySnapshot;
import de.buergerservice.telephony.internal.routing.Switchboard;

/**
 * Publishes the switchboard's live state as a {@link TelephonySnapshot} application event whenever it changed,
 * at most four times a second: a wallboard needs no more, and at hundreds of calls a second one event per change
 * would cost more than the calls.
 */
@Component
class LiveStatePublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStatePublisher.class);

    private final Switchboard switchboard;
    private final ApplicationEventPublisher events;
    private ScheduledExecutorService timer;
    private long published = -1;

    LiveStatePublisher(Switchboard switchboard, ApplicationEventPublisher events) {
        this.switchboard = switchboard;
        this.events = events;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "telephony-live-state");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::publishIfChanged, 250, 250, TimeUnit.MILLISECONDS);
    }

    private void publishIfChanged() {
        try {
            long version = switchboard.version();
            if (version != published) {
                published = version;
                events.publishEvent(switchboard.snapshot());
            }
        } catch (RuntimeException e) {
            log.warn("Live state not published: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
