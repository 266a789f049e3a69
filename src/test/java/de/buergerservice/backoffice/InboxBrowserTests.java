package de.buergerservice.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.Browser;
import de.buergerservice.contact.CallsAccess;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * End to end in Debian's Chromium: agent1 answers a call to Artland and documents it at the desk as
 * {@code HANDED_OFF} for the Ordnungsamt; {@code artland-backoffice} finds it in the inbox and answers it by
 * e-mail; the citizen's mail arrives at the SMTP server (GreenMail); {@code oldenburg-backoffice} never sees it.
 */
class InboxBrowserTests extends WithSmtpServer {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    CallsAccess calls;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        startSmtp();
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

    @Test
    void givenAnAgentHandsACallOffToArtlandsOrdnungsamt_thenItsBackOfficeAnswersByMail_andOldenburgNeverSeesIt()
            throws Exception {
        // a call to Artland, answered by agent1 (through the real switchboard and call-event feed)
        calls.agent1Ready();
        String callId = calls.answeredCall("artland", "+4954319990101");
        calls.applied();
        try {
            Browser.signIn(browser, port, "agent1");
            open("/desk");
            browser.findElement(By.cssSelector("input[name=outcome][value=HANDED_OFF]"))
                    .click();
            new Select(browser.findElement(By.id("category"))).selectByIndex(1);
            Select department = new Select(browser.findElement(By.id("department")));
            department.getOptions().stream()
                    .filter(option -> option.getText().startsWith("Ordnungsamt"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            browser.findElement(By.id("note")).sendKeys("Geldbörse im Bus verloren, fragt nach Fundsache");
            new Select(browser.findElement(By.id("kind"))).selectByValue("ANSWER_BY_MAIL");
            browser.findElement(By.id("citizenName")).sendKeys("Erika Mustermann");
            browser.findElement(By.id("email")).sendKeys("erika@example.org");
            browser.findElement(By.id("save-documentation")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "DOCUMENTED"
                    .equals(jdbc.queryForObject("select state from contact where call_id = ?", String.class, callId)));
        } finally {
            calls.end(callId);
            calls.applied();
        }
        UUID contactId = jdbc.queryForObject("select id from contact where call_id = ?", UUID.class, callId);
        UUID ticket = new HandOffs(events, transactions, jdbc, tenants).awaitTicket(contactId);

        // Artland's back office: in the inbox, answered by e-mail
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "artland-backoffice");
        Browser.expectHeading(browser, "Willkommen, artland-backoffice");
        browser.findElement(By.linkText("Posteingang")).click();
        Browser.expectHeading(browser, "Posteingang");
        WebElement row = browser.findElement(By.cssSelector("tr[data-ticket='" + ticket + "']"));
        assertThat(row.getText()).contains("Ordnungsamt", "Antwort per E-Mail", "neu");
        row.findElement(By.tagName("a")).click();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("neu");

        // an empty answer is refused at the field, in German
        browser.findElement(By.id("answer")).click();
        assertThat(browser.findElement(By.cssSelector("#answer-text + .error")).getText())
                .isNotBlank();

        browser.findElement(By.id("answer-text"))
                .sendKeys("Ihre Geldbörse wurde im Fundbüro abgegeben. Sie können sie dort abholen.");
        browser.findElement(By.id("answer")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("status"), "erledigt"));
        assertThat(browser.findElement(By.cssSelector("table.history")).getText())
                .contains("übergeben", "agent1", "per E-Mail beantwortet", "artland-backoffice");
        assertThat(Browser.consoleErrors(browser)).isEmpty();

        String messageId = jdbc.queryForObject(
                "select message_id from backoffice_outbox where ticket_id = ? and purpose = 'ANSWER'",
                String.class,
                ticket);
        MimeMessage answer = awaitMail(messageId);
        assertThat(answer.getAllRecipients()[0].toString()).isEqualTo("erika@example.org");
        assertThat(answer.getSubject()).startsWith("Ihr Anliegen bei der Samtgemeinde Artland: ");
        assertThat(answer.getContent().toString())
                .contains("Guten Tag Erika Mustermann,", "Sie können sie dort abholen.", "Samtgemeinde Artland");

        // Oldenburg's back office: not in its inbox, and the ticket's page is not found
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "oldenburg-backoffice");
        Browser.expectHeading(browser, "Willkommen, oldenburg-backoffice");
        for (String view : new String[] {"open", "closed"}) {
            open("/backoffice?view=" + view);
            Browser.expectHeading(browser, "Posteingang");
            assertThat(browser.getPageSource()).doesNotContain(ticket.toString());
        }
        open("/backoffice/tickets/" + ticket);
        assertThat(browser.getPageSource()).doesNotContain("Erika Mustermann").doesNotContain("Geldbörse");
        assertThat(browser.findElements(By.id("status"))).isEmpty();
    }

    static MimeMessage awaitMail(String messageId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            for (MimeMessage message : received()) {
                if (messageId.equals(messageId(message))) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("mail " + messageId + " did not arrive within 30 s");
    }
}
