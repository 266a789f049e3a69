package de.buergerservice.portal.web;

import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerservice.contact.ContactIntake;
import de.buergerservice.portal.internal.ContactRateLimit;
import de.buergerservice.portal.internal.PortalContent;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The contact form: validated on the server with German messages at the fields, protected against spam by a rate
 * limit per client address (429) and a honeypot field, and handed to the contact module
 * ({@link ContactIntake}), which stores it as a {@code WEB} contact for the municipality's back office. Not cached
 * (it carries the CSRF token of the visitor's session).
 */
@Controller
class PortalContactController {

    private static final Logger log = LoggerFactory.getLogger(PortalContactController.class);

    private final PortalPageSupport pages;
    private final PortalContent content;
    private final ContactRateLimit rateLimit;
    private final ObjectProvider<ContactIntake> intake;
    private final de.buergerservice.shared.web.ClientAddress clients;

    PortalContactController(
            PortalPageSupport pages,
            PortalContent content,
            ContactRateLimit rateLimit,
            ObjectProvider<ContactIntake> intake,
            de.buergerservice.shared.web.ClientAddress clients) {
        this.clients = clients;
        this.pages = pages;
        this.content = content;
        this.rateLimit = rateLimit;
        this.intake = intake;
    }

    /** Only the form's own fields are bound. */
    @InitBinder("contactForm")
    void fields(WebDataBinder binder) {
        binder.setAllowedFields("name", "email", "phone", "message", "serviceId", "departmentId", "consent", "website");
    }

    @GetMapping("/{slug}/kontakt")
    String form(
            @PathVariable String slug,
            @RequestParam(name = "leistung", required = false) String service,
            @RequestParam(name = "gesendet", required = false) String sent,
            Model model) {
        TenantInfo tenant = pages.tenant(slug);
        ContactForm form = new ContactForm();
        form.setServiceId(serviceOf(tenant, service));
        model.addAttribute("contactForm", form);
        model.addAttribute("sent", sent != null);
        return page(tenant, model);
    }

    @PostMapping("/{slug}/kontakt")
    String submit(
            @PathVariable String slug,
            @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        TenantInfo tenant = pages.tenant(slug);
        OptionalLong wait = rateLimit.tryAcquire(clients.of(request));
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.getAsLong()));
            model.addAttribute("tooMany", Math.max(1, (wait.getAsLong() + 59) / 60));
            model.addAttribute("sent", false);
            return page(tenant, model);
        }
        if (form.getWebsite() != null && !form.getWebsite().isEmpty()) {
            // a bot: it is told what a person would be told, and nothing is stored
            log.info("Contact form of {}: honeypot filled, dropped", tenant.slug());
            return "redirect:/" + tenant.slug() + "/kontakt?gesendet=ja";
        }
        if (form.getDepartmentId() != null
                && content.department(tenant.id(), form.getDepartmentId()).isEmpty()) {
            errors.rejectValue("departmentId", "portal.contact.department.unknown");
        }
        if (form.getServiceId() != null
                && content.catalogue(tenant.id()).find(form.getServiceId()).isEmpty()) {
            form.setServiceId(null);
        }
        if (errors.hasErrors()) {
            model.addAttribute("sent", false);
            return page(tenant, model);
        }
        ContactIntake contacts = intake.getIfAvailable();
        if (contacts == null) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("unavailable", true);
            model.addAttribute("sent", false);
            return page(tenant, model);
        }
        contacts.submitWebRequest(new ContactIntake.WebRequest(
                tenant.id(),
                form.getServiceId(),
                form.getDepartmentId(),
                form.getName().strip(),
                form.getEmail().strip(),
                form.getPhone() == null || form.getPhone().isBlank()
                        ? null
                        : form.getPhone().strip(),
                form.getMessage().strip()));
        return "redirect:/" + tenant.slug() + "/kontakt?gesendet=ja";
    }

    private String page(TenantInfo tenant, Model model) {
        Map<String, Object> common = pages.model(tenant, "kontakt", "Kontakt", "Schreiben Sie " + tenant.name() + ".");
        common.forEach(model::addAttribute);
        model.addAttribute("departments", content.departments(tenant.id()));
        ContactForm form = (ContactForm) model.getAttribute("contactForm");
        if (form != null && form.getServiceId() != null) {
            content.catalogue(tenant.id())
                    .find(form.getServiceId())
                    .ifPresent(s -> model.addAttribute("aboutService", s));
        }
        return "portal/contact";
    }

    private UUID serviceOf(TenantInfo tenant, String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            return content.catalogue(tenant.id()).find(id).isPresent() ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
