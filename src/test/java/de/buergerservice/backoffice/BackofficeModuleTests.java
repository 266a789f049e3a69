package de.buergerservice.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.contact.ContactHandedOff;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The back office with what it depends on, directly or through the contact module (tenancy, identity, contact,
 * telephony, knowledge, the shared kernel): a committed hand-off becomes a ticket with its department's mail in
 * the outbox; a rolled-back one never does.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles("test")
class BackofficeModuleTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantDirectory tenants;

    HandOffs handOffs() {
        return new HandOffs(events, transactions, jdbc, tenants);
    }

    int tickets(UUID contactId) {
        return jdbc.queryForObject(
                "select count(*) from backoffice_ticket where contact_id = ?", Integer.class, contactId);
    }

    @Test
    void givenACommittedHandOff_thenItBecomesATicket_withTheDepartmentsMail(Scenario scenario) {
        ContactHandedOff handOff = handOffs().handOff("artland", "Bauamt", HandOffKind.FORWARD, null, Instant.now());
        scenario.publish(handOff)
                .andWaitForStateChange(() -> tickets(handOff.contactId()), count -> count == 1)
                .andVerify(count -> assertThat(jdbc.queryForObject(
                                "select recipient from backoffice_outbox o join backoffice_ticket t"
                                        + " on o.ticket_id = t.id where t.contact_id = ?",
                                String.class,
                                handOff.contactId()))
                        .isEqualTo("bauamt@artland.example"));
    }

    @Test
    void givenARolledBackHandOff_thenNoTicketIsOwed() {
        ContactHandedOff handOff = handOffs().handOff("artland", "Bauamt", HandOffKind.FORWARD, null, Instant.now());
        transactions.executeWithoutResult(status -> {
            events.publishEvent(handOff);
            status.setRollbackOnly();
        });
        // the registry stores a publication with the publishing transaction: rolled back, nothing is owed
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_publication where serialized_event like ?",
                        Integer.class,
                        "%" + handOff.contactId() + "%"))
                .isZero();
        assertThat(tickets(handOff.contactId())).isZero();
    }
}
