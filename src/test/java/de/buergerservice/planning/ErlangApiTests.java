package de.buergerservice.planning;

import static de.buergerservice.Responses.body;
import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/** The staffing maths over REST: the literature's example as JSON, who may ask, and each rejected parameter. */
@IntegrationTest
class ErlangApiTests {

    static final String EXAMPLE =
            "calls=100&intervalMinutes=30&ahtSeconds=180&serviceLevel=0.8&thresholdSeconds=20&shrinkage=0.3";

    @Autowired
    MockMvcTester mvc;

    MvcTestResult get(String path, String query, String user) {
        return mvc.get()
                .uri("/api/v1/planning/" + path + "?" + query)
                .with(httpBasic(user, "demo"))
                .exchange();
    }

    static double number(MvcTestResult result, String path) {
        return ((Number) read(result, path)).doubleValue();
    }

    /** The field errors of a 400 answer: field → German message. */
    static Map<String, String> errors(MvcTestResult result) {
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        List<Map<String, String>> errors = read(result, "$.errors");
        return errors.stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.get("field"), e -> e.get("message"), (a, b) -> a));
    }

    @Nested
    class ErlangC {

        @Test
        void givenTheLiteratureExample_thenFourteenAgentsAndTwentyPositions() {
            MvcTestResult result = get("erlang-c", EXAMPLE, "supervisor");

            assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
            assertThat((Integer) read(result, "$.agents")).isEqualTo(14);
            assertThat((Integer) read(result, "$.positions")).isEqualTo(20);
            assertThat(number(result, "$.probabilityOfWait")).isEqualTo(0.1741, within(0.00005));
            assertThat(number(result, "$.serviceLevel")).isEqualTo(0.8884, within(0.00005));
            assertThat(number(result, "$.occupancy")).isEqualTo(0.714, within(0.0005));
            assertThat(number(result, "$.averageSpeedOfAnswerSeconds")).isEqualTo(7.8, within(0.05));
        }

        @Test
        void givenAgents_thenWhatTheyAchieve() {
            MvcTestResult result = get("erlang-c", EXAMPLE + "&agents=13", "artland-management");

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat((Integer) read(result, "$.agents")).isEqualTo(13);
            assertThat(number(result, "$.serviceLevel")).isEqualTo(0.7956, within(0.00005));
        }

        @Test
        void givenAnAgent_thenForbidden() {
            assertThat(get("erlang-c", EXAMPLE, "agent1").getResponse().getStatus())
                    .isEqualTo(403);
        }

        @Test
        void givenNothing_thenEveryRequiredFieldIsNamed() {
            Map<String, String> errors = errors(get("erlang-c", "", "supervisor"));

            assertThat(errors)
                    .containsOnlyKeys("calls", "intervalMinutes", "ahtSeconds", "thresholdSeconds", "serviceLevel")
                    .containsEntry("calls", "Bitte angeben.");
        }

        @Test
        void givenNoCalls_thenRejected() {
            assertThat(errors(get("erlang-c", EXAMPLE.replace("calls=100", "calls=0"), "supervisor")))
                    .containsOnlyKeys("calls")
                    .hasEntrySatisfying("calls", m -> assertThat(m).startsWith("Erlaubt sind Werte über 0"));
        }

        @Test
        void givenAnIntervalLongerThanADay_thenRejected() {
            assertThat(errors(get(
                            "erlang-c", EXAMPLE.replace("intervalMinutes=30", "intervalMinutes=1500"), "supervisor")))
                    .containsOnlyKeys("intervalMinutes");
        }

        @Test
        void givenANegativeHandleTime_thenRejected() {
            assertThat(errors(get("erlang-c", EXAMPLE.replace("ahtSeconds=180", "ahtSeconds=-5"), "supervisor")))
                    .containsOnlyKeys("ahtSeconds");
        }

        @Test
        void givenAServiceLevelOfAHundredPercent_thenRejected() {
            assertThat(errors(get("erlang-c", EXAMPLE.replace("serviceLevel=0.8", "serviceLevel=1"), "supervisor")))
                    .containsOnlyKeys("serviceLevel");
        }

        @Test
        void givenAServiceLevelInPercent_thenRejected() {
            assertThat(errors(get("erlang-c", EXAMPLE.replace("serviceLevel=0.8", "serviceLevel=80"), "supervisor")))
                    .containsOnlyKeys("serviceLevel");
        }

        @Test
        void givenANegativeThreshold_thenRejected() {
            assertThat(errors(get(
                            "erlang-c", EXAMPLE.replace("thresholdSeconds=20", "thresholdSeconds=-1"), "supervisor")))
                    .containsOnlyKeys("thresholdSeconds");
        }

        @Test
        void givenShrinkageAboveNinetyPercent_thenRejected() {
            assertThat(errors(get("erlang-c", EXAMPLE.replace("shrinkage=0.3", "shrinkage=0.95"), "supervisor")))
                    .containsOnlyKeys("shrinkage");
        }

        @Test
        void givenAnOccupancyAboveOne_thenRejected() {
            assertThat(errors(get("erlang-c", EXAMPLE + "&maxOccupancy=1.2", "supervisor")))
                    .containsOnlyKeys("maxOccupancy");
        }

        @Test
        void givenAZeroAverageSpeedOfAnswer_thenRejected() {
            assertThat(errors(get("erlang-c", EXAMPLE + "&maxAverageSpeedOfAnswerSeconds=0", "supervisor")))
                    .containsOnlyKeys("maxAverageSpeedOfAnswerSeconds");
        }

        @Test
        void givenNoAgents_thenRejected() {
            assertThat(errors(get("erlang-c", EXAMPLE + "&agents=0", "supervisor")))
                    .containsOnlyKeys("agents");
        }

        @Test
        void givenFewerAgentsThanTheLoad_thenRejectedBecauseTheQueueGrowsWithoutEnd() {
            assertThat(errors(get("erlang-c", EXAMPLE + "&agents=10", "supervisor")))
                    .containsOnlyKeys("agents")
                    .hasEntrySatisfying("agents", m -> assertThat(m).contains("10 Erlang"));
        }

        @Test
        void givenALoadBeyondAHundredThousandAgents_thenRejected() {
            assertThat(errors(get("erlang-c", EXAMPLE.replace("calls=100", "calls=9000000"), "supervisor")))
                    .containsOnlyKeys("calls");
        }

        @Test
        void givenText_thenRejected() {
            assertThat(errors(get("erlang-c", EXAMPLE.replace("calls=100", "calls=viele"), "supervisor")))
                    .containsOnlyKeys("calls");
        }
    }

    @Nested
    class ErlangA {

        @Test
        void givenFourteenAgentsAndFiveMinutesPatience_thenTheLiteratureFigures() {
            MvcTestResult result = get("erlang-a", EXAMPLE + "&agents=14&patienceSeconds=300", "admin");

            assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
            assertThat((Integer) read(result, "$.agents")).isEqualTo(14);
            assertThat(number(result, "$.probabilityOfWait")).isEqualTo(0.1453, within(0.00005));
            assertThat(number(result, "$.probabilityOfAbandon")).isEqualTo(0.0140, within(0.00005));
            assertThat(number(result, "$.serviceLevel")).isEqualTo(0.9168, within(0.00005));
        }

        @Test
        void givenNoAgents_thenTheFewestThatReachTheTarget() {
            MvcTestResult result = get("erlang-a", EXAMPLE + "&patienceSeconds=300", "admin");

            assertThat((Integer) read(result, "$.agents")).isEqualTo(13);
        }

        @Test
        void givenNoPatience_thenRejected() {
            assertThat(errors(get("erlang-a", EXAMPLE + "&agents=14", "admin"))).containsOnlyKeys("patienceSeconds");
        }

        @Test
        void givenZeroPatience_thenRejected() {
            assertThat(errors(get("erlang-a", EXAMPLE + "&agents=14&patienceSeconds=0", "admin")))
                    .containsOnlyKeys("patienceSeconds");
        }
    }
}
