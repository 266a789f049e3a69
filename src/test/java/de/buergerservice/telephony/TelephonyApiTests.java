package de.buergerservice.telephony;

import static de.buergerservice.Responses.body;
import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.telephony.internal.sip.SipServer;

/** The switchboard's REST API: who may call what, live JSON, agent states and their refusals, agent admin. */
@IntegrationTest
class TelephonyApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    SipServer sip;

    String agentId(String username) {
        return users.findByUsername(username).orElseThrow().id().toString();
    }

    MvcTestResult putState(String agent, String user, String body) {
        return mvc.put()
                .uri("/api/v1/agents/" + agentId(agent) + "/state")
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    MvcTestResult post(String uri, String user, String body) {
        return mvc.post()
                .uri(uri)
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void givenAgent_thenQueuesAndAgentsAreLiveJson() {
        MvcTestResult queues = mvc.get()
                .uri("/api/v1/telephony/queues")
                .with(httpBasic("agent1", "demo"))
                .exchange();
        assertThat(queues).hasStatusOk();
        List<String> tenants = read(queues, "$[*].tenant");
        assertThat(tenants).containsExactlyInAnyOrder("artland", "oldenburg");
        assertThat(queues).bodyJson().extractingPath("$[0].waiting").isEqualTo(0);

        MvcTestResult agents = mvc.get()
                .uri("/api/v1/telephony/agents")
                .with(httpBasic("supervisor", "demo"))
                .exchange();
        assertThat(agents).hasStatusOk();
        List<String> sipUsers = read(agents, "$[*].sipUser");
        assertThat(sipUsers).contains("agent1", "agent2");
        assertThat(body(agents)).doesNotContain("ha1");
    }

    @Test
    void givenTenantBoundUser_thenSwitchboardIsForbidden() {
        for (String user : List.of("artland-management", "artland-backoffice")) {
            assertThat(mvc.get().uri("/api/v1/telephony/queues").with(httpBasic(user, "demo")))
                    .hasStatus(403);
            assertThat(mvc.get().uri("/api/v1/telephony/agents").with(httpBasic(user, "demo")))
                    .hasStatus(403);
        }
    }

    /** Runs {@code steps} while the agents' phones are registered (only an agent with a phone can be AVAILABLE). */
    void withPhones(ThrowingRunnable steps, String... sipUsers) throws Exception {
        List<TestPhone> phones = new java.util.ArrayList<>();
        try {
            for (String user : sipUsers) {
                TestPhone phone = new TestPhone(user, "127.0.0.1", sip.port());
                phones.add(phone);
                assertThat(phone.register("demo", 300)).isEqualTo(200);
            }
            steps.run();
        } finally {
            for (TestPhone phone : phones) {
                phone.unregister("demo");
                phone.close();
            }
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void givenAgentWithoutPhone_whenAvailable_thenConflictInGerman() throws Exception {
        try (TestPhone phone = new TestPhone("agent2", "127.0.0.1", sip.port())) {
            assertThat(phone.register("demo", 300)).isEqualTo(200);
            assertThat(phone.unregister("demo")).isEqualTo(200);
        }
        assertThat(putState("agent2", "agent2", "{\"state\": \"AVAILABLE\"}"))
                .hasStatus(409)
                .hasContentType("application/problem+json")
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("Ohne angemeldetes Telefon", "agent2");
        assertThat(putState("agent2", "supervisor", "{\"state\": \"AVAILABLE\"}"))
                .as("a supervisor cannot make a phoneless agent available either")
                .hasStatus(409);
        assertThat(mvc.get()
                        .uri("/api/v1/telephony/agents/" + agentId("agent2"))
                        .with(httpBasic("supervisor", "demo")))
                .bodyJson()
                .extractingPath("$.phoneRegistered")
                .isEqualTo(false);
    }

    @Test
    void givenAgent_thenOwnStateOnly() throws Exception {
        withPhones(this::ownStateOnly, "agent1", "agent2");
    }

    void ownStateOnly() {
        assertThat(putState("agent2", "agent2", "{\"state\": \"AVAILABLE\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("AVAILABLE");
        assertThat(putState("agent2", "agent2", "{\"state\": \"PAUSED\", \"reason\": \"Mittag\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.reason")
                .isEqualTo("Mittag");
        assertThat(putState("agent1", "agent2", "{\"state\": \"PAUSED\"}")).hasStatus(403);
        assertThat(putState("agent1", "supervisor", "{\"state\": \"AVAILABLE\"}"))
                .hasStatusOk();
        assertThat(putState("agent1", "supervisor", "{\"state\": \"LOGGED_OUT\"}"))
                .hasStatusOk();
        assertThat(putState("agent2", "agent2", "{\"state\": \"LOGGED_OUT\"}")).hasStatusOk();
    }

    @Test
    void givenBadState_thenProblemNamesField() {
        assertThat(putState("agent2", "agent2", "{\"state\": \"TALKING\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("state");
        assertThat(putState("agent2", "agent2", "{\"state\": \"KAFFEE\"}"))
                .hasStatus(400)
                .hasContentType("application/problem+json");
        assertThat(putState("agent2", "agent2", "{}")).hasStatus(400);
    }

    @Test
    void givenLoggedOutAgent_whenPausing_thenConflict() {
        assertThat(putState("agent2", "supervisor", "{\"state\": \"LOGGED_OUT\"}"))
                .hasStatusOk();
        assertThat(putState("agent2", "agent2", "{\"state\": \"PAUSED\"}"))
                .hasStatus(409)
                .hasContentType("application/problem+json");
    }

    @Test
    void givenUnknownAgent_thenNotFound() {
        assertThat(mvc.put()
                        .uri("/api/v1/agents/00000000-0000-0000-0000-000000000001/state")
                        .with(httpBasic("supervisor", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\": \"AVAILABLE\"}"))
                .hasStatus(404);
    }

    @Test
    void givenSupervisor_thenAgentsCanBeCreatedOneByOneAndInBulk() {
        assertThat(post("/api/v1/telephony/agents", "supervisor", """
                {"sipUser": "agent7", "password": "geheim", "displayName": "Gesa Grün",
                 "skills": [{"tenant": "artland", "topic": "Bauantrag", "level": 4}]}
                """))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.skills[0].level")
                .isEqualTo(4);
        assertThat(post("/api/v1/telephony/agents/bulk", "admin", """
                {"agents": [
                  {"sipUser": "load1", "password": "pw-load", "displayName": "Last 1",
                   "skills": [{"tenant": "artland"}]},
                  {"sipUser": "load2", "password": "pw-load", "displayName": "Last 2",
                   "skills": [{"tenant": "artland"}]}
                ]}
                """))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.created")
                .isEqualTo(2);
    }

    @Test
    void givenBadAgent_thenRejectedNamingField() {
        assertThat(post("/api/v1/telephony/agents", "admin", """
                {"sipUser": "mit leerzeichen", "password": "geheim", "displayName": "X", "skills": []}
                """))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("sipUser");
        assertThat(post("/api/v1/telephony/agents", "admin", """
                {"sipUser": "agent1", "password": "geheim", "displayName": "Doppelt", "skills": []}
                """))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("sipUser");
        assertThat(post("/api/v1/telephony/agents", "admin", """
                {"sipUser": "agent9", "password": "geheim", "displayName": "X", "skills": [{"tenant": "nirgendwo"}]}
                """))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("skills[0].tenant");
        assertThat(post("/api/v1/telephony/agents", "admin", """
                {"sipUser": "agent9", "displayName": "Ohne Passwort", "skills": []}
                """))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("password");
        assertThat(post("/api/v1/telephony/agents/bulk", "admin", """
                {"agents": [
                  {"sipUser": "dup", "password": "pw-load", "displayName": "A", "skills": []},
                  {"sipUser": "dup", "password": "pw-load", "displayName": "B", "skills": []}
                ]}
                """))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("agents[1].sipUser");
        assertThat(post("/api/v1/telephony/agents", "agent1", """
                {"sipUser": "agent8", "password": "geheim", "displayName": "X", "skills": []}
                """)).hasStatus(403);
    }

    @Test
    void givenLineSettings_thenRedirectNeedsTarget() {
        MvcTestResult missing = mvc.put()
                .uri("/api/v1/tenants/artland/telephony")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                {"name": "Samtgemeinde Artland", "ringTimeoutSeconds": 15, "wrapUpSeconds": 10,
                 "closedAction": "REDIRECT"}
                """)
                .exchange();
        assertThat(missing)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("redirectTarget");
        MvcTestResult ok = mvc.put()
                .uri("/api/v1/tenants/artland/telephony")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                {"name": "Samtgemeinde Artland", "ringTimeoutSeconds": 20, "wrapUpSeconds": 30,
                 "overflowTenant": "oldenburg", "overflowAfterSeconds": 45, "closedAction": "REJECT"}
                """)
                .exchange();
        assertThat(ok)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.overflowTenant")
                .isEqualTo("oldenburg");
        assertThat(mvc.get().uri("/api/v1/tenants/artland/telephony").with(httpBasic("agent1", "demo")))
                .hasStatus(403);
    }

    @Test
    void givenAgent_thenStreamOpensAsServerSentEvents() {
        MvcTestResult stream = mvc.get()
                .uri("/api/v1/telephony/stream")
                .with(httpBasic("agent1", "demo"))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .asyncExchange();
        assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(body(stream)).contains("event:telephony").contains("\"queues\"");
    }
}
