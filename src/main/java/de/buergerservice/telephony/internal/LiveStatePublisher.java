package de.buergerservice.telephony.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.Schedulers;
import de.buergerservice.telephony.TelephonySnapshot;
import de.buergerservice.telephony.internal.routing.Switchboard;

/**
 * Publishes the switchboard's live state as a {@link TelephonySnapshot} application event whenever it changed,
 * at most four times a second: a wallboard needs no more, and at hundreds of calls a second one event per change
 * would cost more than the calls.
 */
@Component
class LiveStatePublisher {

    private static final Logger log = LoggerFactory.getLogger(LiveStatePublisher.class);

    private final Switchboard switchboard;
    private final ApplicationEventPublisher events;
    private long published = -1;

    LiveStatePublisher(Switchboard switchboard, ApplicationEventPublisher events) {
        this.switchboard = switchboard;
        this.events = events;
    }

    @Scheduled(fixedDelay = 250, initialDelay = 250, scheduler = Schedulers.LIVE)
    void publishIfChanged() {
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
}
