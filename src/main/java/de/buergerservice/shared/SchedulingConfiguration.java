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
 * are those named in {@link Schedulers}: one per feed consumer (low priority) and telephony's live jobs'.
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
    @Bean(Schedulers.CONTACT_FEED)
    ThreadPoolTaskScheduler contactFeedScheduler() {
        return feedConsumer("feed-contacts-");
    }

    @Bean(Schedulers.REPORTING_FEED)
    ThreadPoolTaskScheduler reportingFeedScheduler() {
        return feedConsumer("feed-reporting-");
    }

    /** One thread per consumer: a slow fold of the aggregates does not hold up the contacts, nor the reverse. */
    private static ThreadPoolTaskScheduler feedConsumer(String threadNamePrefix) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix(threadNamePrefix);
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
