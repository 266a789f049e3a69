package de.buergerservice.contact.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.contact.internal.CallbackQueue;
import de.buergerservice.contact.internal.ContactService;
import de.buergerservice.contact.internal.ContactView;
import de.buergerservice.contact.internal.ScreenPop;
import de.buergerservice.contact.internal.ScreenPops;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.identity.UserInfo;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.KnowledgeSearch;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.shared.security.ScopedPrincipal;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.InvalidFieldsException;
import de.buergerservice.shared.web.Notices;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The agent's desk ({@code /desk}): the screen pop when the phone rings (server-sent events from
 * {@code /desk/stream}, the pop itself loaded as a fragment), the knowledge panel (search as you type over the
 * municipality's merged catalogue, the full answer with the responsible department) and the documentation form
 * of the current contact, which stays until it is saved; below, the callbacks the back office sent to the
 * ServiceCenter (to take and dial) and the agent's undocumented contacts.
 */
@Controller
@PreAuthorize(ContactService.WRITE)
class DeskController {

    private final ContactService contacts;
    private final ScreenPops pops;
    private final DeskStream stream;
    private final UserDirectory users;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final KnowledgeSearch search;
    private final KnowledgeCatalog catalog;
    private final FormValidation validation;
    private final Notices notices;
    private final CallbackQueue callbacks;

    DeskController(
            ContactService contacts,
            ScreenPops pops,
            DeskStream stream,
            UserDirectory users,
            TenantDirectory tenants,
            TenantScope scope,
            KnowledgeSearch search,
            KnowledgeCatalog catalog,
            FormValidation validation,
            Notices notices,
            CallbackQueue callbacks) {
        this.contacts = contacts;
        this.pops = pops;
        this.stream = stream;
        this.users = users;
        this.tenants = tenants;
        this.scope = scope;
        this.search = search;
        this.catalog = catalog;
        this.validation = validation;
        this.notices = notices;
        this.callbacks = callbacks;
    }

    @GetMapping("/desk")
    String desk(@RequestParam(required = false) UUID contact, Authentication authentication, Model model) {
        UserInfo me = me(authentication);
        Optional<ContactView> current =
                contact != null ? Optional.of(contacts.get(contact)) : contacts.currentOf(me.id());
        page(model, me, current.orElse(null), new DeskForm());
        return "contact/desk";
    }

    @GetMapping("/desk/stream")
    SseEmitter stream(Authentication authentication) {
        return stream.open(me(authentication).id());
    }

    /** The pop of a call that rings now (before it has a contact). */
    @GetMapping("/desk/pop")
    String pop(@RequestParam String callId, Authentication authentication, Model model) {
        ScreenPop pop = pops.ofCall(callId, me(authentication).displayName())
                .orElseThrow(() -> new ResourceNotFoundException("contact"));
        model.addAttribute("pop", pop);
        return "contact/fragments :: pop";
    }

    /** The pop and documentation form of a contact (the call was answered). */
    @GetMapping("/desk/contacts/{contactId}")
    String contact(@PathVariable UUID contactId, Authentication authentication, Model model) {
        UserInfo me = me(authentication);
        contactModel(model, me, contacts.get(contactId), new DeskForm());
        return "contact/fragments :: contact";
    }

    @GetMapping("/desk/knowledge")
    String knowledge(@RequestParam String tenant, @RequestParam(defaultValue = "") String q, Model model) {
        TenantInfo t = visibleTenant(tenant);
        model.addAttribute("tenant", t);
        model.addAttribute("query", q);
        model.addAttribute("result", q.isBlank() ? null : search.search(t.id(), q.strip(), 8, Audience.STAFF));
        return "contact/fragments :: hits";
    }

    @GetMapping("/desk/knowledge/{serviceId}")
    String answer(@PathVariable UUID serviceId, @RequestParam String tenant, Model model) {
        TenantInfo t = visibleTenant(tenant);
        ServiceView service = catalog.find(t.id(), serviceId, Audience.STAFF)
                .orElseThrow(() -> new ResourceNotFoundException("service"));
        model.addAttribute("tenant", t);
        model.addAttribute("service", service);
        model.addAttribute(
                "department",
                service.departmentId() == null
                        ? null
                        : tenants.findDepartment(service.departmentId()).orElse(null));
        return "contact/fragments :: answer";
    }

    /** An agent takes a callback of the ServiceCenter: its phone contact opens on the desk to dial and document. */
    @PostMapping("/desk/callbacks/{callbackId}/take")
    String takeCallback(@PathVariable UUID callbackId) {
        return "redirect:/desk?contact=" + callbacks.take(callbackId).id();
    }

    @PostMapping("/desk/contacts/{contactId}/documentation")
    String document(
            @PathVariable UUID contactId,
            @ModelAttribute("form") DeskForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        UserInfo me = me(authentication);
        if (!binding.hasErrors()) {
            try {
                contacts.document(contactId, form.toData());
                notices.success(redirect, "contact.desk.documented");
                return "redirect:/desk";
            } catch (InvalidFieldsException e) {
                e.errors()
                        .forEach(error -> validation.reject(
                                new InvalidFieldException(error.field(), error.code(), error.arguments()),
                                binding,
                                DeskForm::field));
            }
        }
        page(model, me, contacts.get(contactId), form);
        return "contact/desk";
    }

    private void page(Model model, UserInfo me, ContactView current, DeskForm form) {
        model.addAttribute("me", me);
        model.addAttribute(
                "tenants",
                tenants.findAll().stream().filter(t -> scope.permits(t.id())).toList());
        model.addAttribute("callbacks", callbacks.open());
        model.addAttribute(
                "undocumented",
                contacts.list(new ContactService.Query(null, me.id().toString(), null, null, null, null, null, true)));
        if (current != null) {
            contactModel(model, me, current, form);
        } else {
            model.addAttribute("form", form);
        }
    }

    private void contactModel(Model model, UserInfo me, ContactView contact, DeskForm form) {
        UUID tenantId = tenants.findBySlug(contact.tenant()).orElseThrow().id();
        if (form.getServiceId() == null && contact.concern() != null) {
            form.setServiceId(contact.concern().serviceId());
            form.setCategory(contact.concern().category());
            form.setServiceTitle(
                    contact.concern().serviceId() == null
                            ? null
                            : contact.concern().title());
            form.setNote(contact.note());
            form.setOutcome(contact.outcome());
            form.setDepartment(contact.department());
        }
        model.addAttribute("contact", contact);
        model.addAttribute("pop", pops.ofContact(contact.id(), me.displayName()).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("outcomes", ContactOutcome.values());
        model.addAttribute("kinds", HandOffKind.values());
        model.addAttribute("categories", contacts.categories(tenantId));
        List<DepartmentInfo> departments = tenants.departmentsOf(tenantId);
        model.addAttribute("departments", departments);
    }

    private TenantInfo visibleTenant(String slug) {
        return tenants.findBySlug(slug)
                .filter(t -> scope.permits(t.id()))
                .orElseThrow(() -> new ResourceNotFoundException("tenant"));
    }

    private UserInfo me(Authentication authentication) {
        String username =
                authentication.getPrincipal() instanceof ScopedPrincipal p ? p.username() : authentication.getName();
        return users.findByUsername(username).orElseThrow(() -> new ResourceNotFoundException("user"));
    }
}
