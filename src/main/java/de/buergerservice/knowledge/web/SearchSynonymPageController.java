package de.buergerservice.knowledge.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeHit;
import de.buergerservice.knowledge.KnowledgeSearch;
import de.buergerservice.knowledge.internal.search.SynonymData;
import de.buergerservice.knowledge.internal.search.SynonymService;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.Notices;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The editors' synonyms page of one municipality ({@code /knowledge/synonyms?tenant=…}): list, add, delete, and
 * a search box to try what a caller's word now finds (htmx swaps the hits in).
 */
@Controller
@RequestMapping("/knowledge/synonyms")
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
class SearchSynonymPageController {

    private static final String PAGE = "knowledge/search-synonyms";
    private static final int MAX_QUERY = 200;

    private final SynonymService synonyms;
    private final TenantDirectory tenants;
    private final KnowledgeSearch search;
    private final FormValidation validation;
    private final Notices notices;
    private final MessageSource messages;

    SearchSynonymPageController(
            SynonymService synonyms,
            TenantDirectory tenants,
            KnowledgeSearch search,
            FormValidation validation,
            Notices notices,
            MessageSource messages) {
        this.synonyms = synonyms;
        this.tenants = tenants;
        this.search = search;
        this.validation = validation;
        this.notices = notices;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(required = false) String tenant, Model model) {
        model.addAttribute("form", new SearchSynonymForm());
        model.addAttribute("sharedForm", new SearchSynonymForm());
        return show(tenant, model);
    }

    @PostMapping
    String create(
            @RequestParam String tenant,
            @ModelAttribute("form") SearchSynonymForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("sharedForm", new SearchSynonymForm());
        return save(tenant, form, errors, model, redirect, data -> synonyms.create(tenant, data));
    }

    /** Adds to the ServiceCenter-wide list, which every municipality's search applies. */
    @PostMapping("/shared")
    String createShared(
            @RequestParam String tenant,
            @ModelAttribute("sharedForm") SearchSynonymForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("form", new SearchSynonymForm());
        return save(tenant, form, errors, model, redirect, synonyms::createShared);
    }

    /** Both lists' forms: the same validation, German messages at the fields, and back to the page. */
    private String save(
            String tenant,
            SearchSynonymForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Consumer<SynonymData> saving) {
        SynonymData data = form.toData();
        if (!validation.check(data, errors, FormValidation::topLevel)) {
            return show(tenant, model);
        }
        try {
            saving.accept(data);
        } catch (InvalidFieldException e) {
            validation.reject(e, errors, FormValidation::topLevel);
            return show(tenant, model);
        }
        notices.success(redirect, "common.saved");
        return "redirect:/knowledge/synonyms?tenant=" + tenant;
    }

    @PostMapping("/shared/{synonymId}/delete")
    String deleteShared(@PathVariable UUID synonymId, @RequestParam String tenant, RedirectAttributes redirect) {
        synonyms.deleteShared(synonymId);
        notices.success(redirect, "common.deleted");
        return "redirect:/knowledge/synonyms?tenant=" + tenant;
    }

    @PostMapping("/{synonymId}/delete")
    String delete(@PathVariable UUID synonymId, @RequestParam String tenant, RedirectAttributes redirect) {
        synonyms.delete(tenant, synonymId);
        notices.success(redirect, "common.deleted");
        return "redirect:/knowledge/synonyms?tenant=" + tenant;
    }

    /**
     * The hits of a trial search, as an htmx fragment. Always answers with the fragment: htmx swaps nothing on an
     * error status, and the editor would see an empty list without a word.
     */
    @GetMapping("/try")
    String trySearch(
            @RequestParam(required = false) String tenant, @RequestParam(defaultValue = "") String q, Model model) {
        String query = q.strip();
        List<KnowledgeHit> hits = List.of();
        String message = null;
        if (query.isEmpty()) {
            message = text("knowledge.search.query.required");
        } else if (query.length() > MAX_QUERY) {
            message = text("knowledge.search.query.tooLong", MAX_QUERY);
        } else {
            try {
                TenantInfo visible = synonyms.visibleTenant(tenant);
                hits = search.search(visible.id(), query, 5, Audience.STAFF).hits();
                message = hits.isEmpty() ? text("knowledge.search.synonyms.noHits") : null;
            } catch (ResourceNotFoundException unknown) {
                message = text("knowledge.search.synonyms.tryFailed");
            }
        }
        model.addAttribute("hits", hits);
        model.addAttribute("trialMessage", message);
        return PAGE + " :: hits";
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private String show(String slug, Model model) {
        List<TenantInfo> all = tenants.findAll();
        TenantInfo tenant = slug == null && !all.isEmpty() ? all.get(0) : synonyms.visibleTenant(slug);
        model.addAttribute("tenants", all);
        model.addAttribute("tenant", tenant);
        model.addAttribute("synonyms", synonyms.list(tenant.slug()));
        model.addAttribute("shared", synonyms.listShared());
        return PAGE;
    }
}
