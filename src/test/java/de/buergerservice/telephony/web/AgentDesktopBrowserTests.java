package de.buergerservice.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
        browser.findElement(By.xpath("//button[text()='Anmelden']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("agent-state"), "Frei"));

        var agentId = agents.ofUser(users.findByUsername("agent1").orElseThrow().id())
                .orElseThrow()
                .id();
        agents.requestState(agentId, AgentState.PAUSED, "Schulung");
        wait.until(ExpectedConditions.textToBe(By.id("agent-state"), "Pause"));
        wait.until(ExpectedConditions.textToBe(By.id("agent-reason"), "Schulung"));

        browser.findElement(By.xpath("//button[text()='Abmelden' and @class='button']"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("agent-state"), "Abgemeldet"));
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
