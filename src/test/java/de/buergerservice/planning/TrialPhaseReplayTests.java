package de.buergerservice.planning;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.planning.internal.TrialPhaseReplay;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The trial phase replayed for one day (the whole six months run in the background of the demo, not in tests):
 * the day's calls reach telephony's log, the contact module makes and the replay documents their contacts, reporting
 * counts them for Artland's agreement — and replaying the day again adds nothing.
 */
@IntegrationTest
class TrialPhaseReplayTests {

    static final LocalDate DAY = LocalDate.of(2011, 1, 10); // a Monday

    @Autowired
    TrialPhaseReplay replay;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TenantDirectory tenants;

    long contactsOfTheDay(String state) {
        return jdbc.queryForObject(
                "select count(*) from contact where call_id like 'trial-20110110-%' and state = ?", Long.class, state);
    }

    @Test
    void givenADayReplayed_thenItsCallsAreDocumentedContacts_andReportingCountsThem_andAgainAddsNothing()
            throws Exception {
        replay.replay(DAY, DAY);
        long documented = contactsOfTheDay("DOCUMENTED");
        assertThat(documented).isBetween(80L, 200L);
        assertThat(contactsOfTheDay("OPEN")).isZero();
        long events = jdbc.queryForObject(
                "select count(*) from call_event where call_id like 'trial-20110110-%'", Long.class);

        assertThat(replay.replay(DAY, DAY)).isZero();
        assertThat(contactsOfTheDay("DOCUMENTED")).isEqualTo(documented);
        assertThat(jdbc.queryForObject(
                        "select count(*) from call_event where call_id like 'trial-20110110-%'", Long.class))
                .isEqualTo(events);

        String agreement = tenants
                .agreementsFor(tenants.findBySlug("artland").orElseThrow().id())
                .stream()
                .filter(a -> a.startDate().equals(LocalDate.of(2010, 11, 1)))
                .findFirst()
                .orElseThrow()
                .id()
                .toString();
        String uri = "/api/v1/reports/kpis?agreement=" + agreement + "&from=2011-01-10&to=2011-01-10&interval=day";
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        String report = body(
                mvc.get().uri(uri).with(httpBasic("artland-management", "demo")).exchange());
        while (((Number) JsonPath.read(report, "$.total.offered")).longValue() == 0
                || JsonPath.read(report, "$.total.firstContactResolutionRate") == null) {
            assertThat(Instant.now()).as("reporting counted the day").isBefore(until);
            Thread.sleep(200);
            report = body(mvc.get()
                    .uri(uri)
                    .with(httpBasic("artland-management", "demo"))
                    .exchange());
        }
        double asa = ((Number) JsonPath.read(report, "$.total.averageSpeedOfAnswerSeconds")).doubleValue();
        double fcr = ((Number) JsonPath.read(report, "$.total.firstContactResolutionRate")).doubleValue();
        System.out.println("trial day " + DAY + ": ASA " + asa + " s, FCR " + fcr);
        assertThat(((Number) JsonPath.read(report, "$.total.offered")).longValue())
                .isGreaterThanOrEqualTo(documented);
        assertThat(asa).isBetween(1.0, 40.0);
        assertThat(fcr).isBetween(0.45, 0.85);
        List<String> states = jdbc.queryForList(
                "select distinct documented_by from contact where call_id like 'trial-20110110-%'", String.class);
        assertThat(states).containsExactly("Testphase (Simulation)");
    }
}
