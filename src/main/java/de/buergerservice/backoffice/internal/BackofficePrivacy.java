package de.buergerservice.backoffice.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.shared.privacy.DataSubject;
import de.buergerservice.shared.privacy.PersonalDataProvider;
import de.buergerservice.shared.privacy.RetentionTask;

/**
 * The personal data of the back office: the citizen's name, phone, e-mail and callback window in a ticket, kept
 * {@code buergerservice.retention.ticket-citizen} (180 days) after the ticket was closed — an open ticket still needs
 * them — and the bodies and recipients of mails the outbox has sent or given up on
 * ({@code buergerservice.retention.mail-body}, 30 days: long enough to answer "did the citizen get the mail?").
 * Tickets and mails stay (deadlines, escalations and the outbox's history are statistics), without the person.
 */
@Component
class BackofficePrivacy implements RetentionTask, PersonalDataProvider {

    static final String ERASED_RECIPIENT = "geloescht@anonymous.invalid";
    private static final String CITIZEN_FIELDS =
            "citizen_name = null, phone = null, email = null, callback_window = null, version = version + 1";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    BackofficePrivacy(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public String kind() {
        return "ticket-citizen";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(180);
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return update(
                "update backoffice_ticket set " + CITIZEN_FIELDS + " where id in (select id from backoffice_ticket"
                        + " where closed_at < ? and (citizen_name is not null or phone is not null or email is not"
                        + " null or callback_window is not null) order by closed_at limit ?)",
                Timestamp.from(cutoff),
                limit);
    }

    /** Mail bodies and recipients of mails that are done with (sent, or failed for good). */
    @Component
    static class MailBodies implements RetentionTask {

        private final BackofficePrivacy backoffice;

        MailBodies(BackofficePrivacy backoffice) {
            this.backoffice = backoffice;
        }

        @Override
        public String kind() {
            return "mail-body";
        }

        @Override
        public Duration defaultPeriod() {
            return Duration.ofDays(30);
        }

        @Override
        public int purge(Instant cutoff, int limit) {
            Timestamp at = Timestamp.from(cutoff);
            return backoffice.update(
                    "update backoffice_outbox set body = '', recipient = ? where id in (select id from"
                            + " backoffice_outbox where recipient <> ? and (status = 'SENT' and sent_at < ?"
                            + " or status = 'FAILED' and created_at < ?) order by created_at limit ?)",
                    ERASED_RECIPIENT,
                    ERASED_RECIPIENT,
                    at,
                    at,
                    limit);
        }
    }

    @Override
    public String module() {
        return "backoffice";
    }

    @Override
    public List<Map<String, Object>> export(DataSubject subject) {
        List<Map<String, Object>> records = new ArrayList<>();
        Match match = match(subject);
        for (Map<String, Object> ticket : jdbc.queryForList(
                "select id, tenant_id as \"tenantId\", status, concern, note, citizen_name as \"citizenName\","
                        + " phone, email, callback_window as \"callbackWindow\", result, handed_off_at as"
                        + " \"handedOffAt\", closed_at as \"closedAt\" from backoffice_ticket where " + match.where
                        + " order by handed_off_at",
                match.args.toArray())) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("record", "ticket");
            record.putAll(ticket);
            records.add(record);
        }
        if (subject.kind() == DataSubject.Kind.EMAIL) {
            for (Map<String, Object> mail : jdbc.queryForList(
                    "select id, tenant_id as \"tenantId\", ticket_id as \"ticketId\", recipient, subject, body,"
                            + " status, created_at as \"createdAt\", sent_at as \"sentAt\" from backoffice_outbox"
                            + " where lower(recipient) = ? order by created_at",
                    subject.value())) {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("record", "mail");
                record.putAll(mail);
                records.add(record);
            }
        }
        return records;
    }

    @Override
    public int erase(DataSubject subject) {
        Match match = match(subject);
        int changed = jdbc.update(
                "update backoffice_ticket set " + CITIZEN_FIELDS + " where " + match.where, match.args.toArray());
        if (subject.kind() == DataSubject.Kind.EMAIL) {
            // a mail not sent yet is not sent any more either: the person asked for erasure
            changed += jdbc.update(
                    "update backoffice_outbox set body = '', recipient = ?, status = case when status in"
                            + " ('WAITING', 'SENDING') then 'FAILED' else status end, last_error = case when status"
                            + " in ('WAITING', 'SENDING') then 'Gelöscht auf Antrag (DSGVO Art. 17)' else"
                            + " last_error end where lower(recipient) = ?",
                    ERASED_RECIPIENT,
                    subject.value());
        }
        return changed;
    }

    private record Match(String where, List<Object> args) {}

    private static Match match(DataSubject subject) {
        List<Object> args = new ArrayList<>();
        if (subject.kind() == DataSubject.Kind.EMAIL) {
            args.add(subject.value());
            return new Match("lower(email) = ?", args);
        }
        List<String> numbers = subject.variants();
        args.addAll(numbers);
        return new Match("phone in (" + String.join(", ", Collections.nCopies(numbers.size(), "?")) + ")", args);
    }

    int update(String sql, Object... args) {
        Integer changed = tx.execute(status -> jdbc.update(sql, args));
        return changed == null ? 0 : changed;
    }
}
