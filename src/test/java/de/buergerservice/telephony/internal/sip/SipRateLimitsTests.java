package de.buergerservice.telephony.internal.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import de.buergerservice.telephony.internal.sip.SipRateLimits.Kind;

/** The per-source token buckets and the REGISTER lock-out, on their own: counts, trust, independence of sources. */
class SipRateLimitsTests {

    static SipLimitProperties limits(boolean enabled) {
        return new SipLimitProperties(
                enabled,
                3,
                Duration.ofHours(1),
                2,
                Duration.ofHours(1),
                List.of("192.0.2.10"),
                Duration.ofSeconds(5),
                3,
                Duration.ofMinutes(15));
    }

    static SipRateLimits rateLimits(boolean enabled) {
        return new SipRateLimits(limits(enabled), new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }

    @Test
    void givenABurstUsedUp_thenRefusedWithRetryAfterPerSourceAndKind() {
        SipRateLimits rate = rateLimits(true);
        for (int i = 0; i < 3; i++) {
            assertThat(rate.take(Kind.REGISTER, "198.51.100.1")).isEmpty();
        }
        assertThat(rate.take(Kind.REGISTER, "198.51.100.1").orElseThrow()).isGreaterThanOrEqualTo(5);
        assertThat(rate.take(Kind.REGISTER, "198.51.100.2"))
                .as("another source")
                .isEmpty();
        assertThat(rate.take(Kind.INVITE, "198.51.100.1")).as("another kind").isEmpty();
        assertThat(rate.take(Kind.INVITE, "198.51.100.1")).isEmpty();
        assertThat(rate.take(Kind.INVITE, "198.51.100.1")).isPresent();
        assertThat(rate.refused(Kind.REGISTER)).isOne();
        assertThat(rate.refused(Kind.INVITE)).isOne();
    }

    @Test
    void givenATrustedSourceOrLimitsOff_thenNeverRefused() {
        SipRateLimits rate = rateLimits(true);
        SipRateLimits off = rateLimits(false);
        for (int i = 0; i < 100; i++) {
            assertThat(rate.take(Kind.INVITE, "192.0.2.10")).isEmpty();
            assertThat(off.take(Kind.INVITE, "198.51.100.1")).isEmpty();
        }
    }

    @Test
    void givenWrongDigestsInARow_thenLockedForThatSourceAndUserOnly() {
        RegisterLockout lockout = new RegisterLockout(limits(true));
        lockout.failed("198.51.100.1", "agent1");
        lockout.failed("198.51.100.1", "agent1");
        assertThat(lockout.locked("198.51.100.1", "agent1")).isFalse();
        lockout.succeeded("198.51.100.1", "agent1");
        for (int i = 0; i < 3; i++) {
            lockout.failed("198.51.100.1", "Agent1");
        }
        assertThat(lockout.locked("198.51.100.1", "agent1"))
                .as("user names compared case-insensitively")
                .isTrue();
        assertThat(lockout.locked("198.51.100.2", "agent1"))
                .as("another source")
                .isFalse();
        assertThat(lockout.locked("198.51.100.1", "agent2")).as("another user").isFalse();
    }
}
