package de.buergerservice.tenancy;

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

/** Cooperation agreements: the model case as demo data, and the inputs the API refuses. */
@IntegrationTest
class AgreementApiTests {

    @Autowired
    MockMvcTester mvc;

    String serviceCenterId() {
        return read(
                mvc.get()
                        .uri("/api/v1/service-centers")
                        .with(httpBasic("admin", "demo"))
                        .exchange(),
                "$[0].id");
    }

    String agreement(String startDate, String trialPhaseEnd, String price) {
        return """
                {"serviceCenterId": "%s", "clientTenant": "artland", "channels": ["WEB"],
                 "startDate": "%s", "trialPhaseEnd": "%s",
                 "serviceLevelTarget": {"percent": 80, "withinSeconds": 20},
                 "targetAverageWaitSeconds": 20, "targetFirstContactResolutionPercent": 65,
                 "pricePerContact": %s, "status": "TRIAL"}
                """.formatted(serviceCenterId(), startDate, trialPhaseEnd, price);
    }

    MvcTestResult post(String body) {
        return mvc.post()
                .uri("/api/v1/agreements")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void givenDemoData_thenArtlandAgreementOfTheModelCase() {
        MvcTestResult agreements = mvc.get()
                .uri("/api/v1/tenants/artland/agreements")
                .with(httpBasic("artland-management", "demo"))
                .exchange();
        assertThat(agreements).hasStatusOk();
        List<Map<String, Object>> modelCase = read(agreements, "$[?(@.startDate == '2010-11-01')]");
        assertThat(modelCase).singleElement().satisfies(agreement -> {
            assertThat(agreement)
                    .containsEntry("trialPhaseEnd", "2011-04-30")
                    .containsEntry("pricePerContact", 1.85)
                    .containsEntry("channels", List.of("PHONE"));
            assertThat(agreement.get("serviceCenter").toString()).contains("ServiceCenter der Stadt Oldenburg");
        });
    }

    @Test
    void givenValidAgreement_thenCreatedWithExactPrice() {
        MvcTestResult created = post(agreement("2027-01-01", "2027-06-30", "2.05"));
        assertThat(created)
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.pricePerContact")
                .isEqualTo(2.05);
    }

    @Test
    void givenTrialEndBeforeStart_thenProblemNamesTheField() {
        assertThat(post(agreement("2027-01-01", "2026-12-31", "1.00")))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("trialPhaseEnd");
    }

    @Test
    void givenNegativePrice_thenProblemNamesTheField() {
        MvcTestResult result = post(agreement("2027-01-01", "2027-06-30", "-0.50"));
        assertThat(result)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("pricePerContact");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .isEqualTo("Der Preis darf nicht negativ sein.");
    }

    @Test
    void givenPriceWithThreeDecimals_thenRejected() {
        assertThat(post(agreement("2027-01-01", "2027-06-30", "1.855")))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("pricePerContact");
    }

    @Test
    void givenServiceLevelAbove100Percent_thenProblemNamesTheNestedField() {
        assertThat(post(agreement("2027-01-01", "2027-06-30", "1.00").replace("\"percent\": 80", "\"percent\": 120")))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("serviceLevelTarget.percent");
    }

    @Test
    void givenUnknownClient_thenProblemNamesTheField() {
        assertThat(post(agreement("2027-01-01", "2027-06-30", "1.00").replace("\"artland\"", "\"atlantis\"")))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("clientTenant");
    }

    @Test
    void givenAgent_thenAgreementsAreNotTheirBusiness() {
        assertThat(mvc.get().uri("/api/v1/agreements").with(httpBasic("agent1", "demo")))
                .hasStatus(403);
    }
}
