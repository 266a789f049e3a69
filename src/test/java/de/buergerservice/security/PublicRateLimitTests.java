package de.buergerservice.security;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.buergerservice.IntegrationTest;
import de.buergerservice.shared.web.PublicRateLimit;

/**
 * Rate limits of the public endpoints ({@link PublicRateLimit}, rules in application.properties): a client over its
 * limit gets 429 with Retry-After and problem+json (the German error page in a browser); other clients are not
 * affected, and X-Forwarded-For from an untrusted client buys no fresh bucket. Each test has its own client address.
 */
@IntegrationTest
class PublicRateLimitTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PublicRateLimit limits;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    MvcTestResult search(String address, MediaType accept) {
        return mvc.get()
                .uri("/artland/suche?q=Ausweis")
                .accept(accept)
                .with(from(address))
                .exchange();
    }

    @Test
    void givenSixtySearchesAMinute_thenThe61stIsRefusedWith429() {
        String address = "198.19.1.1";
        for (int i = 0; i < 60; i++) {
            assertThat(search(address, MediaType.TEXT_HTML)).hasStatus(200);
        }
        MvcTestResult refused = search(address, MediaType.APPLICATION_JSON);
        assertThat(refused).hasStatus(429);
        assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After")))
                .isBetween(1L, 60L);
        assertThat(body(refused)).contains("Zu viele Anfragen");
        // a person in a browser gets the error page (Tomcat's error dispatch, not part of MockMvc)
        MvcTestResult page = search(address, MediaType.TEXT_HTML);
        assertThat(page).hasStatus(429);
        assertThat(page.getResponse().getHeader("Retry-After")).isNotNull();
        // another citizen searches on
        assertThat(search("198.19.1.2", MediaType.TEXT_HTML)).hasStatus(200);
    }

    @Test
    void givenForwardedForFromAnUntrustedClient_thenItCountsAsTheSameClient() {
        String address = "198.19.2.1";
        for (int i = 0; i < 60; i++) {
            mvc.get()
                    .uri("/artland/suche?q=Pass")
                    .header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .with(from(address))
                    .exchange();
        }
        assertThat(mvc.get()
                        .uri("/artland/suche?q=Pass")
                        .header("X-Forwarded-For", "203.0.113.200")
                        .with(from(address)))
                .hasStatus(429);
    }

    @Test
    void givenTheApplicationEndpoints_thenTheyAreLimitedByConfiguration() {
        assertThat(limits.rulesFor("GET", "/artland/suche")).containsExactly("portal-search");
        assertThat(limits.rulesFor("POST", "/api/public/v1/artland/forms/gewerbe/submissions"))
                .containsExactly("submit");
        assertThat(limits.rulesFor("GET", "/api/public/v1/artland/submissions/AB12-CD34"))
                .containsExactly("tracking");
        assertThat(limits.rulesFor("POST", "/artland/antragsstatus")).containsExactly("tracking");
        assertThat(limits.rulesFor("POST", "/artland/antraege/hund-anmelden/absenden"))
                .containsExactly("submit");
        assertThat(limits.rulesFor("POST", "/artland/antragsstatus/vorgang")).containsExactly("submit");
        assertThat(limits.rulesFor("POST", "/artland/antraege/hund-anmelden")).isEmpty(); // a step of the form
        assertThat(limits.rulesFor("POST", "/artland/kontakt")).isEmpty(); // ContactRateLimit has its own
        assertThat(limits.rulesFor("GET", "/artland/leistungen")).isEmpty();
    }
}
