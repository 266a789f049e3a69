package de.buergerservice.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits of public endpoints, one rule per name ({@code buergerservice.rate-limit.rules.<name>.…}), so that a
 * new public endpoint is limited by adding a rule in the properties, not by code.
 *
 * @param enabled off only to measure without limits
 * @param rules by name; a request that matches several rules must pass all of them
 */
@ConfigurationProperties("buergerservice.rate-limit")
public record RateLimitProperties(Boolean enabled, Map<String, Rule> rules) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /**
     * @param patterns Spring path patterns ({@code /{slug}/suche}, {@code /api/public/v1/*}{@code /submissions/**})
     * @param methods HTTP methods the rule counts; empty: every method
     * @param limit requests per client address and {@code window}
     * @param window the period in which {@code limit} requests are allowed (refilled at once when it ends)
     */
    public record Rule(List<String> patterns, List<String> methods, Integer limit, Duration window) {

        public Rule {
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            methods = methods == null
                    ? List.of()
                    : methods.stream().map(String::toUpperCase).toList();
            limit = limit == null ? 60 : limit;
            window = window == null ? Duration.ofMinutes(1) : window;
        }
    }
}
