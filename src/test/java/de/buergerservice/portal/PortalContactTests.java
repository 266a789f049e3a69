package de.buergerservice.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;
import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.ContactHandedOff;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The contact form becomes a {@code WEB} contact handed off to the municipality's back office (through the contact
 * module's {@code ContactIntake}); it is validated on the server with German messages at the fields and protected
 * by a honeypot and a rate limit per client address (429). Each test posts from an address of its own.
 */
@IntegrationTest
@RecordApplicationEvents
class PortalContactTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    KnowledgeCatalog catalog;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    MockMvcRequestBuilder post(String address) {
        return mvc.post().uri("/artland/kontakt").with(csrf()).with(from(address));
    }

    MockMvcRequestBuilder valid(String address) {
        return post(address)
                .param("name", "Erika Mustermann")
                .param("email", "erika@example.org")
                .param("message", "Wann kann ich meinen Ausweis abholen?")
                .param("consent", "true");
    }

    long handedOff() {
        return events.stream(ContactHandedOff.class).count();
    }

    @Test
    void aValidFormBecomesAWebContactToBeAnsweredByMail() {
        assertThat(valid("198.51.100.1")).hasStatus3xxRedirection().hasRedirectedUrl("/artland/kontakt?gesendet=ja");
        ContactHandedOff contact =
                events.stream(ContactHandedOff.class).findFirst().orElseThrow();
        assertThat(contact.tenantId())
                .isEqualTo(tenants.findBySlug("artland").orElseThrow().id());
        assertThat(contact.channel()).isEqualTo(ContactChannel.WEB);
        assertThat(contact.kind()).isEqualTo(HandOffKind.ANSWER_BY_MAIL);
        assertThat(contact.email()).isEqualTo("erika@example.org");
        assertThat(contact.note()).isEqualTo("Wann kann ich meinen Ausweis abholen?");
        assertThat(mvc.get().uri("/artland/kontakt?gesendet=ja"))
                .hasStatusOk()
                .bodyText()
                .contains("Vielen Dank! Ihre Nachricht ist angekommen");
    }

    @Test
    void aQuestionAboutAServiceGoesToItsDepartment() {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        ServiceView dog = catalog.list(artland, Audience.PUBLIC).stream()
                .filter(s -> s.title().equals("Hund anmelden (Hundesteuer)"))
                .findFirst()
                .orElseThrow();
        assertThat(mvc.get().uri("/artland/kontakt?leistung=" + dog.id()))
                .bodyText()
                .contains("Ihre Frage zu: Hund anmelden (Hundesteuer)");
        assertThat(valid("198.51.100.2").param("serviceId", dog.id().toString()))
                .hasStatus3xxRedirection();
        ContactHandedOff contact =
                events.stream(ContactHandedOff.class).findFirst().orElseThrow();
        assertThat(contact.serviceId()).isEqualTo(dog.id());
        assertThat(contact.departmentId()).isEqualTo(dog.departmentId());
    }

    @Test
    void givenEmptyFields_thenGermanMessagesAtEachField() {
        MvcTestResult result = post("198.51.100.3").exchange();
        assertThat(result).hasStatusOk();
        assertThat(Responses.body(result))
                .contains("Bitte korrigieren Sie die markierten Angaben.")
                .contains("id=\"name-error\"", "Bitte geben Sie Ihren Namen an.")
                .contains("Bitte geben Sie Ihre E-Mail-Adresse an, damit wir antworten können.")
                .contains("Bitte schreiben Sie uns Ihr Anliegen.")
                .contains("Bitte bestätigen Sie, dass wir Ihre Angaben dafür speichern dürfen.")
                .contains("aria-invalid=\"true\"");
        assertThat(handedOff()).isZero();
    }

    @Test
    void givenAnInvalidAddressPhoneAndTooLongMessage_thenGermanMessages() {
        assertThat(post("198.51.100.4")
                        .param("name", "Erika")
                        .param("email", "keine-adresse")
                        .param("phone", "ruf mich an")
                        .param("message", "x".repeat(2001))
                        .param("consent", "true"))
                .hasStatusOk()
                .bodyText()
                .contains("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.")
                .contains("Bitte geben Sie die Telefonnummer nur mit Ziffern, Leerzeichen und + ( ) / - an.")
                .contains("Bitte kürzen Sie Ihre Nachricht auf höchstens 2.000 Zeichen.");
        assertThat(handedOff()).isZero();
    }

    @Test
    void givenAnotherMunicipalitysDepartment_thenAGermanMessage() {
        UUID oldenburgs = tenants.departmentsOf(
                        tenants.findBySlug("oldenburg").orElseThrow().id())
                .get(0)
                .id();
        assertThat(valid("198.51.100.5").param("departmentId", oldenburgs.toString()))
                .hasStatusOk()
                .bodyText()
                .contains("Diesen Fachbereich gibt es hier nicht.");
        assertThat(handedOff()).isZero();
    }

    @Test
    void markupIsShownAsTextWhenTheFormComesBack() {
        assertThat(post("198.51.100.6")
                        .param("name", "<script>alert(1)</script>")
                        .param("email", "erika@example.org")
                        .param("message", "\"><img src=x onerror=alert(2)>"))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("<script>alert(1)", "<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void aFilledHoneypotLooksSentButNothingIsStored() {
        assertThat(valid("198.51.100.7").param("website", "http://spam.example"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/artland/kontakt?gesendet=ja");
        assertThat(handedOff()).isZero();
    }

    @Test
    void theSixthSubmissionWithinTenMinutesIs429WithAGermanMessage() {
        for (int i = 0; i < 5; i++) {
            assertThat(valid("198.51.100.8")).hasStatus3xxRedirection();
        }
        MvcTestResult refused = valid("198.51.100.8").exchange();
        assertThat(refused).hasStatus(429);
        assertThat(refused.getResponse().getHeader("Retry-After")).matches("\\d+");
        assertThat(Responses.body(refused)).contains("Sie haben in kurzer Zeit sehr viele Nachrichten gesendet.");
        assertThat(handedOff()).isEqualTo(5);
        // another address is not affected
        assertThat(valid("198.51.100.9")).hasStatus3xxRedirection();
    }

    @Test
    void withoutTheFormsCsrfTokenNothingIsAccepted() {
        assertThat(mvc.post()
                        .uri("/artland/kontakt")
                        .with(from("198.51.100.10"))
                        .param("name", "Erika")
                        .param("email", "erika@example.org")
                        .param("message", "Hallo")
                        .param("consent", "true"))
                .hasStatus(403);
        assertThat(handedOff()).isZero();
    }

    @Test
    void unknownMunicipalityIsTheGerman404() {
        assertThat(mvc.post().uri("/nirgendwo/kontakt").with(csrf()).with(from("198.51.100.11")))
                .hasStatus(404)
                .bodyText()
                .contains("Diese Kommune gibt es in unserem Bürgerservice nicht.");
    }
}
