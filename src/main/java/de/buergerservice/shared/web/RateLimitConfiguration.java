package de.buergerservice.shared.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link PublicRateLimit} in front of everything else, the security filters included. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    PublicRateLimit publicRateLimit(RateLimitProperties properties, ClientAddress clients, ProblemResponder problems) {
        return new PublicRateLimit(properties, clients, problems);
    }

    @Bean
    FilterRegistrationBean<PublicRateLimit> publicRateLimitRegistration(PublicRateLimit filter) {
        FilterRegistrationBean<PublicRateLimit> registration = new FilterRegistrationBean<>(filter);
        // after Spring's request-context and character-encoding filters, before Spring Security (-100)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }
}
