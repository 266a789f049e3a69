package de.buergerservice.applications.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.buergerservice.tenancy.TenantDeleted;

/** A deleted municipality's forms and all their versions go with it. */
@Component
class TenantForms {

    private final FormStore store;

    TenantForms(FormStore store) {
        this.store = store;
    }

    @EventListener
    void tenantDeleted(TenantDeleted event) {
        store.deleteTenant(event.tenantId());
    }
}
