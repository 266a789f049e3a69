package de.buergerservice.telephony.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.identity.UserDirectory;
import de.buergerservice.identity.UserInfo;
import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.Notices;
import de.buergerservice.telephony.internal.AgentData;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.SkillCoverage;
import de.buergerservice.telephony.internal.routing.RoutingException;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Pages for supervisors and administrators to keep the agents: list, create, edit (SIP credentials, name, product
 * user, skills) and delete. The same service and validation as {@code /api/v1/telephony/agents}; agents get 403.
 */
@Controller
@RequestMapping("/telephony/agents")
@PreAuthorize(TelephonyApiController.MANAGERS)
class AgentAdminController {

    private static final String FORM = "telephony/agent-form";

    private final AgentService agents;
    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final SkillCoverage coverage;
    private final FormValidation validation;
    private final Notices notices;

    AgentAdminController(
            AgentService agents,
            TenantDirectory tenants,
            UserDirectory users,
            SkillCoverage coverage,
            FormValidation validation,
            Notices notices) {
        this.agents = agents;
        this.tenants = tenants;
        this.users = users;
        this.coverage = coverage;
        this.validation = validation;
        this.notices = notices;
    }

    @ModelAttribute
    void choices(Model model) {
        List<TenantInfo> all = tenants.findAll().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
        model.addAttribute("tenants", all);
        model.addAttribute("tenantNames", all.stream().collect(Collectors.toMap(TenantInfo::slug, TenantInfo::name)));
        model.addAttribute("levels", List.of(1, 2, 3, 4, 5));
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("agents", agents.list());
        model.addAttribute("uncovered", coverage.uncovered());
        return "telephony/agents";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, null, AgentForm.empty());
    }

    @PostMapping
    String create(
            @ModelAttribute("form") AgentForm form,
            BindingResult errors,
            @RequestParam(required = false) String addSkill,
            Model model,
            RedirectAttributes redirect) {
        return save(null, form, errors, addSkill != null, model, redirect);
    }

    @GetMapping("/{agentId}/edit")
    String editForm(@PathVariable UUID agentId, Model model) {
        return form(model, agentId, AgentForm.of(agents.get(agentId)));
    }

    @PostMapping("/{agentId}")
    String update(
            @PathVariable UUID agentId,
            @ModelAttribute("form") AgentForm form,
            BindingResult errors,
            @RequestParam(required = false) String addSkill,
            Model model,
            RedirectAttributes redirect) {
        agents.get(agentId); // 404 before anything else for an unknown agent
        return save(agentId, form, errors, addSkill != null, model, redirect);
    }

    @PostMapping("/{agentId}/delete")
    String delete(@PathVariable UUID agentId, RedirectAttributes redirect) {
        try {
            agents.delete(agentId);
            notices.success(redirect, "common.deleted");
        } catch (RoutingException e) {
            notices.error(redirect, "problemDetail.conflict.agentInCall");
        }
        return "redirect:/telephony/agents";
    }

    private String save(
            UUID agentId,
            AgentForm form,
            BindingResult errors,
            boolean addRow,
            Model model,
            RedirectAttributes redirect) {
        if (addRow) {
            // "Weitere Fähigkeit" only offers one more row; nothing is saved yet
            form.addEmptyRows(1);
            return form(model, agentId, form);
        }
        AgentData data = form.toData();
        if (!validation.check(data, errors, form::fieldOf)) {
            return form(model, agentId, form);
        }
        try {
            if (agentId == null) {
                agents.create(data);
            } else {
                agents.update(agentId, data);
            }
        } catch (InvalidFieldException e) {
            validation.reject(e, errors, form::fieldOf);
            return form(model, agentId, form);
        }
        notices.success(redirect, "common.saved");
        return "redirect:/telephony/agents";
    }

    private String form(Model model, UUID agentId, AgentForm form) {
        form.setPassword(null); // a password is never sent back to the browser
        model.addAttribute("agentId", agentId);
        model.addAttribute("form", form);
        model.addAttribute("usernames", usernames(form.getUsername()));
        return FORM;
    }

    /** Users who may work at the desk, plus the one already chosen (whatever role it has now). */
    private Set<String> usernames(String current) {
        Set<String> names = new LinkedHashSet<>();
        if (current != null && !current.isBlank()) {
            names.add(current);
        }
        Stream.of(Role.AGENT, Role.SUPERVISOR)
                .flatMap(role -> users.withRole(role).stream())
                .map(UserInfo::username)
                .sorted()
                .forEach(names::add);
        return names;
    }
}
