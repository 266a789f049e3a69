package de.buergerservice.knowledge.internal.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.internal.UnansweredSearch;
import de.buergerservice.knowledge.internal.UnansweredSearches;

/**
 * The search log: every search (tenant, normalised query, audience, number of hits) and every hit opened from a
 * result. Searches are written in batches by a background thread so that logging never slows a search down;
 * reads and clicks flush first, so what was searched is always counted.
 *
 * <p>What agents and citizens type may hold personal data (a name, an address read out on the phone), so the log
 * keeps searches and clicks for {@code buergerservice.knowledge.search-log-days} days (90 by default) — long enough
 * for the editors' "most searched without a click" — and deletes older ones every hour.
 */
@Component
public class SearchLog implements UnansweredSearches {

    private static final Logger log = LoggerFactory.getLogger(SearchLog.class);
    static final int MAX_QUERY_LENGTH = 200;
    private static final int BUFFER = 10_000;
    static final int DEFAULT_RETENTION_DAYS = 90;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BlockingQueue<Search> pending = new ArrayBlockingQueue<>(BUFFER);
    private final ScheduledExecutorService flusher;
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
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "knowledge-search-log");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
        flusher.scheduleWithFixedDelay(this::purgeQuietly, 1, 60, TimeUnit.MINUTES);
    }

    /** Deletes searches and clicks older than the retention period; returns how many rows went. */
    int purgeExpired() {
        flush();
        Timestamp cutoff = Timestamp.from(clock.instant().minus(retention));
        return jdbc.update("delete from knowledge_search_click where clicked_at < ?", cutoff)
                + jdbc.update("delete from knowledge_search_log where searched_at < ?", cutoff);
    }

    private void purgeQuietly() {
        try {
            int deleted = purgeExpired();
            if (deleted > 0) {
                log.info("Search log: {} entries older than {} days deleted", deleted, retention.toDays());
            }
        } catch (RuntimeException e) {
            log.warn("Expired search log entries could not be deleted", e);
        }
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

    /** Queries that found nothing, or whose hits were never opened, most frequent first. */
    @Override
    public List<UnansweredSearch> top(UUID tenantId, int limit) {
        flush();
        return jdbc.query(
                """
                select l.query, count(*) as searches from knowledge_search_log l
                where l.tenant_id = ? and (l.hits = 0 or not exists (select 1 from knowledge_search_click c
                    where c.tenant_id = l.tenant_id and c.query = l.query))
                group by l.query order by searches desc, l.query limit ?""", (rs, row) -> new UnansweredSearch(rs.getString("query"), rs.getLong("searches")), tenantId, limit);
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

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Search log could not be written", e);
        }
    }

    @PreDestroy
    void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
