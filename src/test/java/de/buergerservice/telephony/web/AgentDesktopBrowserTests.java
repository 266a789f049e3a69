package de.buergerservice.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.buergerservice.Browser;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.TestPhone;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.telephony.internal.sip.SipServer;

/**
 * The agent desktop in a real browser: the state badge follows the switchboard live (server-sent events, no
 * reload), the buttons work, and no script is blocked by the Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgentDesktopBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentService agents;

    @Autowired
    UserDirectory users;

    @Autowired
    SipServer sip;

    @Autowired
    QueueService queues;

    @Autowired
    Switchboard switchboard;

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
    void givenAgentDesktop_whenStateChangesElsewhere_thenBadgeFollowsLive() throws Exception {
        Browser.signIn(browser, port, "agent1");
        browser.get("http://127.0.0.1:" + port + "/telephony");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Telefonie"));

        // only an agent with a registered phone can be "Frei"
        try (TestPhone phone = new TestPhone("agent1", "127.0.0.1", sip.port())) {
            assertThat(phone.register("demo", 300)).isEqualTo(200);
            try {
                followsLive(wait);
            } finally {
                phone.unregister("demo");
            }
        }
    }

    void followsLive(WebDriverWait wait) {
        browser.findElement(By.id("take-calls")).click();
        wait.until(ExpectedConditions.textToBe(By.id("agent-state"), "Frei"));

        var agentId = agents.ofUser(users.findByUsername("agent1").orElseThrow().id())
                .orElseThrow()
                .id();
        agents.requestState(agentId, AgentState.PAUSED, "Schulung");
        wait.until(ExpectedConditions.textToBe(By.id("agent-state"), "Pause"));
        wait.until(ExpectedConditions.textToBe(By.id("agent-reason"), "Schulung"));

        assertThat(browser.findElement(By.id("take-calls")).getText()).isEqualTo("Anrufe annehmen");
        assertThat(browser.findElement(By.id("stop-calls")).getText())
                .isEqualTo("Keine Anrufe mehr (abmelden vom Telefondienst)");
        assertThat(browser.findElement(By.cssSelector(".usermenu button")).getText())
                .isEqualTo("Aus Bürgerservice abmelden");
        assertThat(browser.findElement(By.id("phone-status")).getText())
                .startsWith("Telefon angemeldet – Sie erhalten keine Anrufe");
        browser.findElement(By.id("stop-calls")).click();
        wait.until(ExpectedConditions.textToBe(By.id("agent-state"), "Abgemeldet"));

        // the phone registers while the page is open: the desktop says so without a reload
        switchboard.phoneRegistered(agentId, true);
        try {
            wait.until(ExpectedConditions.textToBe(
                    By.id("phone-status"),
                    "Telefon angemeldet – Sie erhalten keine Anrufe, bis Sie „Anrufe annehmen“ wählen."));
        } finally {
            switchboard.phoneRegistered(agentId, false);
        }
        wait.until(
                ExpectedConditions.textMatches(By.id("phone-status"), Pattern.compile("^Kein Telefon angemeldet.*")));
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /**
     * Nothing changes in the switchboard while a call just waits, so no snapshot is sent: the longest wait must
     * count up in the page by itself (it stood at 0 while the API said 18 s).
     */
    @Test
    void givenWaitingCall_whenNothingElseHappens_thenLongestWaitCountsUp() {
        var artland = queues.list().stream()
                .filter(q -> q.name().equals("Samtgemeinde Artland"))
                .findFirst()
                .orElseThrow();
        Browser.signIn(browser, port, "supervisor");
        browser.get("http://127.0.0.1:" + port + "/telephony");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(8));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Telefonie"));
        By longest = By.cssSelector("[data-queue-id='" + artland.id() + "'] .longest");
        By waiting = By.cssSelector("[data-queue-id='" + artland.id() + "'] .waiting");
        String callId = "browser-wait-" + UUID.randomUUID();
        switchboard.offer(callId, artland.id());
        try {
            wait.until(ExpectedConditions.textToBe(waiting, "1"));
            wait.until(d -> Integer.parseInt(d.findElement(longest).getText()) >= 3);
        } finally {
            switchboard.abandon(callId);
        }
        wait.until(ExpectedConditions.textToBe(waiting, "0"));
        wait.until(ExpectedConditions.textToBe(longest, "0"));
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /** A supervisor keeps the agents on pages: a mistake is shown at its field, the fix saves, delete asks first. */
    @Test
    void givenSupervisor_whenCreatingAnAgentWithAMistake_thenFixesItOnThePage() {
        Browser.signIn(browser, port, "supervisor");
        browser.get("http://127.0.0.1:" + port + "/telephony");
        Browser.expectHeading(browser, "Telefonie");
        browser.findElement(By.linkText("Agenten verwalten")).click();
        Browser.expectHeading(browser, "Agenten verwalten");
        browser.findElement(By.linkText("Neu anlegen")).click();
        Browser.expectHeading(browser, "Neuer Agent");

        browser.findElement(By.id("displayName")).sendKeys("Browser Bea");
        browser.findElement(By.id("sipUser")).sendKeys("browser-bea");
        browser.findElement(By.id("password")).sendKeys("abc");
        new Select(browser.findElement(By.id("skills0.tenant"))).selectByVisibleText("Samtgemeinde Artland");
        new Select(browser.findElement(By.id("skills0.level"))).selectByVisibleText("3");
        browser.findElement(By.cssSelector("button.primary")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(8));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector(".field.invalid .field-error")))
                        .getText())
                .isEqualTo("Das SIP-Passwort muss 4 bis 200 Zeichen lang sein.");
        assertThat(new Select(browser.findElement(By.id("skills0.tenant")))
                        .getFirstSelectedOption()
                        .getText())
                .as("the skill row is kept")
                .isEqualTo("Samtgemeinde Artland");
        browser.findElement(By.id("password")).sendKeys("geheim");
        browser.findElement(By.cssSelector("button.primary")).click();

        Browser.expectHeading(browser, "Agenten verwalten");
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText())
                .isEqualTo("Gespeichert.");
        assertThat(browser.findElement(By.id("agent-list")).getText())
                .contains("Browser Bea", "browser-bea", "Samtgemeinde Artland (allgemein, Stufe 3)");

        browser.findElement(By.xpath("//tr[td[text()='Browser Bea']]//button[contains(@class,'danger')]"))
                .click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice.success"), "Gelöscht."));
        assertThat(agents.credential("browser-bea")).isEmpty();
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
