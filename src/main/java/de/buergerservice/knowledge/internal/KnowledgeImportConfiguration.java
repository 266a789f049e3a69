package de.buergerservice.knowledge.internal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The thread background imports run on, managed by Spring: one at a time (an import is one large transaction, two
 * at once would only wait for each other's locks), a short queue, and shut down with the application context —
 * waiting briefly for a running import, whose transaction otherwise rolls back as a whole.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeImportConfiguration {

    static final String NAME = "knowledgeImportExecutor";

    // not a default candidate: Spring Boot's own application task executor (MVC async requests) stays as it is
    @Bean(name = NAME, defaultCandidate = false)
    @Qualifier(NAME)
    ThreadPoolTaskExecutor knowledgeImportExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("knowledge-import-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(20);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }
}
