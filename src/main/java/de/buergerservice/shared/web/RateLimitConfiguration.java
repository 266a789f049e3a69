package de.buergerservice.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Puts {@link PublicRateLimit} and {@link RequestBodyLimit} in front of everything else, security included. */
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

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${buergerservice.security.max-body-size:2MB}") DataSize maxBodySize, ProblemResponder problems) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(maxBodySize.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 51);
        return registration;
    }
}
