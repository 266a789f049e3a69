package de.buergerservice.telephony.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.CallEventFeed;
import de.buergerservice.telephony.CallEventRecord;
import de.buergerservice.telephony.CallEventType;

/**
 * Reads the {@code call_event} table for {@link CallEventFeed}. Rows appear only when their batch committed, and
 * the single writer commits batches in sequence order, so "sequence above n" never skips an event that is still
 * on its way.
 */
@Component
class JdbcCallEventFeed implements CallEventFeed {

    private static final String COLUMNS = "select sequence, id, call_id, tenant_id, queue_id, agent_id, type, "
            + "agent_state, detail, occurred_at, caller_number from call_event ";

    private final JdbcTemplate jdbc;

    JdbcCallEventFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CallEventRecord> after(long afterSequence, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return jdbc.query(
                COLUMNS + "where sequence > ? order by sequence fetch first " + limit + " rows only",
                JdbcCallEventFeed::row,
                afterSequence);
    }

    @Override
    public List<CallEventRecord> ofCall(String callId) {
        return jdbc.query(
                COLUMNS + "where call_id = ? order by sequence", JdbcCallEventFeed::row, StoredCallId.of(callId));
    }

    private static CallEventRecord row(ResultSet rs, int rowNum) throws SQLException {
        String state = rs.getString(8);
        Timestamp at = rs.getTimestamp(10);
        return new CallEventRecord(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class),
                rs.getObject(6, UUID.class),
                CallEventType.valueOf(rs.getString(7)),
                state == null ? null : AgentState.valueOf(state),
                rs.getString(9),
                at.toInstant(),
                rs.getString(11));
    }
}
