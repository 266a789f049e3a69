package de.buergerservice.backoffice.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.buergerservice.tenancy.TenantDeleted;

/** In the deleting transaction: a deleted municipality's tickets, their history and its mails go with it. */
@Component
class DeletedMunicipalities {

    private final JdbcTemplate jdbc;

    DeletedMunicipalities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TenantDeleted event) {
        jdbc.update("delete from backoffice_outbox where tenant_id = ?", event.tenantId());
        jdbc.update("delete from backoffice_ticket_step where tenant_id = ?", event.tenantId());
        jdbc.update("delete from backoffice_ticket where tenant_id = ?", event.tenantId());
    }
}
