package de.buergerservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.buergerservice.Browser;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The portal in Debian's Chromium: axe-core finds no violation on home, A–Z, search, a service page, the contact
 * form (also with its error messages), the accessibility statement and the 404 page; and a citizen with only a
 * keyboard gets from the home page through search and a service page to a sent contact form, seeing where the
 * focus is at every step.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    KnowledgeCatalog catalog;

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

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void assertNoViolations(String path) {
        browser.get(url(path));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("de");
        assertThat(Axe.violations(browser)).as("axe-core on " + path).isEmpty();
    }

    UUID serviceId(String title) {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        return catalog.list(artland, Audience.PUBLIC).stream()
                .filter(s -> s.title().equals(title))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void axeFindsNoViolationOnThePortalPages() {
        assertNoViolations("/artland/");
        assertNoViolations("/artland/leistungen");
        assertNoViolations("/artland/suche?q=Perso");
        assertNoViolations("/artland/suche?q=qqxxzzyy");
        assertNoViolations("/artland/leistungen/" + serviceId("Hund anmelden (Hundesteuer)"));
        assertNoViolations("/artland/leistungen/" + serviceId("Personalausweis beantragen"));
        assertNoViolations("/artland/kontakt");
        assertNoViolations("/artland/fachbereiche");
        assertNoViolations("/artland/barrierefreiheit");
        assertNoViolations("/artland/leichte-sprache");
        assertNoViolations("/oldenburg/");
        assertNoViolations("/nirgendwo/");
        // the contact form with its German error messages at the fields
        browser.get(url("/artland/kontakt"));
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("name-error")));
        assertThat(browser.findElement(By.id("name-error")).getText()).isEqualTo("Bitte geben Sie Ihren Namen an.");
        assertThat(Axe.violations(browser))
                .as("axe-core on the contact form with errors")
                .isEmpty();
        // the 404 page answers with its status, which Chromium reports on the console; nothing else may be there
        assertThat(Browser.consoleErrors(browser))
                .allMatch(message -> message.contains("/nirgendwo/") && message.contains("404"));
    }

    /** Presses Tab until the focused element passes {@code target}; each focus on the way must be visible. */
    WebElement tabTo(Predicate<WebElement> target, String what) {
        for (int i = 0; i < 60; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            assertThat(focusVisible())
                    .as("visible focus on <%s> %s", focused.getTagName(), focused.getText())
                    .isTrue();
            if (target.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached " + what);
    }

    boolean focusVisible() {
        Object visible = browser.executeScript("const s = getComputedStyle(document.activeElement);"
                + "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;");
        return Boolean.TRUE.equals(visible);
    }

    void type(String text) {
        new Actions(browser).sendKeys(text).perform();
    }

    void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    void expectHeading(String text) {
        Browser.expectHeading(browser, text);
    }

    @Test
    void keyboardOnlyFromSearchToServiceToContactForm() {
        browser.get(url("/artland/"));
        WebElement skip = tabTo(e -> true, "the first element");
        assertThat(skip.getText()).isEqualTo("Zum Inhalt springen");
        press(Keys.ENTER);
        tabTo(e -> "q".equals(e.getDomAttribute("id")), "the search box");
        type("Perso");
        press(Keys.ENTER);
        expectHeading("Suche");
        assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText())
                .contains("Treffer für „Perso“");

        tabTo(e -> e.getText().equals("Personalausweis beantragen"), "the first hit");
        press(Keys.ENTER);
        expectHeading("Personalausweis beantragen");

        tabTo(e -> e.getText().equals("Frage zu dieser Leistung stellen"), "the contact link");
        press(Keys.ENTER);
        expectHeading("Kontakt");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Ihre Frage zu: Personalausweis beantragen");

        tabTo(e -> "name".equals(e.getDomAttribute("id")), "the name field");
        type("Erika Mustermann");
        press(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("email");
        type("erika@example.org");
        tabTo(e -> "message".equals(e.getDomAttribute("id")), "the message field");
        type("Ich brauche einen Termin für meinen neuen Personalausweis.");
        WebElement consent = tabTo(e -> "consent".equals(e.getDomAttribute("id")), "the consent box");
        press(Keys.SPACE);
        assertThat(consent.isSelected()).isTrue();
        tabTo(e -> "submit".equals(e.getDomAttribute("type")), "the send button");
        press(Keys.ENTER);

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("main .alert")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("main .alert")).getText())
                .isEqualTo("Vielen Dank! Ihre Nachricht ist angekommen; wir antworten Ihnen per E-Mail.");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /**
     * The widget on a municipality's own site (here a page of another origin): one script tag, no iframe; it
     * searches through the public feed (CORS) and shows a service, all as text.
     */
    @Test
    void widgetOnAnotherSiteSearchesAndShowsAService() throws Exception {
        String host = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Artland</title></head>"
                + "<body><main><h1>Samtgemeinde Artland</h1><div id=\"buergerservice\"></div></main>"
                + "<script src=\"" + url("/js/portal-widget.js")
                + "\" data-kommune=\"artland\"></script></body></html>";
        // the municipality's own site: another origin (another port on localhost), served by the JDK's HTTP server
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            byte[] page = host.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (var body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        site.start();
        try {
            browser.get("http://localhost:" + site.getAddress().getPort() + "/");
            widgetSearchesAndShowsAService();
        } finally {
            site.stop(0);
        }
    }

    private void widgetSearchesAndShowsAService() {
        WebElement query = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#buergerservice input[type=search]")));
        assertThat(browser.findElements(By.tagName("iframe"))).isEmpty();
        query.sendKeys("Perso");
        query.sendKeys(Keys.ENTER);
        WebElement hit = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.linkText("Personalausweis beantragen")));
        hit.click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#buergerservice h3"), "Personalausweis beantragen"));
        assertThat(browser.findElement(By.id("buergerservice")).getText())
                .contains("Erforderliche Unterlagen", "Alle Informationen im Bürgerportal");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
