package de.buergerservice.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Rate limits of the public endpoints (portal search, tracking look-up, application submit, …): a Bucket4j token
 * bucket per rule ({@link RateLimitProperties}) and client address ({@link ClientAddress}, which honours
 * {@code X-Forwarded-For} only from trusted proxies). A client over its limit gets 429 with {@code Retry-After}:
 * problem+json for programs, the German error page for browsers. Buckets of clients quiet for a window are
 * forgotten, so memory is bounded by the clients of the last window (and at most 100,000 per rule).
 */
public class PublicRateLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PublicRateLimit.class);

    private final List<CompiledRule> rules = new ArrayList<>();
    private final ClientAddress clients;
    private final ProblemResponder problems;

    public PublicRateLimit(RateLimitProperties properties, ClientAddress clients, ProblemResponder problems) {
        this.clients = clients;
        this.problems = problems;
        if (properties.enabled()) {
            PathPatternParser parser = PathPatternParser.defaultInstance;
            properties.rules().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> {
                        RateLimitProperties.Rule rule = entry.getValue();
                        rules.add(new CompiledRule(
                                entry.getKey(),
                                rule.patterns().stream().map(parser::parse).toList(),
                                rule.methods(),
                                rule.limit(),
                                rule.window(),
                                Caffeine.newBuilder()
                                        .maximumSize(100_000)
                                        .expireAfterAccess(rule.window())
                                        .build()));
                    });
        }
    }

    /** The names of the rules that count {@code method} on {@code path}. */
    public List<String> rulesFor(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream()
                .filter(rule -> rule.matches(method, container))
                .map(CompiledRule::name)
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!rules.isEmpty()) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            PathContainer container = PathContainer.parsePath(path);
            String client = null;
            for (CompiledRule rule : rules) {
                if (rule.matches(request.getMethod(), container)) {
                    client = client == null ? clients.of(request) : client;
                    OptionalLong wait = rule.tryAcquire(client);
                    if (wait.isPresent()) {
                        log.info("Rate limit {} reached by {} on {}", rule.name(), client, path);
                        refuse(request, response, wait.getAsLong());
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            // a person in a browser: the German error page (ProblemErrorController renders error/4xx)
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "problemDetail.status.429");
    }

    private record CompiledRule(
            String name,
            List<PathPattern> patterns,
            List<String> methods,
            int limit,
            Duration window,
            Cache<String, Bucket> buckets) {

        boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method))
                    && patterns.stream().anyMatch(pattern -> pattern.matches(path));
        }

        OptionalLong tryAcquire(String client) {
            ConsumptionProbe probe = buckets.get(client, key -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(limit)
                                    .refillIntervally(limit, window)
                                    .build())
                            .build())
                    .tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
        }
    }
}
