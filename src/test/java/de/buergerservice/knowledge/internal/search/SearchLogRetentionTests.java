package de.buergerservice.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import de.buergerservice.IntegrationTest;

@IntegrationTest
class SearchLogRetentionTests {

    @Autowired
    SearchLog searchLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void searchesAndClicksOlderThanTheRetentionPeriodAreDeletedNewerOnesKept() {
        UUID tenant = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expired = now.minus(Duration.ofDays(SearchLog.DEFAULT_RETENTION_DAYS + 1));
        Instant kept = now.minus(Duration.ofDays(SearchLog.DEFAULT_RETENTION_DAYS - 1));
        for (Instant at : new Instant[] {expired, kept}) {
            jdbc.update(
                    "insert into knowledge_search_log (tenant_id, query, audience, hits, searched_at) "
                            + "values (?, ?, 'STAFF', 0, ?)",
                    tenant,
                    "herr meier ruft an wegen " + at,
                    Timestamp.from(at));
            jdbc.update(
                    "insert into knowledge_search_click (tenant_id, query, service_id, clicked_at) "
                            + "values (?, ?, ?, ?)",
                    tenant,
                    "perso " + at,
                    UUID.randomUUID(),
                    Timestamp.from(at));
        }

        assertThat(searchLog.purgeExpired()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.queryForList(
                        "select query from knowledge_search_log where tenant_id = ?", String.class, tenant))
                .containsExactly("herr meier ruft an wegen " + kept);
        assertThat(jdbc.queryForObject(
                        "select count(*) from knowledge_search_click where tenant_id = ?", Integer.class, tenant))
                .isEqualTo(1);
    }

    @Test
    void aRetentionOfLessThanOneDayIsRefused() {
        assertThatThrownBy(() -> new SearchLog(jdbc, clock, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("search-log-days must be at least 1");
    }
}
