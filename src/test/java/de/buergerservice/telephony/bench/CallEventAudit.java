package de.buergerservice.telephony.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts the {@code call_event} rows of a load run per call and type and compares them with what the generator
 * saw: a call it saw answered and hung up must have exactly one CALL_OFFERED, QUEUED, AGENT_RINGING, ANSWERED and
 * ENDED and two agent-state changes naming it (RINGING, TALKING); a waiting call it cancelled exactly one
 * CALL_OFFERED, QUEUED and ABANDONED. Missing rows are lost, extra rows duplicated. Independently, the event
 * sequence must have no gap over the run's range (an event of any kind lost on the way to the table leaves one).
 */
public final class CallEventAudit {

    static final Map<String, Integer> ANSWERED_CALL = Map.of(
            "CALL_OFFERED", 1, "QUEUED", 1, "AGENT_RINGING", 1, "ANSWERED", 1, "ENDED", 1, "AGENT_STATE_CHANGED", 2);
    static final Map<String, Integer> ABANDONED_CALL = Map.of("CALL_OFFERED", 1, "QUEUED", 1, "ABANDONED", 1);

    /**
     * @param lost expected rows missing
     * @param duplicated rows beyond the expected ones, including rows of other types
     * @param unknownCalls call ids of the run's prefix the generator never placed
     * @param uncheckedCalls calls the generator saw fail (their rows are counted, not judged)
     * @param sequenceGaps sequence numbers missing between the run's first and last event
     */
    public record Result(
            long rows,
            long lost,
            long duplicated,
            int unknownCalls,
            int uncheckedCalls,
            long sequenceGaps,
            Map<String, Long> rowsByType,
            List<String> examples) {

        public boolean clean() {
            return lost == 0 && duplicated == 0 && unknownCalls == 0 && sequenceGaps == 0;
        }

        @Override
        public String toString() {
            return String.format(
                    "rows=%d lost=%d duplicated=%d unknownCalls=%d uncheckedCalls=%d sequenceGaps=%d " + "byType=%s%s",
                    rows,
                    lost,
                    duplicated,
                    unknownCalls,
                    uncheckedCalls,
                    sequenceGaps,
                    rowsByType,
                    examples.isEmpty() ? "" : " e.g. " + examples);
        }
    }

    private CallEventAudit() {}

    public static Result check(
            Connection connection,
            String callIdPrefix,
            Collection<String> answered,
            Collection<String> abandoned,
            Collection<String> unchecked)
            throws SQLException {
        Map<String, Map<String, Integer>> actual = new HashMap<>();
        Map<String, Long> byType = new TreeMap<>();
        long rows = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "select call_id, type, count(*) from call_event " + "where call_id like ? group by call_id, type")) {
            query.setString(1, callIdPrefix + "%");
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    int n = result.getInt(3);
                    actual.computeIfAbsent(result.getString(1), k -> new HashMap<>())
                            .put(result.getString(2), n);
                    byType.merge(result.getString(2), (long) n, Long::sum);
                    rows += n;
                }
            }
        }
        long lost = 0;
        long duplicated = 0;
        List<String> examples = new ArrayList<>();
        Set<String> known = new HashSet<>(unchecked);
        for (var expected : List.of(Map.entry(answered, ANSWERED_CALL), Map.entry(abandoned, ABANDONED_CALL))) {
            for (String callId : expected.getKey()) {
                known.add(callId);
                Map<String, Integer> seen = actual.getOrDefault(callId, Map.of());
                Map<String, Integer> wanted =
                        withRingsUnanswered(expected.getValue(), seen.getOrDefault("RING_NO_ANSWER", 0));
                Set<String> types = new HashSet<>(seen.keySet());
                types.addAll(wanted.keySet());
                for (String type : types) {
                    int difference = seen.getOrDefault(type, 0) - wanted.getOrDefault(type, 0);
                    if (difference != 0 && examples.size() < 5) {
                        examples.add(callId + " " + type + (difference > 0 ? " +" : " ") + difference);
                    }
                    lost += Math.max(0, -difference);
                    duplicated += Math.max(0, difference);
                }
            }
        }
        int unknown = 0;
        for (String callId : actual.keySet()) {
            if (!known.contains(callId)) {
                unknown++;
            }
        }
        return new Result(
                rows,
                lost,
                duplicated,
                unknown,
                unchecked.size(),
                sequenceGaps(connection, callIdPrefix),
                byType,
                examples);
    }

    /**
     * A phone that rang without answer (ring timeout under load) adds RING_NO_ANSWER, another AGENT_RINGING and
     * another RINGING state change naming the call; the rest stays as for a call answered at the first ring.
     */
    private static Map<String, Integer> withRingsUnanswered(Map<String, Integer> expected, int unanswered) {
        if (unanswered == 0 || !expected.containsKey("AGENT_RINGING")) {
            return expected;
        }
        Map<String, Integer> more = new HashMap<>(expected);
        more.put("RING_NO_ANSWER", unanswered);
        more.merge("AGENT_RINGING", unanswered, Integer::sum);
        more.merge("AGENT_STATE_CHANGED", unanswered, Integer::sum);
        return more;
    }

    private static long sequenceGaps(Connection connection, String callIdPrefix) throws SQLException {
        long first;
        long last;
        try (PreparedStatement range = connection.prepareStatement(
                "select min(sequence), max(sequence) from call_event where call_id like ?")) {
            range.setString(1, callIdPrefix + "%");
            try (ResultSet result = range.executeQuery()) {
                result.next();
                first = result.getLong(1);
                last = result.getLong(2);
                if (result.wasNull()) {
                    return 0;
                }
            }
        }
        try (PreparedStatement count =
                connection.prepareStatement("select count(*) from call_event where sequence between ? and ?")) {
            count.setLong(1, first);
            count.setLong(2, last);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return last - first + 1 - result.getLong(1);
            }
        }
    }
}
