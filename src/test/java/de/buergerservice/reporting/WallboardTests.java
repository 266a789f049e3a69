package de.buergerservice.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;
import de.buergerservice.reporting.internal.Wallboard;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.TelephonySnapshot;
import de.buergerservice.tenancy.TenantDirectory;

/** The wallboard: the live snapshot joined with today's figures, per municipality, scoped to the user. */
@IntegrationTest
class WallboardTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Wallboard wallboard;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                userDetails.loadUserByUsername(username));
    }

    @Test
    void theLiveSnapshotShowsPerMunicipality() {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        UUID oldenburg = tenants.findBySlug("oldenburg").orElseThrow().id();
        Instant since = Instant.now().minusSeconds(42);
        events.publishEvent(new TelephonySnapshot(
                Instant.now(),
                List.of(new TelephonySnapshot.QueueStatus(UUID.randomUUID(), artland, "Artland", 3, 42, since, 1)),
                List.of(
                        agent(AgentState.AVAILABLE, artland, oldenburg),
                        agent(AgentState.TALKING, artland),
                        agent(AgentState.WRAP_UP, artland),
                        agent(AgentState.PAUSED, oldenburg),
                        agent(AgentState.LOGGED_OUT, artland))));
        wallboard.refreshToday();
        Wallboard.View view = wallboard.view(Optional.of(Set.of(artland)));
        assertThat(view.tiles()).hasSize(1);
        Wallboard.Tile tile = view.tiles().get(0);
        assertThat(tile.name()).isEqualTo("Samtgemeinde Artland");
        assertThat(tile.waiting()).isEqualTo(3);
        assertThat(tile.waitingSince()).isEqualTo(since);
        assertThat(tile.longestWaitSeconds()).isGreaterThanOrEqualTo(42);
        assertThat(List.of(tile.available(), tile.talking(), tile.wrapUp(), tile.paused()))
                .containsExactly(1, 1, 1, 0);
        assertThat(tile.thresholdSeconds()).isEqualTo(20);
        assertThat(wallboard.view(Optional.empty()).tiles()).hasSizeGreaterThanOrEqualTo(2);
    }

    static TelephonySnapshot.AgentStatus agent(AgentState state, UUID... tenants) {
        return new TelephonySnapshot.AgentStatus(
                UUID.randomUUID(), "A", state, null, Instant.now(), true, List.of(tenants));
    }

    @Test
    void pageAndStreamForTheSupervisorManagementSeesOnlyItsOwn() {
        MvcTestResult page = mvc.get().uri("/wallboard").with(as("supervisor")).exchange();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(Responses.body(page))
                .contains(
                        "Wallboard",
                        "Samtgemeinde Artland",
                        "Stadt Oldenburg",
                        "Wartende Anrufe",
                        "Service-Level heute",
                        "Erstlösungsquote heute");

        // the stream stays open: take what it sent at once without waiting for its end
        MvcTestResult stream = mvc.get()
                .uri("/wallboard/stream")
                .with(as("artland-management"))
                .asyncExchange();
        assertThat(stream.getResponse().getStatus()).isEqualTo(200);
        String events = Responses.body(stream);
        assertThat(events).contains("event:wallboard", "Samtgemeinde Artland").doesNotContain("Oldenburg");

        MvcTestResult managementPage =
                mvc.get().uri("/wallboard").with(as("artland-management")).exchange();
        assertThat(Responses.body(managementPage)).doesNotContain("Stadt Oldenburg");

        MvcTestResult backOffice =
                mvc.get().uri("/wallboard").with(as("artland-backoffice")).exchange();
        assertThat(backOffice.getResponse().getStatus()).isEqualTo(403);
    }
}
