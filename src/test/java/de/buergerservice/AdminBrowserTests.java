package de.buergerservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The administrator's German pages in a real browser: sign in, create a municipality with a mistake and fix it,
 * add a department, confirm a deletion — with no script blocked by the Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminBrowserTests {

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

    void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    void signIn(String username) {
        Browser.signIn(browser, port, username);
    }

    void expectHeading(String text) {
        Browser.expectHeading(browser, text);
    }

    void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void givenWrongPassword_thenGermanMessage() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("falsch");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".alert.error")).getText())
                .isEqualTo("Benutzername oder Passwort ist falsch.");
    }

    @Test
    void administratorCreatesMunicipalityFixingAMistake() {
        signIn("admin");
        expectHeading("Willkommen, admin");
        browser.findElement(By.linkText("Kommunen")).click();
        browser.findElement(By.linkText("Neu anlegen")).click();

        type("name", "Gemeinde Badbergen");
        type("slug", "badbergen");
        type("ags", "0345900");
        type("phoneNumbers", "+4954339000");
        type("greeting", "Gemeinde Badbergen, ServiceCenter, guten Tag");
        type("weekly-MONDAY", "08:00-12:30, 14:00-16:00");
        browser.findElement(By.cssSelector("button.primary")).click();

        assertThat(new WebDriverWait(browser, Duration.ofSeconds(5))
                        .until(ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector(".field.invalid .field-error")))
                        .getText())
                .startsWith("Der AGS besteht aus 8 Ziffern");
        type("ags", "03459003");
        browser.findElement(By.cssSelector("button.primary")).click();

        expectHeading("Gemeinde Badbergen");
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText())
                .isEqualTo("Gespeichert.");
        assertThat(browser.getPageSource()).contains("08:00–12:30", "14:00–16:00", "Reformationstag");

        browser.findElement(By.xpath("//section//a[text()='Neu anlegen']")).click();
        type("name", "Bürgerbüro");
        type("topics", "Meldewesen\nPersonalausweis");
        browser.findElement(By.cssSelector("button.primary")).click();
        assertThat(browser.findElement(By.xpath("//td[text()='Bürgerbüro']")).isDisplayed())
                .isTrue();

        // deleting asks first; the answer "yes" deletes
        browser.findElement(By.cssSelector(".row-actions button.danger")).click();
        browser.switchTo().alert().accept();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.textToBe(By.cssSelector(".notice.success"), "Gelöscht."));

        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void englishIsOneClickAway() {
        signIn("admin");
        expectHeading("Willkommen, admin");
        browser.findElement(By.linkText("English")).click();
        expectHeading("Welcome, admin");
        browser.findElement(By.linkText("Deutsch")).click();
        expectHeading("Willkommen, admin");
    }
}
