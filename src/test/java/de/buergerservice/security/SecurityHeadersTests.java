package de.buergerservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/**
 * Security headers on a page of every module and on the API: a Content-Security-Policy without inline script or
 * style and with {@code frame-ancestors 'none'}, nosniff, Referrer-Policy, X-Frame-Options; HSTS only on a request
 * that came over TLS. Sessions: 30 minutes idle timeout (the new id at login: LiveServerSecurityTests).
 */
@IntegrationTest
class SecurityHeadersTests {

    /** A page of each module, with a user who may see it. */
    static final String[][] PAGES = {
        {"/login", null},
        {"/", "admin"},
        {"/admin/tenants", "admin"},
        {"/admin/users", "admin"},
        {"/knowledge", "editor"},
        {"/telephony", "agent1"},
        {"/desk", "agent1"},
        {"/backoffice", "artland-backoffice"},
        {"/reports", "supervisor"},
        {"/wallboard", "supervisor"},
        {"/planning", "supervisor"},
        {"/artland/", null},
        {"/api/public/v1/artland/services", null},
        {"/api/v1/me", "admin"},
    };

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    Environment environment;

    MvcTestResult get(String path, String username, boolean secure) {
        var request = mvc.get().uri(path).secure(secure).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON);
        if (username != null) {
            request = request.with(user(accounts.loadUserByUsername(username)));
        }
        return request.exchange();
    }

    @TestFactory
    Stream<DynamicTest> everyModuleSendsTheHeaders() {
        return Stream.of(PAGES)
                .map(page -> DynamicTest.dynamicTest(page[0], () -> {
                    MvcTestResult result = get(page[0], page[1], false);
                    assertThat(result.getResponse().getStatus()).as(page[0]).isEqualTo(200);
                    var response = result.getResponse();
                    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
                    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
                    assertThat(response.getHeader("Strict-Transport-Security"))
                            .as("no HSTS over plain HTTP")
                            .isNull();
                    if (!page[0].startsWith("/api/")) {
                        String csp = response.getHeader("Content-Security-Policy");
                        assertThat(csp)
                                .as(page[0])
                                .contains(
                                        "script-src 'self'",
                                        "style-src 'self'",
                                        "frame-ancestors 'none'",
                                        "object-src 'none'",
                                        "base-uri 'self'",
                                        "form-action 'self'")
                                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
                        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
                    }
                }));
    }

    @Test
    void givenRequestOverTls_thenHsts() {
        for (String[] page : PAGES) {
            assertThat(get(page[0], page[1], true).getResponse().getHeader("Strict-Transport-Security"))
                    .as(page[0])
                    .contains("max-age=31536000");
        }
    }

    @Test
    void sessionsEndAfterThirtyIdleMinutes() {
        assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class))
                .isTrue();
        assertThat(environment.getProperty("server.servlet.session.cookie.same-site"))
                .isEqualTo("lax");
    }
}
