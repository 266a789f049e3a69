package de.buergerservice.backoffice.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.backoffice.internal.InboxFilter;
import de.buergerservice.backoffice.internal.TicketActions;
import de.buergerservice.backoffice.internal.TicketView;
import de.buergerservice.backoffice.internal.Tickets;

/**
 * REST API of the back office's tickets, so that a municipality's own system can pull and update them:
 * {@code /api/v1/tickets}. A back-office user sees only the tickets of their municipality; a foreign ticket is 404.
 */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketApiController {

    private final Tickets tickets;

    TicketApiController(Tickets tickets) {
        this.tickets = tickets;
    }

    /** {@code ?tenant=<slug>&department=<id>&status=NEW&due=today|overdue|new}, each optional. */
    @GetMapping
    List<TicketView> list(
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) UUID department,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String due) {
        return tickets.inbox(
                new InboxFilter(tenant, department, InboxFilter.parseStatus(status), InboxFilter.Due.parse(due)));
    }

    @GetMapping("/{ticketId}")
    TicketView get(@PathVariable UUID ticketId) {
        return tickets.get(ticketId);
    }

    @PreAuthorize(Tickets.WORK)
    @PostMapping("/{ticketId}/take")
    TicketView take(@PathVariable UUID ticketId) {
        return tickets.take(ticketId);
    }

    @PreAuthorize(Tickets.WORK)
    @PostMapping("/{ticketId}/callback")
    TicketView callback(@PathVariable UUID ticketId, @Valid @RequestBody TicketActions.Callback data) {
        return tickets.callback(ticketId, data);
    }

    @PreAuthorize(Tickets.WORK)
    @PostMapping("/{ticketId}/answer")
    TicketView answer(@PathVariable UUID ticketId, @Valid @RequestBody TicketActions.Answer data) {
        return tickets.answer(ticketId, data);
    }

    @PreAuthorize(Tickets.WORK)
    @PostMapping("/{ticketId}/forward")
    TicketView forward(@PathVariable UUID ticketId, @Valid @RequestBody TicketActions.Forward data) {
        return tickets.forward(ticketId, data);
    }

    @PreAuthorize(Tickets.WORK)
    @PostMapping("/{ticketId}/close")
    TicketView close(@PathVariable UUID ticketId, @Valid @RequestBody TicketActions.Close data) {
        return tickets.close(ticketId, data);
    }

    /** "Rückruf durch das ServiceCenter". */
    @PreAuthorize(Tickets.WORK)
    @PostMapping("/{ticketId}/return")
    TicketView returnToServiceCenter(@PathVariable UUID ticketId, @Valid @RequestBody TicketActions.Return data) {
        return tickets.returnToServiceCenter(ticketId, data);
    }
}
