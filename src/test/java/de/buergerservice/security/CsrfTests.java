package de.buergerservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import de.buergerservice.IntegrationTest;
import de.buergerservice.security.EndpointAccessTests.Caller;
import de.buergerservice.security.Endpoints.Endpoint;

/**
 * CSRF on every state change: each non-GET endpoint, called with a browser session (signed in as a caller the
 * access table lets in, or anonymously where it is public) but without the CSRF token, is refused with 403 — the
 * same request with the token gets through (see {@link EndpointAccessTests}). Exempt by design: requests that
 * carry their own credentials (HTTP Basic, API tokens, OIDC bearer tokens), which another site's page cannot
 * forge, and the public feed API under {@code /api/public/}, which no session authenticates.
 */
@IntegrationTest
class CsrfTests {

    static final Set<String> EXEMPT_PREFIXES = Set.of("/api/public/");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserDetailsService accounts;

    static boolean exempt(Endpoint endpoint) {
        return EXEMPT_PREFIXES.stream().anyMatch(endpoint.pattern()::startsWith);
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangeNeedsTheToken() {
        return Endpoints.of(mappings).all().stream()
                .filter(Endpoint::isWrite)
                .filter(endpoint -> !exempt(endpoint))
                .map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
                    String entry = EndpointAccessTests.EXPECTED.getOrDefault(endpoint.toString(), "ADMIN");
                    Caller caller = EndpointAccessTests.allowed(entry).stream()
                            .filter(c -> c != Caller.ANONYMOUS)
                            .findFirst()
                            .orElse(Caller.ANONYMOUS);
                    var request = mvc.method(endpoint.method())
                            .uri(endpoint.uri("zz-unbekannt", java.util.Map.of()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}");
                    if (entry.equals(EndpointAccessTests.PUBLIC)) {
                        caller = Caller.ANONYMOUS;
                    } else {
                        request = request.with(user(accounts.loadUserByUsername(caller.username)));
                    }
                    MvcTestResult result = request.exchange();
                    assertThat(result.getResponse().getStatus())
                            .as(endpoint + " without CSRF token as " + caller)
                            .isEqualTo(403);
                }));
    }

    @Test
    void givenLoginWithoutToken_thenRefused() {
        assertThat(mvc.post().uri("/login").param("username", "admin").param("password", "demo"))
                .hasStatus(403);
    }

    @Test
    void givenBasicAuthenticatedApiCall_thenNoTokenNeeded() {
        assertThat(mvc.post()
                        .uri("/api/v1/users")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(400);
    }

    @Test
    void givenSessionAuthenticatedApiCall_thenTheTokenIsNeeded() {
        var admin = accounts.loadUserByUsername("admin");
        assertThat(mvc.post()
                        .uri("/api/v1/users")
                        .with(user(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/api/v1/users")
                        .with(user(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(400);
    }
}
