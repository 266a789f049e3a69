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
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.Browser;
import de.buergerservice.contact.ContactHandedOff;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The back office in Debian's Chromium: a hand-off for Artland's Ordnungsamt (published as the agent's desk
 * publishes it when a call is documented {@code HANDED_OFF}) is in {@code artland-backoffice}'s inbox; the user
 * answers it by e-mail with the keyboard-usable form; the citizen's mail arrives at the SMTP server (GreenMail);
 * {@code oldenburg-backoffice} never sees the ticket.
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
    void givenAHandOffForArtland_thenItsBackOfficeAnswersByMail_andOldenburgNeverSeesIt() throws Exception {
        HandOffs handOffs = new HandOffs(events, transactions, jdbc, tenants);
        String concern = "Fundsache Geldbörse " + UUID.randomUUID().toString().substring(0, 8);
        ContactHandedOff template = handOffs.handOff(
                "artland", "Ordnungsamt", HandOffKind.ANSWER_BY_MAIL, "erika@example.org", Instant.now());
        ContactHandedOff handOff = new ContactHandedOff(
                template.contactId(),
                template.tenantId(),
                template.channel(),
                template.departmentId(),
                template.kind(),
                null,
                template.category(),
                concern,
                template.note(),
                template.citizenName(),
                template.phone(),
                template.email(),
                template.callbackWindow(),
                null,
                template.at());
        UUID ticket = handOffs.publish(handOff);

        Browser.signIn(browser, port, "artland-backoffice");
        Browser.expectHeading(browser, "Willkommen, artland-backoffice");
        browser.findElement(By.linkText("Posteingang")).click();
        Browser.expectHeading(browser, "Posteingang");
        browser.findElement(By.linkText(concern)).click();
        Browser.expectHeading(browser, concern);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("neu");

        // an empty answer is refused at the field, in German
        browser.findElement(By.id("answer")).click();
        assertThat(browser.findElement(By.cssSelector("#answer-text + .error")).getText())
                .isNotBlank();

        browser.findElement(By.id("answer-text"))
                .sendKeys("Ihre Geldbörse wurde im Fundbüro abgegeben. Sie können sie dort abholen.");
        browser.findElement(By.id("answer")).click();
        Browser.expectHeading(browser, concern);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("erledigt");
        assertThat(browser.findElement(By.cssSelector("table.history")).getText())
                .contains("übergeben", "per E-Mail beantwortet", "artland-backoffice");
        assertThat(Browser.consoleErrors(browser)).isEmpty();

        String messageId = jdbc.queryForObject(
                "select message_id from backoffice_outbox where ticket_id = ? and purpose = 'ANSWER'",
                String.class,
                ticket);
        MimeMessage answer = awaitMail(messageId);
        assertThat(answer.getAllRecipients()[0].toString()).isEqualTo("erika@example.org");
        assertThat(answer.getSubject()).isEqualTo("Ihr Anliegen bei der Samtgemeinde Artland: " + concern);
        assertThat(answer.getContent().toString())
                .contains("Guten Tag Erika Mustermann,", "Sie können sie dort abholen.", "Samtgemeinde Artland");

        // Oldenburg's back office: not in its inbox, and the ticket's page is not found
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "oldenburg-backoffice");
        Browser.expectHeading(browser, "Willkommen, oldenburg-backoffice");
        open("/backoffice?view=closed");
        Browser.expectHeading(browser, "Posteingang");
        assertThat(browser.getPageSource()).doesNotContain(concern).doesNotContain(ticket.toString());
        open("/backoffice/tickets/" + ticket);
        assertThat(browser.getPageSource()).doesNotContain(concern);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo(concern);
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
