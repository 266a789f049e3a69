package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.routing.CallEvent;

/** The append-only call-event log on H2: ms timestamps kept, a re-written event (retried batch) not duplicated. */
@IntegrationTest
class CallEventLogTests {

    @Autowired
    CallEventLog events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    de.buergerservice.telephony.internal.routing.Switchboard switchboard;

    @Test
    void givenSameEventTwice_thenStoredOnceWithMilliseconds() {
        Instant at = Instant.parse("2026-11-25T09:15:30.456Z");
        CallEvent event = new CallEvent(
                UUID.randomUUID(),
                events.lastSequence() + 1000,
                "h2-call",
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                CallEventType.QUEUED,
                null,
                "position=1",
                at);
        events.append(event);
        events.append(event);
        // the switchboard numbers on after this test's own sequence, so the feed's readers skip no later event
        switchboard.recordPast(Math.toIntExact(Math.max(0, event.sequence() - switchboard.lastSequence())), next -> {});
        assertThat(events.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from call_event where call_id = 'h2-call'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                                "select occurred_at from call_event where call_id = 'h2-call'",
                                java.sql.Timestamp.class)
                        .toInstant())
                .isEqualTo(at);
    }
}
