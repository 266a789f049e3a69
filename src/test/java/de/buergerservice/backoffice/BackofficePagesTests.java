package de.buergerservice.backoffice;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.IntegrationTest;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.tenancy.TenantDirectory;

/** The inbox, a ticket's page with its German form errors, and the administrator's outbox (mails readable there). */
@IntegrationTest
class BackofficePagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantDirectory tenants;

    HandOffs handOffs;

    @BeforeEach
    void setUp() {
        handOffs = new HandOffs(events, transactions, jdbc, tenants);
    }

    MvcTestResult page(String uri, String username) {
        return mvc.get()
                .uri(uri)
                .with(user(accounts.loadUserByUsername(username)))
                .exchange();
    }

    @Test
    void givenAHandOff_thenTheInboxAndTheTicketPageShowIt_inGerman() {
        UUID ticket = handOffs.publish(handOffs.handOff(
                "artland", "Ordnungsamt", HandOffKind.ANSWER_BY_MAIL, "erika@example.org", Instant.now()));
        MvcTestResult inbox = page("/backoffice", "artland-backoffice");
        assertThat(inbox).hasStatusOk();
        assertThat(body(inbox)).contains("Posteingang", "heute fällig", "überfällig", ticket.toString());

        MvcTestResult detail = page("/backoffice/tickets/" + ticket, "artland-backoffice");
        assertThat(detail).hasStatusOk();
        assertThat(body(detail)).contains("Per E-Mail antworten", "Weiterleiten", "Verlauf", "übergeben", "Bauamt");

        assertThat(page("/backoffice/tickets/" + ticket, "oldenburg-backoffice"))
                .hasStatus(404);
        assertThat(body(page("/backoffice?view=open", "oldenburg-backoffice"))).doesNotContain(ticket.toString());
    }

    @Test
    void givenAnEmptyAnswerInTheForm_thenTheFieldShowsWhy() {
        UUID ticket = handOffs.publish(handOffs.handOff(
                "artland", "Ordnungsamt", HandOffKind.ANSWER_BY_MAIL, "erika@example.org", Instant.now()));
        MvcTestResult result = mvc.post()
                .uri("/backoffice/tickets/" + ticket + "/answer")
                .with(user(accounts.loadUserByUsername("artland-backoffice")))
                .with(csrf())
                .param("text", " ")
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(body(result)).contains("class=\"error\"", "darf nicht leer sein");
    }

    @Test
    void givenTheEmbeddedDefault_thenMailsWaitInTheOutbox_readableByAdministrators() {
        UUID ticket =
                handOffs.publish(handOffs.handOff("artland", "Ordnungsamt", HandOffKind.CALLBACK, null, Instant.now()));
        UUID mail = jdbc.queryForObject("select id from backoffice_outbox where ticket_id = ?", UUID.class, ticket);
        MvcTestResult outbox = page("/admin/outbox", "admin");
        assertThat(outbox).hasStatusOk();
        assertThat(body(outbox)).contains("Kein SMTP-Server eingerichtet", "wartet", "ordnungsamt@artland.example");
        MvcTestResult one = page("/admin/outbox/" + mail, "admin");
        assertThat(body(one)).contains("Erika Mustermann", "&lt;" + mail + "@buergerservice&gt;", "Erneut senden");
        assertThat(page("/admin/outbox", "artland-backoffice")).hasStatus(403);
    }

    @Test
    void givenASentMail_thenItIsNotResent() {
        UUID id = UUID.randomUUID();
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        jdbc.update(
                "insert into backoffice_outbox (id, tenant_id, purpose, message_id, sender, recipient, subject, body,"
                        + " status, attempts, next_attempt_at, sent_at, created_at) values (?, ?, 'ANSWER', ?, 'a@b',"
                        + " 'c@d', 'Test', 'Text', 'SENT', 1, ?, ?, ?)",
                id,
                tenants.findBySlug("artland").orElseThrow().id(),
                "<" + id + "@buergerservice>",
                now,
                now,
                now);
        MvcTestResult result = mvc.post()
                .uri("/admin/outbox/" + id + "/resend")
                .with(user(accounts.loadUserByUsername("admin")))
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection();
        assertThat(result).flash().containsKey("notice");
        assertThat(jdbc.queryForObject("select status from backoffice_outbox where id = ?", String.class, id))
                .isEqualTo("SENT");
    }
}
