package de.buergerservice.knowledge.internal;

import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.security.Role;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The look-ups every knowledge service starts with, written once: the tenant the current user names, a service
 * this tenant sees, whether the user edits (and so reads working copies), and texts in the user's language.
 */
@Component
class KnowledgeAccess {

    private final ServiceEntryRepository entries;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final MessageSource messages;

    KnowledgeAccess(
            ServiceEntryRepository entries, TenantDirectory tenants, TenantScope scope, MessageSource messages) {
        this.entries = entries;
        this.tenants = tenants;
        this.scope = scope;
        this.messages = messages;
    }

    /** The tenant the current user names by {@code slug}, if the user may see it. */
    TenantInfo tenant(String slug) {
        TenantInfo tenant = tenants.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("tenant"));
        scope.check(tenant.id(), "tenant");
        return tenant;
    }

    ServiceEntry entry(UUID serviceId, UUID tenantId) {
        return entries.findVisible(serviceId, tenantId)
                .orElseThrow(() -> new ResourceNotFoundException("knowledgeService"));
    }

    ServiceEntry catalogueEntry(UUID serviceId, UUID tenantId) {
        ServiceEntry entry = entry(serviceId, tenantId);
        if (!entry.isCatalogue()) {
            throw new ConflictException("knowledgeNotCatalogue");
        }
        return entry;
    }

    void checkDepartment(UUID tenantId, UUID departmentId) {
        if (departmentId != null
                && tenants.departmentsOf(tenantId).stream().noneMatch(d -> d.id().equals(departmentId))) {
            throw new InvalidFieldException("departmentId", "validation.knowledge.department");
        }
    }

    /**
     * Whether the current user edits: editors and administrators read the working copy of a change under review;
     * everybody else reads what is in force.
     */
    boolean editor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(a -> a.equals(Role.EDITOR.authority()) || a.equals(Role.ADMIN.authority()));
    }

    String username() {
        return scope.currentUsername();
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
