package de.buergerservice.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.privacy.PersonalDataRead;
import de.buergerservice.shared.privacy.PersonalDataRead.Access;
import de.buergerservice.shared.privacy.RetentionTask;
import de.buergerservice.shared.security.TenantScope;

/**
 * The access log (Zugriffsprotokoll): every {@link PersonalDataRead} becomes a line with the acting user, written in
 * a transaction of its own so a read-only page still leaves its trace. Append-only by construction: this class is
 * the only one that touches {@code access_log}, and it has an {@code insert}, a {@code select} and the retention's
 * {@code delete} of lines older than {@code buergerservice.retention.access-log} (2 years) — no {@code update}, and
 * nothing an endpoint could call to change or remove a line.
 */
@Service
public class AccessLogBook implements RetentionTask {

    private static final String COLUMNS =
            "select id, occurred_at, actor, entity_type, entity_id, tenant_id, access, detail from access_log ";

    private final JdbcTemplate jdbc;
    private final TenantScope scope;
    private final Clock clock;

    AccessLogBook(JdbcTemplate jdbc, TenantScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(PersonalDataRead read) {
        String detail = read.detail();
        String note = detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
        jdbc.update(
                "insert into access_log (id, occurred_at, actor, entity_type, entity_id, tenant_id, access, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setTimestamp(2, Timestamp.from(clock.instant()));
                    ps.setString(3, scope.currentUsername());
                    ps.setString(4, read.entityType());
                    uuidOrNull(ps, 5, read.entityId());
                    uuidOrNull(ps, 6, read.tenantId());
                    ps.setString(7, read.access().name());
                    ps.setString(8, note);
                });
    }

    /** PostgreSQL wants a typed null for a uuid column. */
    private static void uuidOrNull(java.sql.PreparedStatement ps, int index, UUID value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }

    /** Search filters; {@code null} or blank = any. {@code to} is exclusive. */
    public record Filter(String actor, String entityType, UUID entityId, Access access, Instant from, Instant to) {}

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<AccessEntryView> search(Filter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("where 1 = 1");
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" and actor = ?");
            args.add(filter.actor().strip());
        }
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            where.append(" and entity_type = ?");
            args.add(filter.entityType().strip());
        }
        if (filter.entityId() != null) {
            where.append(" and entity_id = ?");
            args.add(filter.entityId());
        }
        if (filter.access() != null) {
            where.append(" and access = ?");
            args.add(filter.access().name());
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200));
        Long total = jdbc.queryForObject("select count(*) from access_log " + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(request.getPageSize());
        pageArgs.add(request.getOffset());
        List<AccessEntryView> rows = jdbc.query(
                COLUMNS + where + " order by occurred_at desc, id limit ? offset ?",
                (rs, i) -> new AccessEntryView(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class),
                        Access.valueOf(rs.getString(7)),
                        rs.getString(8)),
                pageArgs.toArray());
        return new PageImpl<>(rows, request, total == null ? 0 : total);
    }

    @Override
    public String kind() {
        return "access-log";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(730);
    }

    @Override
    @Transactional
    public int purge(Instant cutoff, int limit) {
        return jdbc.update(
                "delete from access_log where id in (select id from access_log where occurred_at < ?"
                        + " order by occurred_at limit ?)",
                Timestamp.from(cutoff),
                limit);
    }
}
