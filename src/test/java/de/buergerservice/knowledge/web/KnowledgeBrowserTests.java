package de.buergerservice.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.buergerservice.Browser;

/**
 * The editor in a real browser: opens a service of Artland, changes it with the form (and its toolbar) and finds
 * the new version with its diff in the history — with no script blocked by the Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KnowledgeBrowserTests {

    @LocalServerPort
    int port;

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

    void expectHeading(String text) {
        Browser.expectHeading(browser, text);
    }

    @Test
    void editorChangesAServiceAndSeesTheNewVersion() {
        Browser.signIn(browser, port, "editor");
        expectHeading("Willkommen, editor");

        browser.findElement(By.linkText("Wissen")).click();
        browser.findElement(By.linkText("Samtgemeinde Artland")).click();
        expectHeading("Leistungen");
        browser.findElement(By.linkText("Führungszeugnis beantragen")).click();
        expectHeading("Führungszeugnis beantragen");
        browser.findElement(By.linkText("Bearbeiten")).click();
        expectHeading("Leistung bearbeiten");

        var fees = browser.findElement(By.id("fees"));
        fees.clear();
        fees.sendKeys("13,00 EUR; erweitertes Führungszeugnis ebenfalls 13,00 EUR");
        browser.findElement(By.id("body")).click();
        browser.findElement(By.xpath("//div[@class='toolbar']/button[text()='Fett']"))
                .click();
        assertThat(browser.findElement(By.id("body")).getDomProperty("value")).contains("<strong></strong>");
        browser.findElement(By.cssSelector("button.primary")).click();

        expectHeading("Führungszeugnis beantragen");
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText())
                .isEqualTo("Gespeichert.");
        // the service was published: under the four-eyes rule the change is a working copy until someone else
        // publishes it
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Arbeitskopie");
        browser.findElement(By.linkText("Versionen")).click();
        expectHeading("Versionen: Führungszeugnis beantragen");
        assertThat(browser.findElement(By.cssSelector("table.versions tbody tr td.changed-by"))
                        .getText())
                .isEqualTo("editor");
        assertThat(browser.findElements(By.cssSelector("pre.diff .diff-added")).stream()
                        .map(e -> e.getText()))
                .contains("+ Entwurf", "+ 13,00 EUR; erweitertes Führungszeugnis ebenfalls 13,00 EUR");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void editorTriesASearchOnTheSynonymsPageAndSearchesTheList() {
        Browser.signIn(browser, port, "editor");
        expectHeading("Willkommen, editor");
        browser.get("http://127.0.0.1:" + port + "/knowledge/synonyms?tenant=artland");
        expectHeading("Suchsynonyme – Samtgemeinde Artland");
        By trialQuery = By.xpath("//section[h2='Suche ausprobieren']//input[@name='q']");
        By trialButton = By.xpath("//section[h2='Suche ausprobieren']//button");
        browser.findElement(trialQuery).sendKeys("Perso verloren");
        browser.findElement(trialButton).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("trial-hits")).getText().contains("Personalausweis beantragen"));
        browser.findElement(trialQuery).clear();
        browser.findElement(trialQuery).sendKeys("qqxxzzyy");
        browser.findElement(trialButton).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("trial-hits")).getText().contains("Keine Treffer."));

        browser.get("http://127.0.0.1:" + port + "/knowledge/artland");
        browser.findElement(By.id("q")).sendKeys("sperrmul");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        expectHeading("Leistungen");
        assertThat(browser.findElement(By.cssSelector("table.services tbody tr td a"))
                        .getText())
                .isEqualTo("Sperrmüll anmelden");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
