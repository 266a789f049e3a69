package de.buergerservice.contact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.HandOffKind;

/**
 * The {@code contact} table. Plain SQL: the feed consumer needs an insert that skips an existing Call-ID (the
 * idempotency of phone contacts rests on {@code uk_contact_call}), and the lists filter by any combination.
 * Every read names the tenants it may return.
 */
@Repository
class ContactStore {

    private static final String COLUMNS = "select id, tenant_id, channel, call_id, caller_number, started_at,"
            + " answered_at, ended_at, wait_ms, agent_id, phone_agent_id, transferred_to, wrap_up_ended_at,"
            + " service_id, category, concern, note, outcome, department_id, handoff_kind, citizen_name,"
            + " citizen_phone, citizen_email, callback_window, state, documented_at, documented_by, version,"
            + " previous_contact_id"
            + " from contact ";

    private final JdbcTemplate jdbc;

    ContactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a filter asks for; null fields do not filter. {@code tenantIds} null = every tenant. */
    record Filter(
            Collection<UUID> tenantIds,
            UUID agentId,
            Instant from,
            Instant to,
            ContactOutcome outcome,
            ContactState state,
            String callId,
            Boolean undocumented,
            int limit) {}

    /** A new phone contact for an answered call; false if the Call-ID already has one. */
    boolean insertPhone(
            UUID id,
            UUID tenantId,
            String callId,
            String callerNumber,
            Instant startedAt,
            Instant answeredAt,
            Long waitMs,
            UUID agentId,
            UUID phoneAgentId,
            Instant now) {
        return jdbc.update(
                        "insert into contact (id, tenant_id, channel, call_id, caller_number, started_at, answered_at,"
                                + " wait_ms, agent_id, phone_agent_id, state, version, created_at, updated_at)"
                                + " values (?, ?, 'PHONE', ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0, ?, ?)"
                                + " on conflict do nothing",
                        id,
                        tenantId,
                        callId,
                        callerNumber,
                        ts(startedAt),
                        ts(answeredAt),
                        waitMs,
                        agentId,
                        phoneAgentId,
                        ts(now),
                        ts(now))
                == 1;
    }

    void insertManual(UUID id, UUID tenantId, ContactChannel channel, Instant startedAt, UUID agentId, Instant now) {
        jdbc.update(
                "insert into contact (id, tenant_id, channel, started_at, agent_id, state, version, created_at,"
                        + " updated_at) values (?, ?, ?, ?, ?, 'OPEN', 0, ?, ?)",
                id,
                tenantId,
                channel.name(),
                ts(startedAt),
                agentId,
                ts(now),
                ts(now));
    }

    /** The open phone contact of a callback the ServiceCenter makes (no Call-ID: the agent dials out). */
    void insertCallback(UUID id, UUID tenantId, String phone, Instant startedAt, UUID agentId, UUID previous) {
        jdbc.update(
                "insert into contact (id, tenant_id, channel, caller_number, started_at, answered_at, agent_id,"
                        + " previous_contact_id, state, version, created_at, updated_at)"
                        + " values (?, ?, 'PHONE', ?, ?, ?, ?, ?, 'OPEN', 0, ?, ?)",
                id,
                tenantId,
                phone,
                ts(startedAt),
                ts(startedAt),
                agentId,
                previous,
                ts(startedAt),
                ts(startedAt));
    }

    /**
     * The contact a follow-on call continues: the newest phone contact of the same caller in {@code tenantIds}
     * (any, when null) transferred away at most {@code window} before {@code startedAt} and not yet followed.
     */
    Optional<UUID> transferredBefore(String callerNumber, Instant startedAt, java.time.Duration window, UUID except) {
        if (callerNumber == null) {
            return Optional.empty();
        }
        return jdbc
                .queryForList(
                        "select c.id from contact c where c.caller_number = ? and c.transferred_to is not null"
                                + " and c.ended_at between ? and ? and c.id <> ?"
                                + " and not exists (select 1 from contact f where f.previous_contact_id = c.id)"
                                + " order by c.ended_at desc limit 1",
                        UUID.class,
                        callerNumber,
                        ts(startedAt.minus(window)),
                        ts(startedAt.plusSeconds(1)),
                        except)
                .stream()
                .findFirst();
    }

    void linkPrevious(UUID id, UUID previous) {
        jdbc.update(
                "update contact set previous_contact_id = ? where id = ? and previous_contact_id is null",
                previous,
                id);
    }

    /** The contact that follows {@code id} (its follow-on call or callback), if any. */
    Optional<UUID> followOnOf(UUID id) {
        return jdbc
                .queryForList(
                        "select id from contact where previous_contact_id = ? order by started_at limit 1",
                        UUID.class,
                        id)
                .stream()
                .findFirst();
    }

    /** The call ended (hang-up) or left the ServiceCenter (transfer, then {@code transferredTo} is set). */
    void callEnded(String callId, Instant at, String transferredTo) {
        jdbc.update(
                "update contact set ended_at = coalesce(ended_at, ?),"
                        + " transferred_to = coalesce(?, transferred_to), updated_at = ? where call_id = ?",
                ts(at),
                transferredTo,
                ts(at),
                callId);
    }

    /** The agent left wrap-up: their ended, still open phone contacts become undocumented. */
    int wrapUpEnded(UUID phoneAgentId, Instant at) {
        return jdbc.update(
                "update contact set wrap_up_ended_at = ?, updated_at = ? where phone_agent_id = ?"
                        + " and state = 'OPEN' and ended_at is not null and ended_at <= ? and wrap_up_ended_at is null",
                ts(at),
                ts(at),
                phoneAgentId,
                ts(at));
    }

    /** Stores the documentation; false if somebody else changed the contact since {@code version} was read. */
    boolean document(ContactRecord c, Instant now) {
        return jdbc.update(
                        "update contact set service_id = ?, category = ?, concern = ?, note = ?, outcome = ?,"
                                + " department_id = ?, handoff_kind = ?, citizen_name = ?, citizen_phone = ?,"
                                + " citizen_email = ?, callback_window = ?, state = 'DOCUMENTED', documented_at = ?,"
                                + " documented_by = ?, agent_id = coalesce(agent_id, ?), version = version + 1,"
                                + " updated_at = ? where id = ? and version = ?",
                        c.serviceId(),
                        c.category(),
                        c.concern(),
                        c.note(),
                        c.outcome().name(),
                        c.departmentId(),
                        c.handOffKind() == null ? null : c.handOffKind().name(),
                        c.citizenName(),
                        c.citizenPhone(),
                        c.citizenEmail(),
                        c.callbackWindow(),
                        ts(c.documentedAt()),
                        c.documentedBy(),
                        c.agentId(),
                        ts(now),
                        c.id(),
                        c.version())
                == 1;
    }

    Optional<ContactRecord> find(UUID id) {
        return jdbc.query(COLUMNS + "where id = ?", ContactStore::row, id).stream()
                .findFirst();
    }

    Optional<ContactRecord> findByCallId(String callId) {
        return jdbc.query(COLUMNS + "where call_id = ?", ContactStore::row, callId).stream()
                .findFirst();
    }

    List<ContactRecord> list(Filter f) {
        StringBuilder sql = new StringBuilder(COLUMNS).append("where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.tenantIds() != null) {
            if (f.tenantIds().isEmpty()) {
                return List.of();
            }
            sql.append(" and tenant_id in (")
                    .append(String.join(
                            ", ", f.tenantIds().stream().map(t -> "?").toList()))
                    .append(')');
            args.addAll(f.tenantIds());
        }
        if (f.agentId() != null) {
            sql.append(" and agent_id = ?");
            args.add(f.agentId());
        }
        if (f.from() != null) {
            sql.append(" and started_at >= ?");
            args.add(ts(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and started_at < ?");
            args.add(ts(f.to()));
        }
        if (f.outcome() != null) {
            sql.append(" and outcome = ?");
            args.add(f.outcome().name());
        }
        if (f.state() != null) {
            sql.append(" and state = ?");
            args.add(f.state().name());
        }
        if (f.callId() != null) {
            sql.append(" and call_id = ?");
            args.add(f.callId());
        }
        if (Boolean.TRUE.equals(f.undocumented())) {
            sql.append(" and state = 'OPEN' and wrap_up_ended_at is not null");
        } else if (Boolean.FALSE.equals(f.undocumented())) {
            sql.append(" and not (state = 'OPEN' and wrap_up_ended_at is not null)");
        }
        sql.append(" order by started_at desc, id fetch first ")
                .append(f.limit())
                .append(" rows only");
        return jdbc.query(sql.toString(), ContactStore::row, args.toArray());
    }

    /** Contacts of a caller's number since {@code since} in the given tenants, newest first. */
    List<ContactRecord> ofCaller(String callerNumber, Instant since, Collection<UUID> tenantIds, UUID except) {
        List<ContactRecord> all = jdbc.query(
                COLUMNS + "where caller_number = ? and started_at >= ? and id <> ? order by started_at desc",
                ContactStore::row,
                callerNumber,
                ts(since),
                except == null ? new UUID(0, 0) : except);
        return tenantIds == null
                ? all
                : all.stream().filter(c -> tenantIds.contains(c.tenantId())).toList();
    }

    /** Documented contacts of a tenant started in {@code [from, to)}, per outcome — counted by the database. */
    Map<ContactOutcome, Long> countDocumented(UUID tenantId, Instant from, Instant to) {
        Map<ContactOutcome, Long> counts = new EnumMap<>(ContactOutcome.class);
        jdbc.query(
                "select outcome, count(*) from contact where tenant_id = ? and state = 'DOCUMENTED'"
                        + " and started_at >= ? and started_at < ? group by outcome",
                rs -> {
                    counts.put(ContactOutcome.valueOf(rs.getString(1)), rs.getLong(2));
                },
                tenantId,
                ts(from),
                ts(to));
        return counts;
    }

    private static OffsetDateTime ts(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static ContactRecord row(ResultSet rs, int rowNum) throws SQLException {
        long wait = rs.getLong(9);
        Long waitMs = rs.wasNull() ? null : wait;
        return new ContactRecord(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                ContactChannel.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                instant(rs, 6),
                instant(rs, 7),
                instant(rs, 8),
                waitMs,
                rs.getObject(10, UUID.class),
                rs.getObject(11, UUID.class),
                rs.getString(12),
                instant(rs, 13),
                rs.getObject(14, UUID.class),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17),
                value(ContactOutcome.class, rs.getString(18)),
                rs.getObject(19, UUID.class),
                value(HandOffKind.class, rs.getString(20)),
                rs.getString(21),
                rs.getString(22),
                rs.getString(23),
                rs.getString(24),
                ContactState.valueOf(rs.getString(25)),
                instant(rs, 26),
                rs.getString(27),
                rs.getLong(28),
                rs.getObject(29, UUID.class));
    }
}
