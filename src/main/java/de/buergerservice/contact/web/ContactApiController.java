package de.buergerservice.contact.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.internal.ContactData;
import de.buergerservice.contact.internal.ContactService;
import de.buergerservice.contact.internal.ContactState;
import de.buergerservice.contact.internal.ContactView;
import de.buergerservice.contact.internal.DocumentationData;

/**
 * REST API of contacts: {@code /api/v1/contacts}. Lists filter by municipality (slug), agent (user name or id),
 * start interval {@code [from, to)}, outcome, state and Call-ID; a user sees the contacts of the municipalities
 * they may see (back office and management only their own; a foreign contact is 404).
 */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactApiController {

    private final ContactService contacts;

    ContactApiController(ContactService contacts) {
        this.contacts = contacts;
    }

    @PreAuthorize(ContactService.READ)
    @GetMapping
    List<ContactView> list(
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String agent,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) ContactOutcome outcome,
            @RequestParam(required = false) ContactState state,
            @RequestParam(required = false) String callId,
            @RequestParam(required = false) Boolean undocumented) {
        return contacts.list(new ContactService.Query(tenant, agent, from, to, outcome, state, callId, undocumented));
    }

    @PreAuthorize(ContactService.READ)
    @GetMapping("/{contactId}")
    ContactView get(@PathVariable UUID contactId) {
        return contacts.get(contactId);
    }

    /** The caller's earlier contacts of the last 30 days, in the municipalities the user may see. */
    @PreAuthorize(ContactService.READ)
    @GetMapping("/{contactId}/earlier")
    ContactService.EarlierContacts earlier(@PathVariable UUID contactId) {
        return contacts.earlier(contactId);
    }

    @PreAuthorize(ContactService.WRITE)
    @PostMapping
    ResponseEntity<ContactView> create(@Valid @RequestBody ContactData data) {
        ContactView created = contacts.create(data);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id()))
                .body(created);
    }

    @PreAuthorize(ContactService.WRITE)
    @PutMapping("/{contactId}/documentation")
    ContactView document(@PathVariable UUID contactId, @Valid @RequestBody DocumentationData data) {
        return contacts.document(contactId, data);
    }
}
