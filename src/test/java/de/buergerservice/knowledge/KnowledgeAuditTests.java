package de.buergerservice.knowledge;

import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;

/** Knowledge changes appear in the audit log: who changed which service, its override, and what changed. */
@IntegrationTest
class KnowledgeAuditTests {

    static final String API = "/api/v1/tenants/artland/knowledge/services";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void editor() {
        Editors.ensure(mvc);
    }

    List<Map<String, Object>> audit(String type, String id) {
        return jdbc.queryForList(
                "select actor, action, changes from audit_entry where entity_type = ? and cast(entity_id as varchar) = ?"
                        + " order by occurred_at",
                type,
                id);
    }

    @Test
    void givenServiceAndOverrideChanges_thenEachIsInTheAuditLogWithWhatChanged() {
        String id = read(
                mvc.post()
                        .uri(API)
                        .with(Editors.as(Editors.EDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Laternenumzug anmelden\", \"fees\": \"keine\", \"catalogue\": true}")
                        .exchange(),
                "$.id");
        assertThat(mvc.put()
                        .uri(API + "/" + id)
                        .with(Editors.as(Editors.EDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Laternenumzug anmelden\", \"fees\": \"5,00 EUR\"}"))
                .hasStatusOk();
        assertThat(mvc.put()
                        .uri(API + "/" + id + "/override")
                        .with(Editors.as(Editors.EDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fees\": \"im Artland frei\"}"))
                .hasStatusOk();

        List<Map<String, Object>> entry = audit("ServiceEntry", id);
        assertThat(entry).extracting(row -> row.get("action")).containsExactly("CREATED", "UPDATED");
        assertThat(entry).extracting(row -> row.get("actor")).containsOnly(Editors.EDITOR);
        assertThat(entry.get(1).get("changes").toString()).contains("fees", "keine", "5,00 EUR");
        List<Map<String, Object>> override = audit("ServiceOverride", id);
        assertThat(override).extracting(row -> row.get("action")).containsExactly("CREATED");
        assertThat(override.get(0).get("changes").toString()).contains("im Artland frei");
    }
}
