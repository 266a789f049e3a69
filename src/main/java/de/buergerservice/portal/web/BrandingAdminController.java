package de.buergerservice.portal.web;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.portal.internal.BrandingService;
import de.buergerservice.portal.internal.Contrast;
import de.buergerservice.portal.internal.PortalContent;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.Notices;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Administrators set each municipality's portal: colour (refused below 4.5:1 against white, with the ratio in
 * the message), logo, address, Impressum and Datenschutz links, the feedback address of the accessibility
 * statement, the Leichte Sprache and Gebärdensprache pages and the services shown as most asked.
 */
@Controller
@RequestMapping("/admin/portal")
class BrandingAdminController {

    private final TenantDirectory tenants;
    private final BrandingService branding;
    private final PortalContent content;
    private final FormValidation validation;
    private final Notices notices;

    BrandingAdminController(
            TenantDirectory tenants,
            BrandingService branding,
            PortalContent content,
            FormValidation validation,
            Notices notices) {
        this.tenants = tenants;
        this.branding = branding;
        this.content = content;
        this.validation = validation;
        this.notices = notices;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tenants", tenants.findAll());
        return "portal/admin-list";
    }

    @GetMapping("/{slug}")
    String form(@PathVariable String slug, Model model) {
        TenantInfo tenant = tenant(slug);
        model.addAttribute("form", BrandingForm.of(branding.of(tenant.id())));
        return page(tenant, model);
    }

    @PostMapping("/{slug}")
    String save(
            @PathVariable String slug,
            @ModelAttribute("form") BrandingForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        TenantInfo tenant = tenant(slug);
        var data = form.toData();
        if (!validation.check(data, errors, FormValidation::topLevel)) {
            if (errors.hasFieldErrors("primaryColour") && Contrast.isHexColour(data.primaryColour())) {
                model.addAttribute(
                        "contrast",
                        String.format(java.util.Locale.GERMAN, "%.1f", Contrast.againstWhite(data.primaryColour())));
            }
            return page(tenant, model);
        }
        branding.save(tenant.id(), data);
        notices.success(redirect, "common.saved");
        return "redirect:/admin/portal/" + slug;
    }

    @PostMapping(path = "/{slug}/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String logo(
            @PathVariable String slug,
            @RequestParam("logo") MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        TenantInfo tenant = tenant(slug);
        try {
            branding.saveLogo(tenant.id(), file.getBytes());
        } catch (InvalidFieldException e) {
            notices.error(redirect, e.messageCode());
            return "redirect:/admin/portal/" + slug;
        }
        notices.success(redirect, "common.saved");
        return "redirect:/admin/portal/" + slug;
    }

    private String page(TenantInfo tenant, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("services", content.catalogue(tenant.id()).services());
        model.addAttribute("hasLogo", branding.of(tenant.id()).hasLogo());
        return "portal/admin-form";
    }

    private TenantInfo tenant(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("tenant"));
    }
}
