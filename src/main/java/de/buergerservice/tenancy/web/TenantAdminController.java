package de.buergerservice.tenancy.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.Notices;
import de.buergerservice.tenancy.FederalState;
import de.buergerservice.tenancy.OpeningException;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.TenantType;
import de.buergerservice.tenancy.TimeRange;
import de.buergerservice.tenancy.internal.AgreementService;
import de.buergerservice.tenancy.internal.DepartmentService;
import de.buergerservice.tenancy.internal.TenantData;
import de.buergerservice.tenancy.internal.TenantService;
import de.buergerservice.tenancy.internal.TenantView;

/** Admin pages of municipalities: list, detail (departments, hours, holidays, agreements), create and edit. */
@Controller
@RequestMapping("/admin/tenants")
class TenantAdminController {

    private final TenantService tenants;
    private final DepartmentService departments;
    private final AgreementService agreements;
    private final FormValidation validation;
    private final Notices notices;
    private final Clock clock;

    TenantAdminController(
            TenantService tenants,
            DepartmentService departments,
            AgreementService agreements,
            FormValidation validation,
            Notices notices,
            Clock clock) {
        this.tenants = tenants;
        this.departments = departments;
        this.agreements = agreements;
        this.validation = validation;
        this.notices = notices;
        this.clock = clock;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("tenantTypes", TenantType.values());
        model.addAttribute("federalStates", FederalState.values());
        model.addAttribute("days", DayOfWeek.values());
    }

    @GetMapping
    String list(Model model) {
        Instant now = clock.instant();
        List<TenantView> all = tenants.list();
        model.addAttribute("tenants", all);
        model.addAttribute(
                "openNow",
                all.stream().collect(Collectors.toMap(TenantView::slug, t -> tenants.openingStatus(t.slug(), now)
                        .open())));
        return "admin/tenants/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new TenantForm());
        return "admin/tenants/form";
    }

    @PostMapping
    String create(@ModelAttribute("form") TenantForm form, BindingResult errors, RedirectAttributes redirect) {
        TenantData data = form.toData(List.of(), errors);
        if (!validation.check(data, errors, TenantForm::fieldOf)) {
            return "admin/tenants/form";
        }
        try {
            TenantView created = tenants.create(data);
            notices.success(redirect, "common.saved");
            return "redirect:/admin/tenants/" + created.slug();
        } catch (InvalidFieldException e) {
            validation.reject(e, errors, TenantForm::fieldOf);
            return "admin/tenants/form";
        }
    }

    @GetMapping("/{slug}")
    String detail(@PathVariable String slug, Model model) {
        TenantView tenant = tenants.get(slug);
        Year year = Year.now(clock.withZone(BerlinTime.ZONE));
        model.addAttribute("tenant", tenant);
        model.addAttribute("status", tenants.openingStatus(slug, clock.instant()));
        model.addAttribute("departments", departments.list(slug));
        model.addAttribute("agreements", agreements.listForTenant(slug));
        model.addAttribute("year", year);
        model.addAttribute("holidays", new TreeMap<>(tenants.publicHolidays(slug, year)));
        if (!model.containsAttribute("exception")) {
            model.addAttribute("exception", new ExceptionForm());
        }
        return "admin/tenants/detail";
    }

    @GetMapping("/{slug}/edit")
    String editForm(@PathVariable String slug, Model model) {
        model.addAttribute("slug", slug);
        model.addAttribute("form", TenantForm.of(tenants.get(slug)));
        return "admin/tenants/form";
    }

    @PostMapping("/{slug}")
    String update(
            @PathVariable String slug,
            @ModelAttribute("form") TenantForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("slug", slug);
        TenantData data = form.toData(tenants.get(slug).openingHours().exceptions(), errors);
        if (!validation.check(data, errors, TenantForm::fieldOf)) {
            return "admin/tenants/form";
        }
        try {
            TenantView updated = tenants.update(slug, data);
            notices.success(redirect, "common.saved");
            return "redirect:/admin/tenants/" + updated.slug();
        } catch (InvalidFieldException e) {
            validation.reject(e, errors, TenantForm::fieldOf);
            return "admin/tenants/form";
        }
    }

    @PostMapping("/{slug}/delete")
    String delete(@PathVariable String slug, RedirectAttributes redirect) {
        try {
            tenants.delete(slug);
        } catch (ConflictException e) {
            notices.error(redirect, e);
            return "redirect:/admin/tenants/" + slug;
        }
        notices.success(redirect, "common.deleted");
        return "redirect:/admin/tenants";
    }

    @PostMapping("/{slug}/exceptions")
    String addException(
            @PathVariable String slug,
            @ModelAttribute("exception") ExceptionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        TenantView tenant = tenants.get(slug);
        List<TimeRange> hours = List.of();
        try {
            hours = TimeRanges.parse(form.getHours());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("hours", "validation.openingHours.format");
        }
        if (form.getDate() == null) {
            errors.rejectValue("date", "validation.required");
        }
        List<OpeningException> exceptions =
                new ArrayList<>(tenant.openingHours().exceptions());
        exceptions.removeIf(e -> e.date().equals(form.getDate()));
        exceptions.add(new OpeningException(form.getDate(), hours, form.getNote()));
        TenantData data = withExceptions(tenant, exceptions);
        if (!errors.hasErrors()
                && validation.check(
                        data,
                        errors,
                        path -> path.contains("note")
                                ? "note"
                                : path.contains("hours") || path.contains("exceptions") ? "hours" : null)) {
            tenants.update(slug, data);
            notices.success(redirect, "common.saved");
            return "redirect:/admin/tenants/" + slug;
        }
        return detail(slug, model);
    }

    @PostMapping("/{slug}/exceptions/{date}/delete")
    String removeException(@PathVariable String slug, @PathVariable LocalDate date, RedirectAttributes redirect) {
        TenantView tenant = tenants.get(slug);
        List<OpeningException> exceptions =
                new ArrayList<>(tenant.openingHours().exceptions());
        exceptions.removeIf(e -> e.date().equals(date));
        tenants.update(slug, withExceptions(tenant, exceptions));
        notices.success(redirect, "common.deleted");
        return "redirect:/admin/tenants/" + slug;
    }

    private static TenantData withExceptions(TenantView tenant, List<OpeningException> exceptions) {
        TenantData data = tenant.toData();
        return new TenantData(
                data.slug(),
                data.name(),
                data.type(),
                data.ags(),
                data.federalState(),
                data.phoneNumbers(),
                data.greeting(),
                data.websiteUrl(),
                new OpeningHours(data.openingHours().weekly(), exceptions));
    }
}
