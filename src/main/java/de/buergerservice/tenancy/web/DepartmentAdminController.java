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
import de.buergerservice.tenancy.internal.DepartmentData;
import de.buergerservice.tenancy.internal.DepartmentService;
import de.buergerservice.tenancy.internal.TenantService;

/** Admin pages of a municipality's departments. */
@Controller
@RequestMapping("/admin/tenants/{slug}/departments")
class DepartmentAdminController {

    private final DepartmentService departments;
    private final TenantService tenants;
    private final FormValidation validation;
    private final Notices notices;

    DepartmentAdminController(
            DepartmentService departments, TenantService tenants, FormValidation validation, Notices notices) {
        this.departments = departments;
        this.tenants = tenants;
        this.validation = validation;
        this.notices = notices;
    }

    @ModelAttribute
    void tenant(@PathVariable String slug, Model model) {
        model.addAttribute("tenant", tenants.get(slug));
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new DepartmentForm());
        return "admin/tenants/department-form";
    }

    @PostMapping
    String create(
            @PathVariable String slug,
            @ModelAttribute("form") DepartmentForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return save(slug, null, form, errors, redirect);
    }

    @GetMapping("/{departmentId}/edit")
    String editForm(@PathVariable String slug, @PathVariable UUID departmentId, Model model) {
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("form", DepartmentForm.of(departments.get(slug, departmentId)));
        return "admin/tenants/department-form";
    }

    @PostMapping("/{departmentId}")
    String update(
            @PathVariable String slug,
            @PathVariable UUID departmentId,
            @ModelAttribute("form") DepartmentForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("departmentId", departmentId);
        return save(slug, departmentId, form, errors, redirect);
    }

    @PostMapping("/{departmentId}/delete")
    String delete(@PathVariable String slug, @PathVariable UUID departmentId, RedirectAttributes redirect) {
        departments.delete(slug, departmentId);
        notices.success(redirect, "common.deleted");
        return "redirect:/admin/tenants/" + slug;
    }

    private String save(
            String slug, UUID departmentId, DepartmentForm form, BindingResult errors, RedirectAttributes redirect) {
        DepartmentData data = form.toData();
        if (!validation.check(data, errors, FormValidation::topLevel)) {
            return "admin/tenants/department-form";
        }
        try {
            if (departmentId == null) {
                departments.create(slug, data);
            } else {
                departments.update(slug, departmentId, data);
            }
        } catch (InvalidFieldException e) {
            validation.reject(e, errors, FormValidation::topLevel);
            return "admin/tenants/department-form";
        }
        notices.success(redirect, "common.saved");
        return "redirect:/admin/tenants/" + slug;
    }
}
