package de.buergerservice.telephony.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.CallEventType;
import de.buergerservice.telephony.internal.routing.CallEvent;

/**
 * The journal that makes call events durable on H2 without an H2 store per answer (issue 11, durable answer): what
 * was appended reads back as it was, a frame cut short by a crash is left out, and the log writes what a previous
 * run left in it before numbering continues — on a real H2 file database.
 */
class CallEventJournalTests {

    @TempDir
    Path dir;

    static CallEvent event(long sequence, String callId, CallEventType type) {
        return new CallEvent(
                UUID.randomUUID(),
                sequence,
                callId,
                UUID.randomUUID(),
                sequence % 2 == 0 ? null : UUID.randomUUID(),
                null,
                type,
                type == CallEventType.AGENT_STATE_CHANGED ? AgentState.TALKING : null,
                sequence % 3 == 0 ? null : "Grüße, position=" + sequence,
                Instant.parse("2026-11-25T09:15:30.456789Z").plusMillis(sequence),
                sequence % 5 == 0 ? "supervisor" : null);
    }

    @Test
    void givenBatchesAppended_thenReadBackEqualAndInOrder() throws IOException {
        Path file = dir.resolve("a.journal");
        List<CallEvent> all = new ArrayList<>();
        try (CallEventJournal journal = CallEventJournal.open(file)) {
            for (int b = 0; b < 3; b++) {
                List<CallEvent> batch = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    long s = b * 7L + i + 1;
                    batch.add(event(
                            s, "call-" + s, i % 2 == 0 ? CallEventType.ANSWERED : CallEventType.AGENT_STATE_CHANGED));
                }
                journal.append(batch);
                all.addAll(batch);
            }
        }
        try (CallEventJournal journal = CallEventJournal.open(file)) {
            assertThat(journal.read()).containsExactlyElementsOf(all);
            journal.clear();
            assertThat(journal.read()).isEmpty();
            assertThat(Files.size(file)).isZero();
        }
    }

    @Test
    void givenFrameCutShortByCrash_thenWholeFramesReadAndTheRestLeftOut() throws IOException {
        Path file = dir.resolve("b.journal");
        List<CallEvent> first =
                List.of(event(1, "c1", CallEventType.CALL_OFFERED), event(2, "c1", CallEventType.QUEUED));
        try (CallEventJournal journal = CallEventJournal.open(file)) {
            journal.append(first);
            journal.append(List.of(event(3, "c1", CallEventType.ANSWERED)));
        }
        long whole = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(whole - 5); // the second frame's last bytes never reached the file
        }
        try (CallEventJournal journal = CallEventJournal.open(file)) {
            assertThat(journal.read()).containsExactlyElementsOf(first);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 20); // a damaged first frame: its CRC fails
        }
        try (CallEventJournal journal = CallEventJournal.open(file)) {
            assertThat(journal.read()).isEmpty();
        }
    }

    @Test
    void givenJdbcUrls_thenJournalOnlyBesideFileDatabasesOfThisProcess() {
        assertThat(CallEventJournal.besideH2Database("jdbc:h2:file:/data/db/buergerservice;MODE=PostgreSQL"))
                .contains(Path.of("/data/db/buergerservice.call-events.journal"));
        assertThat(CallEventJournal.besideH2Database("jdbc:h2:./data/db/x"))
                .contains(Path.of("./data/db/x.call-events.journal"));
        assertThat(CallEventJournal.besideH2Database("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isEmpty();
        assertThat(CallEventJournal.besideH2Database("jdbc:h2:tcp://localhost/~/test"))
                .isEmpty();
        assertThat(CallEventJournal.besideH2Database("jdbc:postgresql://127.0.0.1:5432/test"))
                .isEmpty();
    }

    @Test
    void givenEventsLeftInJournal_whenLogStarts_thenWrittenBeforeNumberingContinues() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/buergerservice")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        DriverManagerDataSource data = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(data);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(data));
        Path file = CallEventJournal.besideH2Database(url).orElseThrow();
        List<CallEvent> left = new ArrayList<>();
        for (long s = 1; s <= 12; s++) {
            left.add(event(s, "left-" + (s / 4), CallEventType.QUEUED));
        }
        try (CallEventJournal journal = CallEventJournal.open(file)) {
            journal.append(left.subList(0, 5));
            journal.append(left.subList(5, 12));
        }
        jdbc.update( // one of them reached the database before the crash: not written twice
                "insert into call_event (id, sequence, call_id, type, occurred_at) values (?, 3, 'left-0', 'QUEUED', ?)",
                left.get(2).id(),
                java.time.OffsetDateTime.parse("2026-11-25T09:15:30Z"));

        CallEventLog log = new CallEventLog(jdbc, transactions, new SimpleMeterRegistry());
        assertThat(log.lastSequence()).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from call_event", Integer.class))
                .isEqualTo(12);
        assertThat(Files.size(file)).as("journal emptied once written").isZero();

        log.start();
        try {
            CallEvent answered = event(13, "left-3", CallEventType.ANSWERED);
            log.append(answered);
            assertThat(log.durable()).succeedsWithin(Duration.ofSeconds(10));
            try (CallEventJournal journal = CallEventJournal.open(file)) {
                boolean journalled = journal.read().contains(answered);
                boolean stored =
                        jdbc.queryForObject("select count(*) from call_event where sequence = 13", Integer.class) == 1;
                assertThat(journalled || stored)
                        .as("durable means journalled (or already stored and the journal emptied)")
                        .isTrue();
            }
        } finally {
            log.stop();
        }
        assertThat(jdbc.queryForObject("select count(*) from call_event where sequence = 13", Integer.class))
                .isEqualTo(1);
        jdbc.execute("shutdown");
    }
}
