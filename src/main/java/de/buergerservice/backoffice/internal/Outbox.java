package de.buergerservice.backoffice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail outbox table. {@link #queue} joins the caller's transaction (it is mandatory): a mail exists exactly
 * when the change that causes it was committed. The sender's state changes are single conditional updates, so
 * that of two senders (two instances, or a sender and an administrator's resend) only one wins a row.
 */
@Component
class Outbox {

    static final String COLUMNS = "id, tenant_id, ticket_id, purpose, message_id, sender, recipient, subject, body,"
            + " status, attempts, next_attempt_at, last_attempt_at, last_error, sent_at, created_at";

    private static final RowMapper<OutboxMail> ROW = Outbox::map;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes a mail in the current transaction; it gets a Message-ID of its own that every attempt reuses. */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID queue(UUID tenantId, UUID ticketId, MailPurpose purpose, String from, String to, String subject, String body) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "insert into backoffice_outbox (id, tenant_id, ticket_id, purpose, message_id, sender, recipient,"
                        + " subject, body, status, attempts, next_attempt_at, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', 0, ?, ?)",
                id,
                tenantId,
                ticketId,
                purpose.name(),
                messageId(id),
                from,
                to,
                subject,
                body,
                now,
                now);
        return id;
    }

    /** {@code <id@buergerservice>}: the same for every attempt, so a receiver can drop a repeated delivery. */
    static String messageId(UUID id) {
        return "<" + id + "@buergerservice>";
    }

    /** Ids of mails a sender may claim now: waiting and due, or claimed by a sender whose lease ran out. */
    List<UUID> claimable(int limit) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.queryForList(
                "select id from backoffice_outbox where (status = 'WAITING' and next_attempt_at <= ?)"
                        + " or (status = 'SENDING' and claimed_until < ?) order by next_attempt_at, created_at"
                        + " limit " + limit,
                UUID.class,
                now,
                now);
    }

    /**
     * Claims a mail for one attempt (counted now, before the SMTP server is asked, so an attempt cut off by a crash
     * still counts) and returns it, or empty if another sender was first.
     */
    Optional<OutboxMail> claim(UUID id, java.time.Duration lease) {
        Instant now = clock.instant();
        int claimed = jdbc.update(
                "update backoffice_outbox set status = 'SENDING', attempts = attempts + 1, claimed_until = ?,"
                        + " last_attempt_at = ? where id = ? and ((status = 'WAITING' and next_attempt_at <= ?)"
                        + " or (status = 'SENDING' and claimed_until < ?))",
                Timestamp.from(now.plus(lease)),
                Timestamp.from(now),
                id,
                Timestamp.from(now),
                Timestamp.from(now));
        return claimed == 1 ? find(id) : Optional.empty();
    }

    /** The SMTP server accepted the mail. */
    void sent(UUID id) {
        jdbc.update(
                "update backoffice_outbox set status = 'SENT', sent_at = ?, claimed_until = null, last_error = null"
                        + " where id = ? and status = 'SENDING'",
                Timestamp.from(clock.instant()),
                id);
    }

    /** The attempt failed: wait for the next one, or give up ({@code retryAt} null). */
    void failed(UUID id, String error, Instant retryAt) {
        if (retryAt == null) {
            jdbc.update(
                    "update backoffice_outbox set status = 'FAILED', claimed_until = null, last_error = ?"
                            + " where id = ? and status = 'SENDING'",
                    cut(error, 2000),
                    id);
        } else {
            jdbc.update(
                    "update backoffice_outbox set status = 'WAITING', next_attempt_at = ?, claimed_until = null,"
                            + " last_error = ? where id = ? and status = 'SENDING'",
                    Timestamp.from(retryAt),
                    cut(error, 2000),
                    id);
        }
    }

    /** An administrator's resend: a failed or waiting mail is due now, with a fresh count of attempts. */
    boolean requeue(UUID id) {
        return jdbc.update(
                        "update backoffice_outbox set status = 'WAITING', attempts = 0, next_attempt_at = ?"
                                + " where id = ? and status in ('FAILED', 'WAITING')",
                        Timestamp.from(clock.instant()),
                        id)
                == 1;
    }

    Optional<OutboxMail> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from backoffice_outbox where id = ?", ROW, id).stream()
                .findFirst();
    }

    /** The newest mails of the given tenants (all tenants when {@code tenants} is null), optionally one status. */
    List<OutboxMail> list(Collection<UUID> tenants, OutboxStatus status, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from backoffice_outbox where 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (tenants != null) {
            if (tenants.isEmpty()) {
                return List.of();
            }
            sql.append(" and tenant_id in (")
                    .append(String.join(", ", java.util.Collections.nCopies(tenants.size(), "?")))
                    .append(")");
            args.addAll(tenants);
        }
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        sql.append(" order by created_at desc limit ").append(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    List<OutboxMail> ofTicket(UUID ticketId) {
        return jdbc.query(
                "select " + COLUMNS + " from backoffice_outbox where ticket_id = ? order by created_at", ROW, ticketId);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static OutboxMail map(ResultSet rs, int row) throws SQLException {
        return new OutboxMail(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("ticket_id", UUID.class),
                MailPurpose.valueOf(rs.getString("purpose")),
                rs.getString("message_id"),
                rs.getString("sender"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                OutboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"),
                rs.getString("last_error"),
                instant(rs, "sent_at"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
