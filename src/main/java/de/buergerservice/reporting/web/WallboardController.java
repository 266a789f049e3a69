package de.buergerservice.reporting.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import de.buergerservice.reporting.internal.Wallboard;
import de.buergerservice.shared.security.TenantScope;

/**
 * The live wallboard {@code /wallboard} for a TV across the room: per municipality waiting calls, the longest wait
 * (ticking), today's service level and first-contact resolution, agents by state — pushed every second as
 * server-sent events ({@code /wallboard/stream}). Management users see only their municipality.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT', 'MANAGEMENT')")
class WallboardController {

    private final Wallboard wallboard;
    private final WallboardStream stream;
    private final TenantScope scope;

    WallboardController(Wallboard wallboard, WallboardStream stream, TenantScope scope) {
        this.wallboard = wallboard;
        this.stream = stream;
        this.scope = scope;
    }

    @GetMapping("/wallboard")
    String page(Model model) {
        wallboard.refreshToday();
        model.addAttribute("view", wallboard.view(scope.restriction()));
        return "reporting/wallboard";
    }

    @GetMapping(value = "/wallboard/stream", produces = "text/event-stream")
    @ResponseBody
    SseEmitter events() {
        return stream.open(scope.restriction());
    }
}
