package de.buergerservice.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import de.buergerservice.IntegrationTest;
import de.buergerservice.knowledge.internal.UnansweredSearch;

/** "Oft gesucht, nichts gefunden" lists callers' questions, grouped, and leaves out syntax, markup and pastes. */
@IntegrationTest
class KnowledgeUnansweredSearchTests {

    @Autowired
    SearchLog searchLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    void logged(UUID tenant, String query, int times) {
        for (int i = 0; i < times; i++) {
            jdbc.update(
                    "insert into knowledge_search_log (tenant_id, query, audience, hits, searched_at) "
                            + "values (?, ?, 'STAFF', 0, ?)",
                    tenant,
                    query,
                    Timestamp.from(clock.instant()));
        }
    }

    @Test
    void givenHostileAndNoisyInput_thenOnlyQuestionsAreListedGroupedByTheirNormalForm() {
        UUID tenant = UUID.randomUUID();
        logged(tenant, "\"\\<script>", 9);
        logged(tenant, "*:* and (", 8);
        logged(tenant, "((( )))", 7);
        logged(tenant, "1234", 6);
        logged(tenant, "perso weg " + "sehr ".repeat(30), 5);
        logged(tenant, "baumfällung anzeigen", 2);
        logged(tenant, "Baumfällung   anzeigen?", 2);
        logged(tenant, "„baumfällung anzeigen“", 1);
        logged(tenant, "kita platz", 1);

        assertThat(searchLog.top(tenant, 10))
                .containsExactly(
                        new UnansweredSearch("baumfällung anzeigen", 5), new UnansweredSearch("kita platz", 1));
    }

    @Test
    void aCallersQuestionIsKeptWithItsWordsAndNumbers() {
        assertThat(SearchLog.listed("  Perso  VERLOREN?? ")).isEqualTo("perso verloren");
        assertThat(SearchLog.listed("§ 20 BauGB")).isEqualTo("§ 20 baugb");
        assertThat(SearchLog.listed("e-mail adresse ändern")).isEqualTo("e-mail adresse ändern");
        assertThat(SearchLog.listed("*:* and (")).isNull();
        assertThat(SearchLog.listed(":: ( and")).isNull();
        assertThat(SearchLog.listed("\"\\<script>")).isNull();
    }
}
