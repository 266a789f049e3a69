package de.buergerservice.contact.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.contact.internal.CallbackQueue;
import de.buergerservice.contact.internal.CallbackView;
import de.buergerservice.contact.internal.ContactView;

/**
 * REST API of the ServiceCenter's callbacks ("Rückruf durch das ServiceCenter"): {@code GET /api/v1/callbacks}
 * lists those nobody has taken, {@code POST /api/v1/callbacks/{id}/take} takes one and answers with the phone contact
 * it opened. Agents, supervisors and administrators only; a callback of a municipality the user does not serve is 404.
 */
@RestController
@RequestMapping("/api/v1/callbacks")
@PreAuthorize(CallbackQueue.WORK)
class CallbackApiController {

    private final CallbackQueue callbacks;

    CallbackApiController(CallbackQueue callbacks) {
        this.callbacks = callbacks;
    }

    @GetMapping
    List<CallbackView> open() {
        return callbacks.open();
    }

    @GetMapping("/{callbackId}")
    CallbackView get(@PathVariable UUID callbackId) {
        return callbacks.get(callbackId);
    }

    @PostMapping("/{callbackId}/take")
    ContactView take(@PathVariable UUID callbackId) {
        return callbacks.take(callbackId);
    }
}
