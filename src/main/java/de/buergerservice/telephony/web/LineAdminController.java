package de.buergerservice.telephony.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.Notices;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.QueueSettings;
import de.buergerservice.telephony.internal.QueueSettingsData;
import de.buergerservice.telephony.internal.QueueView;
import de.buergerservice.telephony.internal.SkillCoverage;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Pages for supervisors and administrators to set each municipality's line (ring timeout, wrap-up, overflow,
 * what callers get when it is closed): the same service and validation as {@code PUT /api/v1/tenants/{slug}/telephony}.
 */
@Controller
@RequestMapping("/telephony/lines")
@PreAuthorize(TelephonyApiController.MANAGERS)
class LineAdminController {

    private static final String FORM = "telephony/line-form";

    private final QueueService queues;
    private final TenantDirectory tenants;
    private final SkillCoverage coverage;
    private final FormValidation validation;
    private final Notices notices;

    LineAdminController(
            QueueService queues,
            TenantDirectory tenants,
            SkillCoverage coverage,
            FormValidation validation,
            Notices notices) {
        this.queues = queues;
        this.tenants = tenants;
        this.coverage = coverage;
        this.validation = validation;
        this.notices = notices;
    }

    /** A municipality with its line. */
    record Line(TenantInfo tenant, QueueView line) {}

    @GetMapping
    String list(Model model) {
        model.addAttribute(
                "lines",
                tenants.findAll().stream()
                        .sorted((a, b) -> a.name().compareTo(b.name()))
                        .map(t -> new Line(t, queues.view(t.id())))
                        .toList());
        model.addAttribute("tenantNames", names());
        model.addAttribute("uncovered", coverage.uncovered());
        return "telephony/lines";
    }

    @GetMapping("/{slug}/edit")
    String editForm(@PathVariable String slug, Model model) {
        TenantInfo tenant = tenant(slug);
        return form(model, tenant, LineForm.of(queues.view(tenant.id())));
    }

    @PostMapping("/{slug}")
    String update(
            @PathVariable String slug,
            @ModelAttribute("form") LineForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        TenantInfo tenant = tenant(slug);
        QueueSettingsData data = form.toData();
        if (!validation.check(data, errors, FormValidation::topLevel)) {
            return form(model, tenant, form);
        }
        try {
            queues.update(tenant.id(), data);
        } catch (InvalidFieldException e) {
            validation.reject(e, errors, FormValidation::topLevel);
            return form(model, tenant, form);
        }
        notices.success(redirect, "common.saved");
        return "redirect:/telephony/lines";
    }

    private String form(Model model, TenantInfo tenant, LineForm form) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("form", form);
        model.addAttribute(
                "overflowChoices",
                tenants.findAll().stream()
                        .filter(t -> !t.id().equals(tenant.id()))
                        .sorted((a, b) -> a.name().compareTo(b.name()))
                        .toList());
        model.addAttribute("closedActions", QueueSettings.ClosedAction.values());
        return FORM;
    }

    private Map<String, String> names() {
        return tenants.findAll().stream().collect(Collectors.toMap(TenantInfo::slug, TenantInfo::name));
    }

    private TenantInfo tenant(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("tenant"));
    }
}
