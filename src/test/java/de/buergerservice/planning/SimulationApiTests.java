package de.buergerservice.planning;

import static de.buergerservice.Responses.body;
import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/** What-if simulations over REST: started, followed to the end, owned by who started them, and each rejection. */
@IntegrationTest
class SimulationApiTests {

    static final String WHAT_IF = """
            {"name": "Samtgemeinde Neuland", "callsPerDay": 1200, "ahtSeconds": 180, "target": "90/20",
             "patienceSeconds": 300, "days": 5, "seed": 7}""";

    @Autowired
    MockMvcTester mvc;

    MvcTestResult post(String json, String user) {
        return mvc.post()
                .uri("/api/v1/planning/simulations")
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    MvcTestResult get(String uri, String user) {
        return mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
    }

    MvcTestResult finished(String location, String user) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            MvcTestResult result = get(location, user);
            if (!List.of("QUEUED", "RUNNING").contains(read(result, "$.status"))) {
                return result;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("simulation did not finish in 60 s");
    }

    Map<String, String> errors(MvcTestResult result) {
        return ErlangApiTests.errors(result);
    }

    @Test
    void givenANewMunicipality_thenErlangCStaffingAndSimulatedFiguresPerHalfHour() throws Exception {
        MvcTestResult started = post(WHAT_IF, "supervisor");

        assertThat(started.getResponse().getStatus()).as(body(started)).isEqualTo(202);
        String location = started.getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/v1/planning/simulations/");
        MvcTestResult done = finished(location, "supervisor");
        assertThat((String) read(done, "$.status")).isEqualTo("DONE");
        assertThat((Double) read(done, "$.progress")).isEqualTo(1.0);
        assertThat(((Number) read(done, "$.totals.offered")).longValue()).isBetween(5_600L, 6_400L);
        // staffed by Erlang C for 90 % in 20 s (with patience the callers who hang up lower it a little)
        assertThat(((Number) read(done, "$.totals.serviceLevel")).doubleValue()).isGreaterThan(0.85);
        List<Map<String, Object>> intervals = read(done, "$.intervals");
        assertThat(intervals).hasSize(20); // 08:00–18:00
        assertThat(intervals.get(0)).containsEntry("start", "08:00");
        assertThat(intervals).allSatisfy(half -> assertThat(((Number) half.get("agentsNeeded")).intValue())
                .isEqualTo(((Number) half.get("rosterAgents")).intValue())
                .isPositive());
    }

    @Test
    void givenTheSameSeed_thenTheSameResult() throws Exception {
        String first = body(finished(post(WHAT_IF, "admin").getResponse().getHeader("Location"), "admin"));
        String second = body(finished(post(WHAT_IF, "admin").getResponse().getHeader("Location"), "admin"));

        assertThat(second.substring(second.indexOf("\"totals\"")).replaceAll("\"simulatedCallsPerSecond\":[^,}]*", ""))
                .isEqualTo(first.substring(first.indexOf("\"totals\""))
                        .replaceAll("\"simulatedCallsPerSecond\":[^,}]*", ""));
    }

    @Test
    void givenSomebodyElsesSimulation_thenNotFound() {
        String location = post(WHAT_IF, "supervisor").getResponse().getHeader("Location");

        MvcTestResult foreign = get(location, "artland-management");

        assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
        assertThat((String) read(foreign, "$.detail")).isEqualTo("Diese Simulation gibt es nicht.");
    }

    @Test
    void givenAnAgent_thenForbidden() {
        assertThat(post(WHAT_IF, "agent1").getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void givenNothing_thenTheRequiredFieldsAreNamed() {
        assertThat(errors(post("{}", "supervisor"))).containsOnlyKeys("callsPerDay", "ahtSeconds", "target");
    }

    @Test
    void givenATargetWithoutSeconds_thenRejected() {
        assertThat(errors(post(WHAT_IF.replace("\"90/20\"", "\"90\""), "supervisor")))
                .containsOnlyKeys("target")
                .containsEntry("target", "Bitte als Servicelevel/Sekunden angeben, z. B. 80/20.");
    }

    @Test
    void givenAProfileOfTheWrongLength_thenRejected() {
        assertThat(errors(post(WHAT_IF.replace("\"days\"", "\"profile\": [1, 2, 3], \"days\""), "supervisor")))
                .containsOnlyKeys("profile");
    }

    @Test
    void givenARosterOfTheWrongLength_thenRejected() {
        assertThat(errors(post(WHAT_IF.replace("\"days\"", "\"roster\": [5], \"days\""), "supervisor")))
                .containsOnlyKeys("roster");
    }

    @Test
    void givenTooManyDays_thenRejected() {
        assertThat(errors(post(WHAT_IF.replace("\"days\": 5", "\"days\": 400"), "supervisor")))
                .containsOnlyKeys("days");
    }

    @Test
    void givenMoreCallsThanOneRunMaySimulate_thenRejected() {
        assertThat(errors(post(WHAT_IF.replace("1200", "900000").replace("\"days\": 5", "\"days\": 30"), "supervisor")))
                .containsOnlyKeys("days");
    }

    @Test
    void givenAZeroHandleTime_thenRejected() {
        assertThat(errors(post(WHAT_IF.replace("\"ahtSeconds\": 180", "\"ahtSeconds\": 0"), "supervisor")))
                .containsOnlyKeys("ahtSeconds");
    }

    @Test
    void givenAnAbsurdSpreadOfHandleTimes_thenRejected() {
        assertThat(errors(post(WHAT_IF.replace("\"days\"", "\"coefficientOfVariation\": 50, \"days\""), "supervisor")))
                .containsOnlyKeys("coefficientOfVariation");
    }
}
