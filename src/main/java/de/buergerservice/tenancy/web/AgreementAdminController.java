package de.buergerservice.tenancy.web;

import java.util.UUID;

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
import de.buergerservice.tenancy.AgreementStatus;
import de.buergerservice.tenancy.Channel;
import de.buergerservice.tenancy.internal.AgreementData;
import de.buergerservice.tenancy.internal.AgreementService;
import de.buergerservice.tenancy.internal.ServiceCenterService;
import de.buergerservice.tenancy.internal.TenantService;

/** Admin pages of cooperation agreements. */
@Controller
@RequestMapping("/admin/agreements")
class AgreementAdminController {

    private static final String FORM = "admin/agreements/form";

    private final AgreementService agreements;
    private final TenantService tenants;
    private final ServiceCenterService serviceCenters;
    private final FormValidation validation;
    private final Notices notices;

    AgreementAdminController(
            AgreementService agreements,
            TenantService tenants,
            ServiceCenterService serviceCenters,
            FormValidation validation,
            Notices notices) {
        this.agreements = agreements;
        this.tenants = tenants;
        this.serviceCenters = serviceCenters;
        this.validation = validation;
        this.notices = notices;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("statuses", AgreementStatus.values());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("agreements", agreements.list());
        return "admin/agreements/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new AgreementForm());
        return form(model);
    }

    @PostMapping
    String create(
            @ModelAttribute("form") AgreementForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return save(null, form, errors, model, redirect);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("agreementId", id);
        model.addAttribute("form", AgreementForm.of(agreements.get(id)));
        return form(model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") AgreementForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("agreementId", id);
        return save(id, form, errors, model, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        agreements.delete(id);
        notices.success(redirect, "common.deleted");
        return "redirect:/admin/agreements";
    }

    private String save(UUID id, AgreementForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        AgreementData data = form.toData();
        if (!validation.check(data, errors, AgreementForm::fieldOf)) {
            return form(model);
        }
        try {
            if (id == null) {
                agreements.create(data);
            } else {
                agreements.update(id, data);
            }
        } catch (InvalidFieldException e) {
            validation.reject(e, errors, AgreementForm::fieldOf);
            return form(model);
        }
        notices.success(redirect, "common.saved");
        return "redirect:/admin/agreements";
    }

    private String form(Model model) {
        model.addAttribute("tenants", tenants.list());
        model.addAttribute("serviceCenters", serviceCenters.list());
        return FORM;
    }
}
