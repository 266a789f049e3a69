package de.buergerservice.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.privacy.RetentionTask;

/**
 * Audit entries name who changed what and hold the changed values (names, addresses of users and municipalities),
 * so they are kept {@code buergerservice.retention.audit-entry} (3 years: long enough for the accountability of a
 * cooperation's trial phase and the following year's audit) and deleted afterwards, oldest first.
 */
@Component
class AuditRetention implements RetentionTask {

    private final JdbcTemplate jdbc;

    AuditRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "audit-entry";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(3 * 365);
    }

    @Override
    @Transactional
    public int purge(Instant cutoff, int limit) {
        return jdbc.update(
                "delete from audit_entry where id in (select id from audit_entry where occurred_at < ?"
                        + " order by occurred_at limit ?)",
                Timestamp.from(cutoff),
                limit);
    }
}
