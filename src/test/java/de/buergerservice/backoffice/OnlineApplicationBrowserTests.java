package de.buergerservice.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.buergerservice.Browser;
import de.buergerservice.applications.AddressPart;
import de.buergerservice.applications.DateRule;
import de.buergerservice.applications.FormCatalog;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.FormSection;
import de.buergerservice.applications.TestForms;
import de.buergerservice.applications.internal.FormStore;
import de.buergerservice.portal.Axe;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * End to end in Debian's Chromium, without a line of the product's JavaScript: a citizen fills Artland's dog
 * registration ("Anmeldung eines Hundes"; a test form of the same shape where the demo form is absent) step by
 * step with an attachment, sees the error summary first, fixes the errors, submits on the summary page and gets
 * the tracking code and the PDF receipt; the confirmation arrives by mail (GreenMail). Artland's back office finds
 * the case, asks for more information (mail to the citizen); the citizen looks the application up with tracking
 * code and e-mail address and answers with a file. axe-core finds nothing on the form, its error state and the
 * summary.
 */
class OnlineApplicationBrowserTests extends WithSmtpServer {

    static final String DOG_FORM = "hund-anmelden";

    @LocalServerPort
    int port;

    @Autowired
    FormCatalog forms;

    @Autowired
    FormStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;

    Path pdf;

    @BeforeEach
    void openBrowser() throws Exception {
        startSmtp();
        browser = Browser.start();
        pdf = Files.createTempFile("impfpass-", ".pdf");
        Files.write(pdf, TestForms.PDF);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        Files.deleteIfExists(pdf);
    }

    void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    @Test
    void givenACitizenAppliesOnline_thenTheBackOfficeAsksForMore_andTheCitizenAnswers() throws Exception {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        FormDefinition form = forms.current(artland, DOG_FORM)
                .orElseGet(() -> forms.current(artland, new TestForms(store).publish(artland))
                        .orElseThrow());
        String email = "erika." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        // the service's page links its form (the demo form belongs to the dog tax service)
        UUID service = forms.find(artland, form.formKey()).orElseThrow().serviceId();
        if (service != null) {
            open("/artland/leistungen/" + service);
            browser.findElement(By.linkText("Online beantragen: " + form.title()))
                    .click();
        } else {
            open("/artland/antraege/" + form.formKey());
        }

        // step 1 sent empty: the error summary at the top links to the fields, in German
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(form.title());
        assertThat(Axe.violations(browser)).as("axe-core on the form").isEmpty();
        browser.findElement(By.cssSelector("button[value=weiter]")).click();
        WebElement summary = browser.findElement(By.id("error-summary"));
        assertThat(summary.getText()).contains("Bitte korrigieren Sie Ihre Angaben");
        List<WebElement> links = summary.findElements(By.tagName("a"));
        assertThat(links).isNotEmpty();
        assertThat(links.get(0).getAttribute("href")).contains("#");
        assertThat(browser.getTitle()).startsWith("Fehler: ");
        assertThat(Axe.violations(browser))
                .as("axe-core on the form's error state")
                .isEmpty();

        // every step filled in, the attachment uploaded in its step
        for (int i = 0; i < form.sections().size(); i++) {
            fill(form, form.sections().get(i), email);
            browser.findElement(By.cssSelector("button[value=weiter]")).click();
            assertThat(browser.findElements(By.id("error-summary")))
                    .as(
                            "errors after step %d: %s",
                            i + 1,
                            browser.findElements(By.id("error-summary")).stream()
                                    .map(WebElement::getText)
                                    .toList())
                    .isEmpty();
        }

        // the summary, then submit
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Zusammenfassung");
        assertThat(browser.getPageSource()).contains("impfpass-");
        assertThat(Axe.violations(browser)).as("axe-core on the summary").isEmpty();
        List<WebElement> emailInput = browser.findElements(By.id("email"));
        if (!emailInput.isEmpty()) {
            emailInput.get(0).sendKeys(email);
        }
        browser.findElement(By.cssSelector("form[action$='/absenden'] button[type=submit]"))
                .click();
        Browser.expectHeading(browser, "Ihr Antrag ist eingegangen");
        String code = browser.findElement(By.id("tracking-code")).getText();
        assertThat(code).matches("[A-Z2-7]{10}");
        assertThat(Axe.violations(browser)).as("axe-core on the confirmation").isEmpty();

        // the receipt: every answer, the time, the tracking code, the municipality's name
        byte[] receipt = download("/artland/antragsstatus/eingangsbestaetigung");
        try (var doc = Loader.loadPDF(receipt)) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("Eingangsbestätigung", code, "Samtgemeinde Artland", "Eingegangen am", email);
        }
        MimeMessage confirmation = awaitMail(email, code);
        assertThat(confirmation.getContent().toString()).contains(code, "/artland/antragsstatus");

        // the case in Artland's inbox, processed on the submission's page
        UUID submission =
                jdbc.queryForObject("select id from application_submission where tracking_code = ?", UUID.class, code);
        awaitTicket(submission);
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "artland-backoffice");
        Browser.expectHeading(browser, "Willkommen, artland-backoffice");
        open("/backoffice/antraege");
        browser.findElement(By.cssSelector("tr[data-submission='" + submission + "'] a"))
                .click();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("eingegangen");
        assertThat(browser.getPageSource()).contains("impfpass-");
        new Select(browser.findElement(By.id("new-status"))).selectByValue("MORE_INFO_NEEDED");
        browser.findElement(By.id("change-status")).click();
        assertThat(browser.findElement(By.id("message-error")).getText()).contains("was fehlt");
        new Select(browser.findElement(By.id("new-status"))).selectByValue("MORE_INFO_NEEDED");
        browser.findElement(By.id("status-message")).sendKeys("Bitte senden Sie uns den Impfpass Ihres Hundes.");
        browser.findElement(By.id("change-status")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.findElement(By.id("status")).getText().startsWith("Rückfrage"));
        MimeMessage question = awaitMail(email, "Rückfrage");
        assertThat(question.getContent().toString()).contains("Bitte senden Sie uns den Impfpass Ihres Hundes.");

        // the citizen looks it up (a wrong address is not found) and answers with a file
        browser.manage().deleteAllCookies();
        open("/artland/antragsstatus");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("email")).sendKeys("falsch@example.org");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("keinen Antrag gefunden");
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Rückfrage");
        assertThat(browser.getPageSource()).contains("Bitte senden Sie uns den Impfpass Ihres Hundes.");
        assertThat(Axe.violations(browser)).as("axe-core on the status page").isEmpty();
        browser.findElement(By.id("message")).sendKeys("Anbei der Impfpass.");
        browser.findElement(By.id("files")).sendKeys(pdf.toString());
        browser.findElement(By.cssSelector("main form[enctype] button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.cssSelector(".alert.success")).getText())
                .contains("Ihre Antwort ist eingegangen");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("in Bearbeitung");
        assertThat(jdbc.queryForObject(
                        "select count(*) from application_attachment where submission_id = ? and step_id is not null"
                                + " and field_key is null",
                        Integer.class,
                        submission))
                .isEqualTo(1);
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /** Fills one step with valid answers, as a citizen would, field by field. */
    void fill(FormDefinition form, FormSection section, String email) {
        for (FormField field : section.fields()) {
            if (!field.kind().answerable()) {
                continue;
            }
            if (field.visibleWhen() != null) {
                // conditional fields stay empty: their condition is not met (checkboxes stay unchecked)
                continue;
            }
            switch (field.kind()) {
                case ADDRESS -> {
                    type(AddressPart.street.key(field.id()), "Hauptstraße");
                    type(AddressPart.houseNumber.key(field.id()), "12");
                    type(AddressPart.postalCode.key(field.id()), "49610");
                    type(AddressPart.city.key(field.id()), "Quakenbrück");
                }
                case CHECKBOX -> {
                    if (field.required()) {
                        browser.findElement(By.id(field.id())).click();
                    }
                }
                case SELECT -> new Select(browser.findElement(By.id(field.id()))).selectByIndex(1);
                case FILE -> browser.findElement(By.id(field.id())).sendKeys(pdf.toString());
                case DATE -> date(field);
                case EMAIL -> type(field.id(), email);
                case PHONE -> type(field.id(), "05431 12345");
                case IBAN -> type(field.id(), "DE89 3704 0044 0532 0130 00");
                case NUMBER ->
                    type(
                            field.id(),
                            field.constraints().min() == null
                                    ? "1"
                                    : field.constraints().min().toPlainString());
                default -> type(field.id(), text(field));
            }
        }
    }

    static String text(FormField field) {
        Integer min = field.constraints().minLength();
        String value = "Bello vom Artland";
        while (min != null && value.length() < min) {
            value = value + " x";
        }
        Integer max = field.constraints().maxLength();
        return max != null && value.length() > max ? value.substring(0, max) : value;
    }

    void date(FormField field) {
        DateRule rule = field.constraints().date();
        LocalDate day = rule == DateRule.FUTURE || rule == DateRule.FUTURE_OR_TODAY
                ? LocalDate.now().plusDays(30)
                : LocalDate.now().minusYears(3);
        // Chromium's German date input takes the digits in its own order: day, month, year
        browser.findElement(By.id(field.id())).sendKeys(day.format(DateTimeFormatter.ofPattern("ddMMyyyy")));
    }

    void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    byte[] download(String path) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        return response.body();
    }

    void awaitTicket(UUID submission) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            Integer tickets = jdbc.queryForObject(
                    "select count(*) from backoffice_ticket where submission_id = ?", Integer.class, submission);
            if (tickets != null && tickets == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no ticket for submission " + submission + " within 30 s");
    }

    static MimeMessage awaitMail(String to, String subjectPart) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            for (MimeMessage message : received()) {
                if (message.getAllRecipients()[0].toString().equals(to)
                        && message.getSubject().contains(subjectPart)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to + " about " + subjectPart + " within 30 s");
    }
}
