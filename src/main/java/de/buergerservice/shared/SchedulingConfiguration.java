package de.buergerservice.shared;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Periodic jobs of every module ({@code @Scheduled}) run on Spring's task schedulers, which the context starts and
 * shuts down, instead of threads of their own. Besides the default pool ({@code spring.task.scheduling.*}) there
 * are two of their own, named in {@link Schedulers}: the feed consumers' (low priority) and telephony's live jobs'.
 * Declaring them makes Spring Boot leave out its default scheduler, so it is declared here as well, from Boot's
 * builder (the same properties apply).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    @Bean
    @Primary
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.build();
    }

    /**
     * Java's thread priority is a hint: the JVM on Linux passes it to the kernel only with
     * {@code -XX:ThreadPriorityPolicy=1}; the separate pool is what keeps the jobs apart in any case.
     */
    @Bean(Schedulers.FEED_CONSUMERS)
    ThreadPoolTaskScheduler feedConsumerScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("feed-consumer-");
        scheduler.setThreadPriority(Thread.MIN_PRIORITY);
        return scheduler;
    }

    @Bean(Schedulers.LIVE)
    ThreadPoolTaskScheduler liveStateScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("live-state-");
        return scheduler;
    }
}
