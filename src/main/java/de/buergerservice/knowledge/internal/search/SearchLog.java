package de.buergerservice.knowledge.internal.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.internal.UnansweredSearch;
import de.buergerservice.knowledge.internal.UnansweredSearches;
import de.buergerservice.shared.privacy.RetentionTask;

/**
 * The search log: every search (tenant, normalised query, audience, number of hits) and every hit opened from a
 * result. Searches are written in batches by a scheduled flush (every second) so that logging never slows a search
 * down; reads and clicks flush first, so what was searched is always counted.
 *
 * <p>What agents and citizens type may hold personal data (a name, an address read out on the phone), so the log
 * keeps searches and clicks for {@code buergerservice.knowledge.search-log-days} days (90 by default;
 * {@code buergerservice.retention.search-log} overrides it) — long enough for the editors' "most searched without a
 * click" — and the shared retention job deletes older ones every hour.
 *
 * <p>"Most searched without a click" shows editors what to write next, so it lists only what reads like a question
 * of a caller: input that is mostly punctuation or search operators ({@code *:* and (}), markup
 * ({@code "\<script>}), has no word of letters, or is overly long is logged but not listed.
 */
@Component
public class SearchLog implements UnansweredSearches, RetentionTask {

    private static final Logger log = LoggerFactory.getLogger(SearchLog.class);
    static final int MAX_QUERY_LENGTH = 200;
    private static final int BUFFER = 10_000;
    static final int DEFAULT_RETENTION_DAYS = 90;

    /** Longer input is pasted text, not a caller's question. */
    static final int MAX_LISTED_LENGTH = 80;

    /** Characters nobody types when looking for a service: markup, escapes, query syntax. */
    private static final Pattern MARKUP = Pattern.compile("[<>\\\\{}\\[\\]|^~=*]");

    private static final Pattern LETTER_WORD = Pattern.compile("\\p{L}{2,}");

    /** Quotes and sentence marks around a question do not make it another question. */
    private static final Pattern EDGE_MARKS =
            Pattern.compile("^[\\p{Punct}„“”‚‘’»«\\s]+|[\\p{Punct}„“”‚‘’»«\\s&&[^)]]+$");

    /** Above this share of characters other than letters, digits and spaces, input is mostly syntax. */
    private static final double MAX_SYMBOL_SHARE = 0.2;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BlockingQueue<Search> pending = new ArrayBlockingQueue<>(BUFFER);
    private final Duration retention;

    private record Search(UUID tenantId, String query, Audience audience, long hits, Instant at) {}

    SearchLog(
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${buergerservice.knowledge.search-log-days:" + DEFAULT_RETENTION_DAYS + "}") int retentionDays) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException(
                    "buergerservice.knowledge.search-log-days must be at least 1, not " + retentionDays);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = Duration.ofDays(retentionDays);
    }

    /** Deletes searches and clicks older than the retention period; returns how many rows went. */
    int purgeExpired() {
        flush();
        Timestamp cutoff = Timestamp.from(clock.instant().minus(retention));
        return jdbc.update("delete from knowledge_search_click where clicked_at < ?", cutoff)
                + jdbc.update("delete from knowledge_search_log where searched_at < ?", cutoff);
    }

    @Override
    public String kind() {
        return "search-log";
    }

    /** {@code buergerservice.knowledge.search-log-days} still counts; {@code buergerservice.retention.search-log} wins. */
    @Override
    public Duration defaultPeriod() {
        return retention;
    }

    /** The shared retention job's batch: the oldest searches and clicks from before {@code cutoff}. */
    @Override
    public int purge(Instant cutoff, int limit) {
        flush();
        Timestamp at = Timestamp.from(cutoff);
        return jdbc.update(
                        "delete from knowledge_search_click where id in (select id from knowledge_search_click"
                                + " where clicked_at < ? order by clicked_at limit ?)",
                        at,
                        limit)
                + jdbc.update(
                        "delete from knowledge_search_log where id in (select id from knowledge_search_log"
                                + " where searched_at < ? order by searched_at limit ?)",
                        at,
                        limit);
    }

    /** Lower case, trimmed, single spaces: "Perso  weg" and "perso weg" are the same question. */
    static String normalise(String query) {
        String normal = query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.GERMAN);
        return normal.length() <= MAX_QUERY_LENGTH ? normal : normal.substring(0, MAX_QUERY_LENGTH);
    }

    void searched(UUID tenantId, String query, Audience audience, long hits) {
        if (!pending.offer(new Search(tenantId, normalise(query), audience, hits, clock.instant()))) {
            log.warn("Search log buffer full; a search was not logged");
        }
    }

    public void clicked(UUID tenantId, String query, UUID serviceId) {
        flush();
        jdbc.update(
                "insert into knowledge_search_click (tenant_id, query, service_id, clicked_at) "
                        + "values (?, ?, ?, ?)",
                tenantId,
                normalise(query),
                serviceId,
                Timestamp.from(clock.instant()));
    }

    /**
     * Queries that found nothing, or whose hits were never opened, most frequent first: only those that read like a
     * caller's question, grouped by their normal form.
     */
    @Override
    public List<UnansweredSearch> top(UUID tenantId, int limit) {
        flush();
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                """
                select l.query, count(*) as searches from knowledge_search_log l
                where l.tenant_id = ? and (l.hits = 0 or not exists (select 1 from knowledge_search_click c
                    where c.tenant_id = l.tenant_id and c.query = l.query))
                group by l.query order by searches desc, l.query limit ?""",
                (RowCallbackHandler) rs -> {
                    String query = listed(rs.getString("query"));
                    if (query != null) {
                        counts.merge(query, rs.getLong("searches"), Long::sum);
                    }
                },
                tenantId,
                limit * 20);
        return counts.entrySet().stream()
                .map(e -> new UnansweredSearch(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(UnansweredSearch::searches)
                        .reversed()
                        .thenComparing(UnansweredSearch::query))
                .limit(limit)
                .toList();
    }

    /** The query as the list shows it, or {@code null} if it does not read like a caller's question. */
    static String listed(String query) {
        String normal = normalise(query);
        if (normal.length() > MAX_LISTED_LENGTH || MARKUP.matcher(normal).find()) {
            return null;
        }
        // sentence marks ("perso weg???") are a caller's; brackets, colons and quotes in bulk are syntax
        long symbols = normal.chars()
                .filter(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && "?!.".indexOf(c) < 0)
                .count();
        long visible = normal.chars().filter(c -> !Character.isWhitespace(c)).count();
        String question = EDGE_MARKS.matcher(normal).replaceAll("");
        return symbols > MAX_SYMBOL_SHARE * visible
                        || !LETTER_WORD.matcher(question).find()
                ? null
                : question;
    }

    void tenantDeleted(UUID tenantId) {
        flush();
        jdbc.update("delete from knowledge_search_click where tenant_id = ?", tenantId);
        jdbc.update("delete from knowledge_search_log where tenant_id = ?", tenantId);
    }

    synchronized void flush() {
        List<Search> batch = new ArrayList<>();
        pending.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into knowledge_search_log (tenant_id, query, audience, hits, searched_at) "
                        + "values (?, ?, ?, ?, ?)",
                batch,
                500,
                (ps, s) -> {
                    ps.setObject(1, s.tenantId());
                    ps.setString(2, s.query());
                    ps.setString(3, s.audience().name());
                    ps.setLong(4, s.hits());
                    ps.setTimestamp(5, Timestamp.from(s.at()));
                });
    }

    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
    void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Search log could not be written", e);
        }
    }

    @PreDestroy
    void close() {
        flushQuietly();
    }
}
