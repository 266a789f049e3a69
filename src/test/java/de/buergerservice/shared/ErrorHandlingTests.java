package de.buergerservice.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;

/**
 * How the product answers what it cannot serve: problem+json for API clients, German pages for browsers,
 * and the security rules around both (authentication, CSRF, headers, actuator).
 */
@IntegrationTest
class ErrorHandlingTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void givenNoCredentials_thenApiAnswers401ProblemWithChallenge() {
        assertThat(mvc.get().uri("/api/v1/tenants"))
                .hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("WWW-Authenticate", "Basic realm=\"Buergerservice\"")
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Anmeldung erforderlich");
    }

    @Test
    void givenWrongPassword_thenApiAnswers401() {
        assertThat(mvc.get().uri("/api/v1/tenants").with(httpBasic("admin", "falsch")))
                .hasStatus(401);
    }

    @Test
    void givenAnonymousBrowser_thenRedirectedToGermanLogin() {
        assertThat(mvc.get().uri("/admin/tenants").accept(MediaType.TEXT_HTML))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .endsWith("/login");
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("Anmelden beim Bürgerservice");
    }

    @Test
    void givenSessionUserWithoutCsrfToken_thenApiWriteIsRefused() {
        assertThat(mvc.post()
                        .uri("/api/v1/service-centers")
                        .with(user("admin").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Neu\"}"))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/api/v1/service-centers")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"\"}"))
                .hasStatus(400);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        assertThat(mvc.get().uri("/login"))
                .hasStatusOk()
                .hasHeader("X-Frame-Options", "DENY")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("Referrer-Policy", "same-origin")
                .headers()
                .hasHeaderSatisfying("Content-Security-Policy", values -> assertThat(values.get(0))
                        .contains("script-src 'self'", "frame-ancestors 'none'"));
    }

    @Test
    void healthIsPublicMetricsAreForAdministrators() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic("agent1", "demo")))
                .hasStatus(403);
        assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic("admin", "demo")))
                .hasStatusOk()
                .bodyText()
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void givenLanguageSwitch_thenEnglishPages() {
        assertThat(mvc.get().uri("/login?lang=en")).hasStatusOk().bodyText().contains("Sign in to Bürgerservice");
    }
}
