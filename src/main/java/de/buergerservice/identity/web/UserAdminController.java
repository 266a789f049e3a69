package de.buergerservice.identity.web;

import java.util.List;
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

import de.buergerservice.identity.internal.UserData;
import de.buergerservice.identity.internal.UserService;
import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.Notices;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/** Admin pages of users. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private static final String FORM = "admin/users/form";

    private final UserService users;
    private final TenantDirectory tenants;
    private final FormValidation validation;
    private final Notices notices;

    UserAdminController(UserService users, TenantDirectory tenants, FormValidation validation, Notices notices) {
        this.users = users;
        this.tenants = tenants;
        this.validation = validation;
        this.notices = notices;
    }

    /** Tenants to choose from, with their departments (grouped in the form). */
    record TenantChoice(TenantInfo tenant, List<DepartmentInfo> departments) {}

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "tenantChoices",
                tenants.findAll().stream()
                        .map(t -> new TenantChoice(t, tenants.departmentsOf(t.id())))
                        .toList());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.list());
        return "admin/users/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new UserForm());
        return FORM;
    }

    @PostMapping
    String create(@ModelAttribute("form") UserForm form, BindingResult errors, RedirectAttributes redirect) {
        return save(null, form, errors, redirect);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("userId", id);
        model.addAttribute("form", UserForm.of(users.get(id)));
        return FORM;
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") UserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("userId", id);
        return save(id, form, errors, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            users.delete(id);
            notices.success(redirect, "common.deleted");
        } catch (InvalidFieldException e) {
            notices.error(redirect, e.messageCode(), e.arguments());
        }
        return "redirect:/admin/users";
    }

    private String save(UUID id, UserForm form, BindingResult errors, RedirectAttributes redirect) {
        UserData data = form.toData();
        if (!validation.check(data, errors, FormValidation::topLevel)) {
            return FORM;
        }
        try {
            if (id == null) {
                users.create(data);
            } else {
                users.update(id, data);
            }
        } catch (InvalidFieldException e) {
            validation.reject(e, errors, FormValidation::topLevel);
            return FORM;
        }
        notices.success(redirect, "common.saved");
        return "redirect:/admin/users";
    }
}
