package de.buergerservice.knowledge;

import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/** Editors maintain a municipality's search synonyms; everybody else may read them. */
@IntegrationTest
class SearchSynonymApiTests {

    static final String SYNONYMS = "/api/v1/tenants/oldenburg/knowledge/synonyms";
    /** Editors and administrators may change synonyms (as the knowledge tests' own editor). */
    static final String EDITOR = "admin";

    @Autowired
    MockMvcTester mvc;

    MvcTestResult send(String method, String uri, String user, String body) {
        return mvc.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(uri)
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void givenDemoTenant_thenItsOwnWordAndTheServiceCenterWideStartingList() {
        assertThat(mvc.get().uri(SYNONYMS).with(httpBasic("agent1", "demo")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].term")
                .asArray()
                .contains("bewohnerparken")
                .doesNotContain("perso", "wiesn");
        assertThat(mvc.get().uri("/api/v1/knowledge/synonyms").with(httpBasic("agent1", "demo")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].term")
                .asArray()
                .contains("perso", "knöllchen", "ummeldung");
    }

    @Test
    void givenEditorOrAdmin_thenCreateReadChangeDelete() {
        MvcTestResult created = send(
                "POST",
                SYNONYMS,
                EDITOR,
                "{\"term\": \"Gelber Sack\", \"expansions\": [\"Verpackungsabfall\", \"Wertstoffe\"]}");
        assertThat(created).hasStatus(201);
        String id = read(created, "$.id");
        assertThat(created).headers().hasValue("Location", SYNONYMS + "/" + id);
        assertThat(mvc.get().uri(SYNONYMS + "/" + id).with(httpBasic("agent1", "demo")))
                .bodyJson()
                .extractingPath("$.expansions[1]")
                .isEqualTo("Wertstoffe");
        assertThat(send(
                        "PUT",
                        SYNONYMS + "/" + id,
                        EDITOR,
                        "{\"term\": \"Gelber Sack\", \"expansions\": [\"Leichtverpackungen\"]}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.expansions[0]")
                .isEqualTo("Leichtverpackungen");
        assertThat(send("DELETE", SYNONYMS + "/" + id, EDITOR, "")).hasStatus(204);
        assertThat(mvc.get().uri(SYNONYMS + "/" + id).with(httpBasic(EDITOR, "demo")))
                .hasStatus(404);
    }

    @Test
    void givenTermAlreadyThereInAnotherSpelling_thenProblemNamesTerm() {
        // the ServiceCenter-wide list has "knöllchen"
        MvcTestResult result = send(
                "POST",
                "/api/v1/knowledge/synonyms",
                EDITOR,
                "{\"term\": \"KNOELLCHEN\", \"expansions\": [\"Bußgeld\"]}");
        assertThat(result)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("term");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("schon");
    }

    @Test
    void givenNoExpansions_thenProblemNamesExpansions() {
        assertThat(send("POST", SYNONYMS, EDITOR, "{\"term\": \"Müll\", \"expansions\": []}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("expansions");
        assertThat(send("POST", SYNONYMS, EDITOR, "{\"term\": \" \", \"expansions\": [\"Abfall\"]}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("term");
    }

    @Test
    void givenAgent_thenMayNotChange() {
        assertThat(send("POST", SYNONYMS, "agent1", "{\"term\": \"Müll\", \"expansions\": [\"Abfall\"]}"))
                .hasStatus(403);
    }
}
