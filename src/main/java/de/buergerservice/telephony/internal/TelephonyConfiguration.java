package de.buergerservice.telephony.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.buergerservice.telephony.internal.routing.Switchboard;

/** Wires the pure routing core into the application: real clock, real timers, events to the log. */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

    @Bean(destroyMethod = "close")
    ExecutorScheduler switchboardScheduler() {
        return new ExecutorScheduler();
    }

    @Bean
    Switchboard switchboard(Clock clock, ExecutorScheduler scheduler, SwitchboardRelay relay, CallEventLog log) {
        return new Switchboard(clock, scheduler, relay, log.lastSequence());
    }
}
