package de.buergerservice.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every module reads time from. Code that must run at virtual time (the switchboard's routing core in a
 * simulation, tests) is given another clock instead of calling {@code Instant.now()}.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
