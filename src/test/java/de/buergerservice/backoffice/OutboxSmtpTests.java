package de.buergerservice.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.backoffice.internal.OutboxSender;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The outbox against a real SMTP server (GreenMail): through an outage every mail arrives exactly once, with the
 * Message-ID of its outbox row; senders running at once never send a row twice; a mail whose sender died after
 * claiming it is sent after its lease, a mail marked sent never again.
 */
class OutboxSmtpTests extends WithSmtpServer {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    OutboxSender sender;

    @AfterEach
    void serverUpAgain() {
        startSmtp();
    }

    HandOffs handOffs() {
        return new HandOffs(events, transactions, jdbc, tenants);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    List<Map<String, Object>> mailsOf(List<UUID> tickets) {
        return tickets.stream()
                .flatMap(t -> jdbc
                        .queryForList(
                                "select id, message_id, status, attempts, last_error from backoffice_outbox"
                                        + " where ticket_id = ?",
                                t)
                        .stream())
                .toList();
    }

    /** How often each Message-ID arrived in GreenMail. */
    static Map<String, Long> arrivals() {
        return received().stream()
                .map(WithSmtpServer::messageId)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    @Test
    void givenTheSmtpServerIsDown_thenMailsWaitAndRetry_andArriveExactlyOnceWhenItIsBack() throws Exception {
        stopSmtp();
        HandOffs handOffs = handOffs();
        List<UUID> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(handOffs.publish(
                    handOffs.handOff("artland", "Ordnungsamt", HandOffKind.CALLBACK, null, Instant.now())));
        }
        // while the server is down: every mail is tried more than once and keeps the connection error
        await("two failed attempts per mail", () -> mailsOf(tickets).stream()
                .allMatch(m -> ((Number) m.get("attempts")).intValue() >= 2 && m.get("last_error") != null));
        assertThat(mailsOf(tickets))
                .hasSize(5)
                .allSatisfy(m -> assertThat(m.get("status")).isIn("WAITING", "SENDING"))
                .allSatisfy(m -> assertThat(m.get("last_error")).asString().isNotBlank());

        startSmtp();
        await("all mails sent", () -> mailsOf(tickets).stream()
                .allMatch(m -> m.get("status").equals("SENT")));
        Thread.sleep(1000); // further rounds of the sender must not send anything again
        Map<String, Long> arrived = arrivals();
        assertThat(mailsOf(tickets)).allSatisfy(m -> assertThat(arrived.get((String) m.get("message_id")))
                .as("arrivals of %s", m.get("message_id"))
                .isEqualTo(1L));
        MimeMessage one = received().stream()
                .filter(m -> messageId(m).equals(mailsOf(tickets).get(0).get("message_id")))
                .findFirst()
                .orElseThrow();
        assertThat(one.getSubject()).startsWith("Neues Anliegen für Ordnungsamt");
        assertThat(one.getAllRecipients()[0].toString()).isEqualTo("ordnungsamt@artland.example");
    }

    @Test
    void givenSendersRunningAtOnce_thenEachMailIsSentOnce() throws Exception {
        startSmtp();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(insert("WAITING", 0, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            pool.submit(() -> {
                start.await();
                for (int round = 0; round < 5; round++) {
                    sender.sendDue();
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        await("all sent", () -> ids.stream().allMatch(id -> "SENT".equals(status(id))));
        Thread.sleep(500);
        Map<String, Long> arrived = arrivals();
        assertThat(ids)
                .allSatisfy(id -> assertThat(arrived.get(messageIdOf(id))).isEqualTo(1L));
    }

    @Test
    void givenASenderDiedAfterClaiming_thenTheMailIsSentAfterTheLease_andASentMailNeverAgain() throws Exception {
        startSmtp();
        String orphaned = insert("SENDING", 1, Instant.now().minusSeconds(1));
        String stillClaimed = insert("SENDING", 1, Instant.now().plusSeconds(3600));
        String sent = insert("SENT", 1, null);
        await("orphaned mail sent", () -> "SENT".equals(status(orphaned)));
        Thread.sleep(500);
        Map<String, Long> arrived = arrivals();
        assertThat(arrived.get(messageIdOf(orphaned))).isEqualTo(1L);
        assertThat(arrived).doesNotContainKeys(messageIdOf(stillClaimed), messageIdOf(sent));
        assertThat(status(stillClaimed)).isEqualTo("SENDING");
        assertThat(jdbc.queryForObject(
                        "select attempts from backoffice_outbox where id = ?",
                        Integer.class,
                        UUID.fromString(orphaned)))
                .isEqualTo(2);
    }

    String insert(String status, int attempts, Instant claimedUntil) {
        UUID id = UUID.randomUUID();
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "insert into backoffice_outbox (id, tenant_id, purpose, message_id, sender, recipient, subject, body,"
                        + " status, attempts, next_attempt_at, claimed_until, created_at)"
                        + " values (?, ?, 'ANSWER', ?, 'servicecenter@buergerservice.example',"
                        + " 'erika@example.org', 'Test', 'Text', ?, ?, ?, ?, ?)",
                id,
                artland,
                "<" + id + "@buergerservice>",
                status,
                attempts,
                now,
                claimedUntil == null ? null : Timestamp.from(claimedUntil),
                now);
        return id.toString();
    }

    String status(String id) {
        return jdbc.queryForObject(
                "select status from backoffice_outbox where id = ?", String.class, UUID.fromString(id));
    }

    static String messageIdOf(String id) {
        return "<" + id + "@buergerservice>";
    }
}
