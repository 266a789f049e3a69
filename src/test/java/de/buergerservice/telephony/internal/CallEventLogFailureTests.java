package de.buergerservice.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.CallEventType;
import de.buergerservice.telephony.internal.routing.CallEvent;

/**
 * Finding 1 of issue 11: one event the database cannot hold must never stop the log. Runs on the real H2 of the
 * test context; the events use negative sequences, which the switchboard never assigns, so they cannot collide with
 * its own events.
 */
@IntegrationTest
class CallEventLogFailureTests {

    @Autowired
    CallEventLog events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    static long sequence() {
        return -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    }

    static CallEvent event(long sequence, String callId, String detail) {
        return new CallEvent(
                UUID.randomUUID(),
                sequence,
                callId,
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                CallEventType.QUEUED,
                null,
                detail,
                Instant.parse("2026-11-25T09:15:30.456Z"));
    }

    int rows(String callId) {
        return jdbc.queryForObject(
                "select count(*) from call_event where call_id = ?", Integer.class, StoredCallId.of(callId));
    }

    @Test
    void givenCallIdOf317Characters_thenStoredInStableFormAndLaterEventsWritten() {
        String longId = "x".repeat(300) + UUID.randomUUID().toString().substring(0, 17);
        assertThat(longId).hasSize(317);
        String after = "after-" + UUID.randomUUID();
        long s = sequence();
        events.append(event(s, longId, "d".repeat(400)));
        events.append(event(s + 1, after, null));
        assertThat(events.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(rows(longId)).isEqualTo(1);
        assertThat(rows(after)).as("the events after it are written").isEqualTo(1);
        String stored = jdbc.queryForObject("select call_id from call_event where sequence = ?", String.class, s);
        assertThat(stored)
                .hasSize(StoredCallId.MAX_LENGTH)
                .startsWith("x".repeat(100))
                .isEqualTo(StoredCallId.of(longId))
                .isEqualTo(StoredCallId.of(stored)); // already stored form: unchanged
        assertThat(StoredCallId.of(longId + "y"))
                .as("another Call-ID, another key")
                .isNotEqualTo(stored);
        assertThat(jdbc.queryForObject("select detail from call_event where sequence = ?", String.class, s))
                .hasSize(CallEventLog.DETAIL_LENGTH);
    }

    @Test
    void givenEventTheDatabaseRefuses_thenRestOfBatchWrittenAndItKeptAsDeadLetter() {
        String poison = "poison-" + UUID.randomUUID();
        // a rule of the real database that refuses exactly this event (as a too-long value or a broken constraint
        // would)
        String constraint = "ck_test_" + poison.substring(7, 15).replace('-', '_');
        jdbc.execute("alter table call_event add constraint " + constraint + " check (detail is null or detail <> '"
                + poison + "')");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CallEventLog log = new CallEventLog(jdbc, transactions, meters);
        try {
            log.start();
            List<CallEvent> batch = new ArrayList<>();
            long s = sequence();
            for (int i = 0; i < 300; i++) {
                batch.add(event(s + i, "batch-" + poison + "-" + i, i == 150 ? poison : "position=" + i));
            }
            batch.forEach(log::append);
            assertThat(log.durable()).succeedsWithin(Duration.ofSeconds(20));
            log.stop();

            assertThat(jdbc.queryForObject(
                            "select count(*) from call_event where call_id like ?",
                            Integer.class,
                            "batch-" + poison + "-%"))
                    .as("every good event of the batch written")
                    .isEqualTo(299);
            assertThat(jdbc.queryForMap(
                            "select sequence, call_id, content from call_event_dead_letter where call_id = ?",
                            "batch-" + poison + "-150"))
                    .containsEntry("sequence", s + 150)
                    .satisfies(row -> assertThat(row.get("content").toString())
                            .contains(poison)
                            .contains("QUEUED"));
            assertThat(meters.counter("telephony.call_events.dead_lettered").count())
                    .isEqualTo(1.0);
        } finally {
            log.stop();
            jdbc.execute("alter table call_event drop constraint " + constraint);
        }
    }

    @Test
    void givenLongQueueAtShutdown_thenStopWritesAllOfIt() {
        CallEventLog log = new CallEventLog(jdbc, transactions, new SimpleMeterRegistry());
        String prefix = "stop-" + UUID.randomUUID() + "-";
        log.start();
        long s = sequence();
        for (int i = 0; i < 5_000; i++) {
            log.append(event(s + i, prefix + i, null));
        }
        log.stop();
        assertThat(jdbc.queryForObject(
                        "select count(*) from call_event where call_id like ?", Integer.class, prefix + "%"))
                .isEqualTo(5_000);
    }
}
