package de.buergerservice.planning.internal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The thread simulations run on, managed by Spring: one at a time (a simulation keeps a core busy; two would only
 * halve each other's speed on this machine), a short queue, stopped with the application context.
 */
@Configuration(proxyBeanMethods = false)
class PlanningConfiguration {

    static final String EXECUTOR = "planningSimulationExecutor";

    @Bean(name = EXECUTOR, defaultCandidate = false)
    @Qualifier(EXECUTOR)
    ThreadPoolTaskExecutor planningSimulationExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("planning-simulation-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(10);
        return executor;
    }
}
