package de.buergerservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.knowledge.internal.OverrideData;
import de.buergerservice.knowledge.internal.OverrideEditing;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * What the knowledge base publishes shows on the portal at once, although pages are served from memory: a change
 * waiting for the second pair of eyes (a working copy) never shows, the approved change does — on the page and in
 * the feed, with a new ETag — without any rebuild step.
 */
@IntegrationTest
class PortalCacheTests {

    static final String NEW_DEADLINE = "Anmeldung spätestens zehn Tage vor dem Abholtermin (Portal-Test).";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    KnowledgeCatalog catalog;

    @Autowired
    OverrideEditing overrides;

    @Autowired
    UserDetailsService users;

    void as(String username, Runnable work) {
        UserDetails user = users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    String body(String uri) {
        return Responses.body(mvc.get().uri(uri).exchange());
    }

    /** Polls briefly: the cache hears of the commit from an event listener run after it. */
    void eventually(Runnable check) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void approvedChangeShowsAtOnceAndAWorkingCopyNever() throws InterruptedException {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        ServiceView waste = catalog.list(artland, Audience.PUBLIC).stream()
                .filter(s -> s.title().equals("Sperrmüll anmelden"))
                .findFirst()
                .orElseThrow();
        String page = "/artland/leistungen/" + waste.id();
        String feed = "/api/public/v1/artland/services/" + waste.id();
        MvcTestResult before = mvc.get().uri(page).exchange();
        String etag = before.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(Responses.body(before)).doesNotContain(NEW_DEADLINE);
        assertThat(body(feed)).doesNotContain(NEW_DEADLINE);

        OverrideData change = new OverrideData(
                null, null, null, null, null, null, null, NEW_DEADLINE, null, null, null, null, null, null, null, null);
        as("editor", () -> overrides.setOverride("artland", waste.id(), change));
        // under the four-eyes rule the change waits: citizens still read what is in force
        assertThat(body(page)).doesNotContain(NEW_DEADLINE);
        assertThat(body(feed)).doesNotContain(NEW_DEADLINE);
        try {
            as("admin", () -> overrides.approveOverride("artland", waste.id()));
            eventually(() -> assertThat(body(page)).contains(NEW_DEADLINE));
            eventually(() -> assertThat(body(feed)).contains(NEW_DEADLINE));
            assertThat(mvc.get().uri(page).header(HttpHeaders.IF_NONE_MATCH, etag))
                    .as("the old ETag no longer matches")
                    .hasStatusOk();
        } finally {
            as("editor", () -> overrides.removeOverride("artland", waste.id()));
            as("admin", () -> overrides.approveOverride("artland", waste.id()));
        }
        eventually(() -> assertThat(body(page)).doesNotContain(NEW_DEADLINE));
    }
}
