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

import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.Notices;
import de.buergerservice.tenancy.internal.ServiceCenterData;
import de.buergerservice.tenancy.internal.ServiceCenterService;

/** Admin pages of operators. */
@Controller
@RequestMapping("/admin/service-centers")
class ServiceCenterAdminController {

    private final ServiceCenterService serviceCenters;
    private final FormValidation validation;
    private final Notices notices;

    ServiceCenterAdminController(ServiceCenterService serviceCenters, FormValidation validation, Notices notices) {
        this.serviceCenters = serviceCenters;
        this.validation = validation;
        this.notices = notices;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("serviceCenters", serviceCenters.list());
        return "admin/service-centers/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new ServiceCenterForm());
        return "admin/service-centers/form";
    }

    @PostMapping
    String create(@ModelAttribute("form") ServiceCenterForm form, BindingResult errors, RedirectAttributes redirect) {
        ServiceCenterData data = form.toData();
        if (!validation.check(data, errors, FormValidation::topLevel)) {
            return "admin/service-centers/form";
        }
        serviceCenters.create(data);
        notices.success(redirect, "common.saved");
        return "redirect:/admin/service-centers";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("serviceCenterId", id);
        model.addAttribute("form", ServiceCenterForm.of(serviceCenters.get(id)));
        return "admin/service-centers/form";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") ServiceCenterForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("serviceCenterId", id);
        ServiceCenterData data = form.toData();
        if (!validation.check(data, errors, FormValidation::topLevel)) {
            return "admin/service-centers/form";
        }
        serviceCenters.update(id, data);
        notices.success(redirect, "common.saved");
        return "redirect:/admin/service-centers";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            serviceCenters.delete(id);
        } catch (ConflictException e) {
            notices.error(redirect, e);
            return "redirect:/admin/service-centers";
        }
        notices.success(redirect, "common.deleted");
        return "redirect:/admin/service-centers";
    }
}
