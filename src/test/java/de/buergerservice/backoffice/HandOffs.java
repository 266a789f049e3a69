package de.buergerservice.backoffice;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.ContactHandedOff;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * Publishes hand-offs as the contact module does — in a committed transaction, so that the back office's listener
 * gets them through the event publication registry — and waits for the ticket.
 */
public record HandOffs(
        ApplicationEventPublisher events,
        TransactionTemplate transactions,
        JdbcTemplate jdbc,
        TenantDirectory tenants) {

    public DepartmentInfo department(String slug, String name) {
        UUID tenant = tenants.findBySlug(slug).orElseThrow().id();
        return tenants.departmentsOf(tenant).stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    public ContactHandedOff handOff(String slug, String department, HandOffKind kind, String email, Instant at) {
        DepartmentInfo d = department(slug, department);
        return new ContactHandedOff(
                UUID.randomUUID(),
                d.tenantId(),
                ContactChannel.PHONE,
                d.id(),
                kind,
                null,
                "Fundsachen",
                "Geldbörse im Bus verloren",
                "Bürgerin fragt, ob die Geldbörse abgegeben wurde",
                "Erika Mustermann",
                "+49 5431 12345",
                email,
                "vormittags",
                null,
                at);
    }

    /** Publishes in a committed transaction and returns the ticket's id once the listener stored it. */
    public UUID publish(ContactHandedOff handOff) {
        transactions.executeWithoutResult(status -> events.publishEvent(handOff));
        return awaitTicket(handOff.contactId());
    }

    public UUID awaitTicket(UUID contactId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            var ids = jdbc.queryForList("select id from backoffice_ticket where contact_id = ?", UUID.class, contactId);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no ticket for contact " + contactId + " within 20 s");
    }
}
