package de.buergerservice.telephony.internal.sip;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Per-source rate limits of REGISTER and of new calls (token buckets per source address, Bucket4j): one phone or
 * script cannot take the registrar or the queues from everybody else. The overload guard protects the server as a
 * whole; this protects the others from one source. The trunk's address belongs in {@code trusted-sources}: all
 * citizens' calls come from it.
 *
 * <p>Buckets of addresses that stay quiet for a minute are forgotten and at most 100,000 are kept, so a flood from
 * spoofed UDP sources cannot grow the memory held.
 */
@Component
@EnableConfigurationProperties(SipLimitProperties.class)
public class SipRateLimits {

    /** What a source asks for. */
    public enum Kind {
        REGISTER,
        INVITE
    }

    private final SipLimitProperties properties;
    private final Set<String> trusted;
    private final Cache<String, Bucket> registers;
    private final Cache<String, Bucket> invites;
    private final LongAdder[] refused = {new LongAdder(), new LongAdder()};

    SipRateLimits(SipLimitProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.trusted = Set.copyOf(properties.trustedSources());
        this.registers = cache();
        this.invites = cache();
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            for (Kind kind : Kind.values()) {
                FunctionCounter.builder("buergerservice.sip.rate-limited", refused[kind.ordinal()], LongAdder::sum)
                        .description("requests refused with 503 because their source sent too many")
                        .tag("method", kind.name())
                        .register(registry);
            }
        }
    }

    private static Cache<String, Bucket> cache() {
        return Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(1))
                .build();
    }

    /** Empty if the source may go on, else the seconds it is asked to wait ({@code Retry-After}). */
    public OptionalLong take(Kind kind, String source) {
        if (!properties.enabled() || source == null || trusted.contains(source)) {
            return OptionalLong.empty();
        }
        Cache<String, Bucket> buckets = kind == Kind.REGISTER ? registers : invites;
        ConsumptionProbe probe = buckets.get(source, key -> bucket(kind)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        refused[kind.ordinal()].increment();
        long wait = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1;
        return OptionalLong.of(Math.max(wait, properties.retryAfter().toSeconds()));
    }

    public long refused(Kind kind) {
        return refused[kind.ordinal()].sum();
    }

    private Bucket bucket(Kind kind) {
        int burst = kind == Kind.REGISTER ? properties.registerBurst() : properties.inviteBurst();
        Duration window = kind == Kind.REGISTER ? properties.registerWindow() : properties.inviteWindow();
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(burst)
                        .refillGreedy(burst, window)
                        .build())
                .build();
    }
}
