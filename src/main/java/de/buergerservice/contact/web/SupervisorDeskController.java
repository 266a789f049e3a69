package de.buergerservice.contact.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.buergerservice.contact.internal.CallbackQueue;
import de.buergerservice.contact.internal.ContactService;
import de.buergerservice.contact.internal.ContactState;
import de.buergerservice.contact.internal.ContactView;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.identity.UserInfo;
import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The supervisor's view of contacts ({@code /desk/supervisor}): per municipality the open contacts (in a call or
 * in wrap-up) and the undocumented ones (wrap-up ran out), each agent's current contact and the callbacks the back
 * office sent to the ServiceCenter. Live: the page reloads that part every 2 s ({@code /desk/supervisor/live}).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class SupervisorDeskController {

    record Municipality(TenantInfo tenant, List<ContactView> open, List<ContactView> undocumented) {}

    record AgentContact(UserInfo agent, ContactView contact) {}

    private final ContactService contacts;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final UserDirectory users;
    private final CallbackQueue callbacks;

    SupervisorDeskController(
            ContactService contacts,
            TenantDirectory tenants,
            TenantScope scope,
            UserDirectory users,
            CallbackQueue callbacks) {
        this.callbacks = callbacks;
        this.contacts = contacts;
        this.tenants = tenants;
        this.scope = scope;
        this.users = users;
    }

    @GetMapping("/desk/supervisor")
    String supervisor(Model model) {
        live(model);
        return "contact/supervisor";
    }

    /** The page's live part, which the page reloads every 2 s (htmx, as the planning progress does). */
    @GetMapping("/desk/supervisor/live")
    String supervisorLive(Model model) {
        live(model);
        return "contact/supervisor :: live";
    }

    private void live(Model model) {
        Map<String, Municipality> byTenant = new LinkedHashMap<>();
        for (TenantInfo tenant : tenants.findAll()) {
            if (!scope.permits(tenant.id())) {
                continue;
            }
            List<ContactView> open = contacts.list(
                    new ContactService.Query(tenant.slug(), null, null, null, null, ContactState.OPEN, null, false));
            List<ContactView> undocumented =
                    contacts.list(new ContactService.Query(tenant.slug(), null, null, null, null, null, null, true));
            byTenant.put(tenant.slug(), new Municipality(tenant, open, undocumented));
        }
        model.addAttribute("municipalities", byTenant.values());
        model.addAttribute(
                "agents",
                users.withRole(Role.AGENT).stream()
                        .map(agent -> new AgentContact(
                                agent, contacts.currentOf(agent.id()).orElse(null)))
                        .toList());
        model.addAttribute("callbacks", callbacks.open());
    }
}
