package de.buergerservice.contact.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.shared.privacy.DataSubject;
import de.buergerservice.shared.privacy.PersonalDataProvider;
import de.buergerservice.shared.privacy.RetentionTask;

/**
 * The personal data of contacts: the caller's number (kept {@code buergerservice.retention.caller-number}, 90 days,
 * like telephony's copy, for the desk's "earlier contacts of this number"), and the agent's note with the citizen's
 * name, phone, e-mail and callback window ({@code buergerservice.retention.contact-note}, 180 days; the back office
 * has its own copy in the ticket). The contact itself stays anonymised: channel, times, concern and outcome are
 * first-contact resolution and the billing of the cooperation. Every change bumps {@code version}, so an agent's
 * form still open on the old values cannot write them back.
 */
@Component
class ContactPrivacy implements RetentionTask, PersonalDataProvider {

    private static final String CITIZEN_FIELDS =
            "note = null, citizen_name = null, citizen_phone = null, citizen_email = null, callback_window = null";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ContactPrivacy(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public String kind() {
        return "caller-number";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(90);
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return update(
                "update contact set caller_number = null, version = version + 1 where id in (select id from contact"
                        + " where caller_number is not null and started_at < ? order by started_at limit ?)",
                Timestamp.from(cutoff),
                limit);
    }

    /** Notes and the citizen's contact data, on a period of their own. */
    @Component
    static class Notes implements RetentionTask {

        private final ContactPrivacy contacts;

        Notes(ContactPrivacy contacts) {
            this.contacts = contacts;
        }

        @Override
        public String kind() {
            return "contact-note";
        }

        @Override
        public Duration defaultPeriod() {
            return Duration.ofDays(180);
        }

        @Override
        public int purge(Instant cutoff, int limit) {
            return contacts.update(
                    "update contact set " + CITIZEN_FIELDS + ", version = version + 1 where id in (select id from"
                            + " contact where started_at < ? and (note is not null or citizen_name is not null"
                            + " or citizen_phone is not null or citizen_email is not null"
                            + " or callback_window is not null) order by started_at limit ?)",
                    Timestamp.from(cutoff),
                    limit);
        }
    }

    @Override
    public String module() {
        return "contact";
    }

    @Override
    public List<Map<String, Object>> export(DataSubject subject) {
        Match match = match(subject);
        return jdbc.queryForList(
                "select id, tenant_id as \"tenantId\", channel, started_at as \"startedAt\", caller_number as"
                        + " \"callerNumber\", concern, note, outcome, citizen_name as \"citizenName\", citizen_phone"
                        + " as \"citizenPhone\", citizen_email as \"citizenEmail\", callback_window as"
                        + " \"callbackWindow\" from contact where " + match.where + " order by started_at",
                match.args.toArray());
    }

    @Override
    public int erase(DataSubject subject) {
        Match match = match(subject);
        return jdbc.update(
                "update contact set caller_number = null, " + CITIZEN_FIELDS + ", version = version + 1 where "
                        + match.where,
                match.args.toArray());
    }

    private record Match(String where, List<Object> args) {}

    private static Match match(DataSubject subject) {
        List<Object> args = new ArrayList<>();
        if (subject.kind() == DataSubject.Kind.EMAIL) {
            args.add(subject.value());
            return new Match("lower(citizen_email) = ?", args);
        }
        List<String> numbers = subject.variants();
        String marks = String.join(", ", Collections.nCopies(numbers.size(), "?"));
        args.addAll(numbers);
        args.addAll(numbers);
        return new Match("(caller_number in (" + marks + ") or citizen_phone in (" + marks + "))", args);
    }

    private int update(String sql, Object... args) {
        Integer changed = tx.execute(status -> jdbc.update(sql, args));
        return changed == null ? 0 : changed;
    }
}
