package de.buergerservice.telephony.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
 * The callers' numbers in the call-event log: kept {@code buergerservice.retention.caller-number} (90 days) for the
 * contact desk's "earlier contacts of this number", then anonymised. The event itself stays — its type, queue, agent
 * and timing are what reporting's KPIs are made of, and reporting may fold the log again at any time.
 *
 * <p>{@code call_event} is append-only: nothing in the product changes an event, with one exception written here —
 * an {@code UPDATE} that sets {@code caller_number} to null and touches no other column (retention and erasure,
 * DSGVO Art. 5 (1) e, 17). Removing a person's number does not change what happened, so no KPI can move.
 */
@Component
class CallerNumberPrivacy implements RetentionTask, PersonalDataProvider {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    CallerNumberPrivacy(JdbcTemplate jdbc, TransactionTemplate tx) {
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
        Integer changed = tx.execute(status -> jdbc.update(
                "update call_event set caller_number = null where id in (select id from call_event"
                        + " where caller_number is not null and occurred_at < ? order by occurred_at limit ?)",
                Timestamp.from(cutoff),
                limit));
        return changed == null ? 0 : changed;
    }

    @Override
    public String module() {
        return "telephony";
    }

    @Override
    public List<Map<String, Object>> export(DataSubject subject) {
        if (subject.kind() != DataSubject.Kind.PHONE) {
            return List.of();
        }
        List<String> numbers = subject.variants();
        return jdbc.queryForList(
                "select 'callEvent' as record, call_id as \"callId\", tenant_id as \"tenantId\", type,"
                        + " occurred_at as \"occurredAt\", caller_number as \"callerNumber\" from call_event"
                        + " where caller_number in (" + marks(numbers.size()) + ") order by occurred_at",
                numbers.toArray());
    }

    @Override
    public int erase(DataSubject subject) {
        if (subject.kind() != DataSubject.Kind.PHONE) {
            return 0;
        }
        List<String> numbers = subject.variants();
        return jdbc.update(
                "update call_event set caller_number = null where caller_number in (" + marks(numbers.size()) + ")",
                numbers.toArray());
    }

    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
