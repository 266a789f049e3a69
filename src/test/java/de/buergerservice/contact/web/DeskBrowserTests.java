package de.buergerservice.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import de.buergerservice.Browser;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.TelephonyAgents;
import de.buergerservice.telephony.TestPhone;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.sip.SipServer;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The whole path in Debian's Chromium: agent1 signs in to the desk, a citizen's SIP phone calls Artland's number,
 * the real ACD rings agent1's SIP phone, the screen pop shows Artland's greeting (server-sent events), the agent
 * searches "Perso verloren" with the keyboard, opens the ID-card service, takes it as concern, documents
 * {@code RESOLVED} — and the stored contact is {@code DOCUMENTED} with that concern and the caller's number from
 * the INVITE. The clock stands on a Wednesday morning, when Artland is open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DeskBrowserTests.WednesdayMorning.class)
class DeskBrowserTests {

    static final String ARTLAND = "+4954311820";
    static final String CITIZEN = "+4954319991234";

    @TestConfiguration
    static class WednesdayMorning {
        @Bean
        @Primary
        Clock wednesdayMorning() {
            Instant target =
                    ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, BerlinTime.ZONE).toInstant();
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SipServer sip;

    @Autowired
    AgentService agents;

    @Autowired
    TelephonyAgents telephonyAgents;

    @Autowired
    UserDirectory users;

    @Autowired
    KnowledgeCatalog knowledge;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void givenCallToArtland_thenPopKnowledgeAndDocumentationByKeyboard() throws Exception {
        Browser.signIn(browser, port, "agent1");
        browser.get("http://127.0.0.1:" + port + "/desk");
        Browser.expectHeading(browser, "Arbeitsplatz");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-desk-live")));

        UUID agent1 = telephonyAgents
                .agentOfUser(users.findByUsername("agent1").orElseThrow().id())
                .orElseThrow();
        String name = users.findByUsername("agent1").orElseThrow().displayName();
        try (TestPhone phone = new TestPhone("agent1", "127.0.0.1", sip.port());
                TestPhone citizen = new TestPhone(CITIZEN, "127.0.0.1", sip.port())) {
            assertThat(phone.register("demo", 300)).isEqualTo(200);
            agents.requestState(agent1, AgentState.AVAILABLE, null);
            citizen.call(ARTLAND);
            assertThat(phone.awaitRequest(Request.INVITE, 10))
                    .as("agent1's phone rings")
                    .isNotNull();

            // the screen pop while the phone rings (the issue asks for 1 s; the wait allows for a loaded machine)
            WebElement greeting = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pop-greeting")));
            assertThat(greeting.getText())
                    .isEqualTo("Samtgemeinde Artland, ServiceCenter, guten Tag, mein Name ist " + name);
            assertThat(browser.findElement(By.id("pop-tenant")).getText()).isEqualTo("Samtgemeinde Artland");
            assertThat(browser.findElement(By.id("pop-caller")).getText()).isEqualTo(CITIZEN);
            assertThat(browser.findElement(By.id("pop-open")).getText()).contains("jetzt geöffnet");

            phone.answer();
            Response ok = citizen.awaitResponse(Response.OK, 10);
            assertThat(ok).isNotNull();
            citizen.ack(ok);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("documentation")));

            // keyboard only: type the search, arrow down to the hit, Enter opens the answer, Enter takes it
            WebElement search = browser.findElement(By.id("q"));
            search.click();
            search.sendKeys("Perso verloren");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hits"), "Personalausweis"));
            search.sendKeys(Keys.ARROW_DOWN);
            WebElement hit = browser.switchTo().activeElement();
            assertThat(hit.getText()).contains("Personalausweis");
            hit.sendKeys(Keys.ENTER);
            WebElement take = wait.until(ExpectedConditions.elementToBeClickable(By.id("take-concern")));
            assertThat(browser.findElement(By.id("answer-title")).getText()).contains("Personalausweis");
            take.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("concern-title"), "Personalausweis"));
            WebElement outcome = browser.switchTo().activeElement();
            assertThat(outcome.getDomAttribute("value")).isEqualTo("RESOLVED");
            outcome.sendKeys(Keys.SPACE);
            browser.findElement(By.id("save-documentation")).sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".notice"), "Kontakt dokumentiert."));
            citizen.bye();
        }

        UUID idCard = knowledge.list(tenants.findBySlug("artland").orElseThrow().id(), Audience.STAFF).stream()
                .filter(s -> s.title().contains("Personalausweis"))
                .findFirst()
                .orElseThrow()
                .id();
        Map<String, Object> contact = jdbc.queryForMap(
                "select state, outcome, service_id, caller_number, channel from contact where caller_number = ?",
                CITIZEN);
        assertThat(contact)
                .containsEntry("state", "DOCUMENTED")
                .containsEntry("outcome", "RESOLVED")
                .containsEntry("channel", "PHONE")
                .containsEntry("service_id", idCard);
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
