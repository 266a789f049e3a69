package de.buergerservice.telephony.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The municipalities' lines in {@code telephony_queue}: one per tenant. */
@Repository
class QueueStore {

    private static final RowMapper<QueueSettings> ROW = (rs, n) -> new QueueSettings(
            rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class),
            rs.getString(3),
            rs.getInt(4),
            rs.getInt(5),
            rs.getObject(6, UUID.class),
            (Integer) rs.getObject(7),
            QueueSettings.ClosedAction.valueOf(rs.getString(8)),
            rs.getString(9));
    private static final String COLUMNS = "id, tenant_id, name, ring_timeout_seconds, wrap_up_seconds, "
            + "overflow_tenant_id, overflow_after_seconds, closed_action, redirect_target";

    private final JdbcTemplate jdbc;

    QueueStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<QueueSettings> findAll() {
        return jdbc.query("select " + COLUMNS + " from telephony_queue order by name", ROW);
    }

    Optional<QueueSettings> findByTenant(UUID tenantId) {
        return jdbc.query("select " + COLUMNS + " from telephony_queue where tenant_id = ?", ROW, tenantId).stream()
                .findFirst();
    }

    void save(QueueSettings q, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int updated = jdbc.update(
                "update telephony_queue set name = ?, ring_timeout_seconds = ?, wrap_up_seconds = ?,"
                        + " overflow_tenant_id = ?, overflow_after_seconds = ?, closed_action = ?, redirect_target = ?,"
                        + " updated_at = ? where tenant_id = ?",
                q.name(),
                q.ringTimeoutSeconds(),
                q.wrapUpSeconds(),
                q.overflowTenantId(),
                q.overflowAfterSeconds(),
                q.closedAction().name(),
                q.redirectTarget(),
                at,
                q.tenantId());
        if (updated == 0) {
            jdbc.update(
                    "insert into telephony_queue (" + COLUMNS + ", created_at, updated_at) values "
                            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    q.id(),
                    q.tenantId(),
                    q.name(),
                    q.ringTimeoutSeconds(),
                    q.wrapUpSeconds(),
                    q.overflowTenantId(),
                    q.overflowAfterSeconds(),
                    q.closedAction().name(),
                    q.redirectTarget(),
                    at,
                    at);
        }
    }

    void deleteByTenant(UUID tenantId) {
        jdbc.update("delete from telephony_queue where tenant_id = ?", tenantId);
    }

    /** Lines that overflowed to a municipality that is gone no longer overflow. */
    void clearOverflowTo(UUID tenantId) {
        jdbc.update(
                "update telephony_queue set overflow_tenant_id = null, overflow_after_seconds = null"
                        + " where overflow_tenant_id = ?",
                tenantId);
    }
}
