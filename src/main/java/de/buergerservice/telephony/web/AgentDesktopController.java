package de.buergerservice.telephony.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.shared.web.Notices;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.AgentView;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.SkillCoverage;
import de.buergerservice.telephony.internal.routing.RoutingException;

/**
 * The agent desktop ({@code /telephony}): the signed-in agent's state with buttons to take calls, pause and sign
 * off the phone service, whether the phone is registered, and the live queues (updated by server-sent events from
 * {@code /api/v1/telephony/stream}). Supervisors also see every agent with buttons to set their state, and the
 * municipalities no agent has a skill for.
 */
@Controller
@PreAuthorize(TelephonyApiController.STAFF)
class AgentDesktopController {

    private final AgentService agents;
    private final QueueService queues;
    private final CurrentAgent currentAgent;
    private final Notices notices;
    private final SkillCoverage coverage;
    private final MessageSource messages;
    private final Clock clock;

    AgentDesktopController(
            AgentService agents,
            QueueService queues,
            CurrentAgent currentAgent,
            Notices notices,
            SkillCoverage coverage,
            MessageSource messages,
            Clock clock) {
        this.agents = agents;
        this.queues = queues;
        this.currentAgent = currentAgent;
        this.notices = notices;
        this.coverage = coverage;
        this.messages = messages;
        this.clock = clock;
    }

    /** States that count as "receives calls": offered calls now, or in one and offered again after it. */
    private static final Set<AgentState> RECEIVING =
            EnumSet.of(AgentState.AVAILABLE, AgentState.RINGING, AgentState.TALKING, AgentState.WRAP_UP);

    /** What a supervisor may set from the live view, in the order of the buttons. */
    private static final List<AgentState> REQUESTABLE =
            List.of(AgentState.AVAILABLE, AgentState.PAUSED, AgentState.LOGGED_OUT);

    @GetMapping("/telephony")
    String desktop(Authentication authentication, Model model) {
        Optional<AgentView> me = me(authentication);
        model.addAttribute("me", me.orElse(null));
        model.addAttribute(
                "receiving", me.map(a -> RECEIVING.contains(a.state())).orElse(false));
        model.addAttribute("now", clock.instant());
        model.addAttribute("queues", queues.views());
        model.addAttribute("supervisor", CurrentAgent.mayManage(authentication));
        if (CurrentAgent.mayManage(authentication)) {
            model.addAttribute("agents", agents.list());
            model.addAttribute("requestable", REQUESTABLE);
            model.addAttribute("uncovered", coverage.uncovered());
        }
        return "telephony/desktop";
    }

    /** A supervisor sets an agent's state from the live view: the same rule as {@code PUT /api/v1/agents/{id}/state}. */
    @PostMapping("/telephony/agents/{agentId}/state")
    @PreAuthorize(TelephonyApiController.MANAGERS)
    String setState(
            @PathVariable UUID agentId,
            @RequestParam String state,
            Authentication authentication,
            RedirectAttributes redirect) {
        AgentView agent = agents.get(agentId);
        AgentState target;
        try {
            target = TelephonyApiController.parse(state);
        } catch (RuntimeException e) {
            notices.error(redirect, "validation.telephony.state");
            return "redirect:/telephony";
        }
        try {
            agents.setBySupervisor(agentId, target, null, CurrentAgent.username(authentication));
            notices.success(
                    redirect,
                    "telephony.agent.changed",
                    agent.displayName(),
                    messages.getMessage("telephony.state." + target, null, LocaleContextHolder.getLocale()));
        } catch (RoutingException e) {
            if (e.kind() == RoutingException.Kind.NO_PHONE) {
                notices.error(redirect, "problemDetail.conflict.noPhone", agent.sipUser());
            } else {
                notices.error(
                        redirect,
                        "problemDetail.conflict.agentState",
                        agent.state().name(),
                        target.name());
            }
        }
        return "redirect:/telephony";
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
