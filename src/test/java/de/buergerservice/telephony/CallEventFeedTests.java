package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.routing.CallEvent;

/** Other modules read the call-event log through the feed: in sequence order, from a position, per call. */
@IntegrationTest
class CallEventFeedTests {

    @Autowired
    CallEventLog log;

    @Autowired
    CallEventFeed feed;

    @Test
    void givenEventsWritten_whenReadAfterAPosition_thenTheLaterOnesInSequenceOrder() {
        long start = log.lastSequence() + 10_000;
        UUID tenant = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T08:00:00.125Z");
        String callId = "feed-" + UUID.randomUUID();
        // appended out of order: the feed orders by sequence, not by arrival
        log.append(event(start + 2, callId, tenant, CallEventType.ANSWERED, "waitMs=8000", at.plusSeconds(8)));
        log.append(event(start + 1, callId, tenant, CallEventType.CALL_OFFERED, null, at));
        log.append(event(start + 3, callId, tenant, CallEventType.ENDED, null, at.plusSeconds(95)));
        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();

        var afterFirst = feed.after(start + 1, 10);
        assertThat(afterFirst).extracting(CallEventRecord::sequence).containsExactly(start + 2, start + 3);
        assertThat(afterFirst.get(0).detail()).isEqualTo("waitMs=8000");
        assertThat(afterFirst.get(0).tenantId()).isEqualTo(tenant);
        assertThat(afterFirst.get(0).at()).isEqualTo(at.plusSeconds(8));
        assertThat(feed.after(start, 1)).extracting(CallEventRecord::type).containsExactly(CallEventType.CALL_OFFERED);
        assertThat(feed.ofCall(callId))
                .extracting(CallEventRecord::type)
                .containsExactly(CallEventType.CALL_OFFERED, CallEventType.ANSWERED, CallEventType.ENDED);
        assertThat(feed.ofCall("no-such-call")).isEmpty();
    }

    @Test
    void givenNoPositiveLimit_thenRefused() {
        assertThatThrownBy(() -> feed.after(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CallEvent event(
            long sequence, String callId, UUID tenant, CallEventType type, String detail, Instant at) {
        return new CallEvent(
                UUID.randomUUID(), sequence, callId, tenant, UUID.randomUUID(), null, type, null, detail, at);
    }
}
