package de.buergerservice.planning.web;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/** The what-if page: the form, its German field errors, a run followed to its table and chart, who may use it. */
@IntegrationTest
class PlanningPageTests {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult submit(String target, String profile) {
        return mvc.post()
                .uri("/planning")
                .with(user("supervisor").roles("SUPERVISOR"))
                .with(csrf())
                .param("name", "Neuland")
                .param("callsPerDay", "1200")
                .param("ahtSeconds", "180")
                .param("wrapUpSeconds", "10")
                .param("target", target)
                .param("shrinkage", "0.3")
                .param("patienceSeconds", "300")
                .param("days", "3")
                .param("seed", "1")
                .param("profile", profile)
                .exchange();
    }

    @Test
    void givenASupervisor_thenTheFormWithLabels() {
        MvcTestResult page = mvc.get()
                .uri("/planning")
                .with(user("supervisor").roles("SUPERVISOR"))
                .exchange();

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(page))
                .contains("Kapazitätsplanung")
                .contains("<label for=\"target\">Ziel (Servicelevel/Sekunden)</label>")
                .contains("value=\"90/20\"");
    }

    @Test
    void givenAWrongTarget_thenTheMessageAtTheField() {
        MvcTestResult page = submit("neunzig", "");

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(page)).contains("Bitte als Servicelevel/Sekunden angeben, z. B. 80/20.");
    }

    @Test
    void givenAShortProfile_thenTheMessageAtTheField() {
        assertThat(body(submit("90/20", "1, 2, 3"))).contains("Bitte 48 Gewichte (je halbe Stunde) angeben");
    }

    @Test
    void givenAValidMunicipality_thenTheResultPageShowsTheTableWhenDone() throws Exception {
        MvcTestResult started = submit("90/20", "");
        assertThat(started.getResponse().getStatus()).isEqualTo(302);
        String location = started.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/planning/simulations/");

        String page = "";
        for (int i = 0; i < 300 && !page.contains("<table"); i++) {
            Thread.sleep(100);
            page = body(mvc.get()
                    .uri(location)
                    .with(user("supervisor").roles("SUPERVISOR"))
                    .exchange());
        }
        assertThat(page)
                .contains("Je halbe Stunde")
                .contains("08:00")
                .contains("<svg")
                .contains("Servicelevel");
        String fragment = body(mvc.get()
                .uri(location + "/progress")
                .with(user("supervisor").roles("SUPERVISOR"))
                .exchange());
        assertThat(fragment).contains("id=\"result\"").doesNotContain("hx-trigger");
    }

    @Test
    void givenAnAgent_thenForbidden() {
        assertThat(mvc.get()
                        .uri("/planning")
                        .with(user("agent1").roles("AGENT"))
                        .exchange()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
