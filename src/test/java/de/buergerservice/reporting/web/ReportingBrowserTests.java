package de.buergerservice.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

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
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The wallboard and the report page in a real browser: a call offered to the switchboard (the product's own path,
 * as the agent desktop's browser test does) reaches the wallboard's tile through its server-sent events without a
 * reload, and the report page shows its figures and the per-agent table.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    QueueService queues;

    @Autowired
    Switchboard switchboard;

    @Autowired
    TenantDirectory tenants;

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
    void givenWallboard_whenACallIsOffered_thenItsTileCountsItLive_andTheReportPageShowsFigures() {
        var artland = queues.list().stream()
                .filter(q -> q.name().equals("Samtgemeinde Artland"))
                .findFirst()
                .orElseThrow();
        UUID tenant = tenants.findBySlug("artland").orElseThrow().id();
        Browser.signIn(browser, port, "supervisor");
        browser.get("http://127.0.0.1:" + port + "/wallboard");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        By waiting = By.cssSelector("section.tile[data-tenant='" + tenant + "'] .waiting");
        wait.until(ExpectedConditions.visibilityOfElementLocated(waiting));
        int before = Integer.parseInt(browser.findElement(waiting).getText().trim());
        String callId = "browser-wallboard-" + UUID.randomUUID();
        switchboard.offer(callId, artland.id());
        try {
            wait.until(ExpectedConditions.textToBe(waiting, String.valueOf(before + 1)));
        } finally {
            switchboard.abandon(callId);
        }
        wait.until(ExpectedConditions.textToBe(waiting, String.valueOf(before)));
        assertThat(Browser.consoleErrors(browser)).isEmpty();

        String agreement = tenants.agreementsFor(tenant).get(0).id().toString();
        browser.get("http://127.0.0.1:" + port + "/reports?agreement=" + agreement);
        Browser.expectHeading(browser, "Bericht");
        assertThat(browser.findElement(By.id("targets")).getText()).contains("80 % in 20 s");
        assertThat(browser.findElement(By.id("months")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("agents")).getText())
                .contains("Auslastung", "Kontakte je angemeldeter Stunde");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
