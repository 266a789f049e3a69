package de.buergerservice.telephony.web;

import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.shared.web.Notices;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.AgentView;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.routing.RoutingException;

/**
 * The agent desktop ({@code /telephony}): the signed-in agent's state with buttons to log in, pause and log out,
 * and the live queues (updated by server-sent events from {@code /api/v1/telephony/stream}). Supervisors also see
 * every agent.
 */
@Controller
@PreAuthorize(TelephonyApiController.STAFF)
class AgentDesktopController {

    private final AgentService agents;
    private final QueueService queues;
    private final CurrentAgent currentAgent;
    private final Notices notices;

    AgentDesktopController(AgentService agents, QueueService queues, CurrentAgent currentAgent, Notices notices) {
        this.agents = agents;
        this.queues = queues;
        this.currentAgent = currentAgent;
        this.notices = notices;
    }

    @GetMapping("/telephony")
    String desktop(Authentication authentication, Model model) {
        model.addAttribute("me", me(authentication).orElse(null));
        model.addAttribute("queues", queues.views());
        model.addAttribute("supervisor", CurrentAgent.mayManage(authentication));
        if (CurrentAgent.mayManage(authentication)) {
            model.addAttribute("agents", agents.list());
        }
        return "telephony/desktop";
    }

    @PostMapping("/telephony/state")
    String changeState(
            @RequestParam String state,
            @RequestParam(required = false) String reason,
            Authentication authentication,
            RedirectAttributes redirect) {
        Optional<AgentView> me = me(authentication);
        if (me.isEmpty()) {
            notices.error(redirect, "telephony.desktop.noAgent");
            return "redirect:/telephony";
        }
        AgentState target;
        try {
            target = TelephonyApiController.parse(state);
        } catch (RuntimeException e) {
            notices.error(redirect, "validation.telephony.state");
            return "redirect:/telephony";
        }
        try {
            agents.requestState(me.get().id(), target, reason == null || reason.isBlank() ? null : reason.strip());
            notices.success(redirect, "telephony.desktop.changed." + target.name());
        } catch (RoutingException e) {
            if (e.kind() == RoutingException.Kind.NO_PHONE) {
                notices.error(
                        redirect, "problemDetail.conflict.noPhone", me.get().sipUser());
                return "redirect:/telephony";
            }
            notices.error(
                    redirect,
                    "problemDetail.conflict.agentState",
                    me.get().state().name(),
                    target.name());
        }
        return "redirect:/telephony";
    }

    private Optional<AgentView> me(Authentication authentication) {
        return currentAgent.of(authentication);
    }
}
