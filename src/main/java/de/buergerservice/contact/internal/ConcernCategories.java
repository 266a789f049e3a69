package de.buergerservice.contact.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The free concern categories a contact may have instead of a service, per ServiceCenter: the list of the
 * ServiceCenter that serves the municipality (by its agreement), or the default list when it has none of its own.
 */
@Component
class ConcernCategories {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final JdbcTemplate jdbc;
    private final TenantDirectory tenants;
    private final Clock clock;

    ConcernCategories(JdbcTemplate jdbc, TenantDirectory tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    List<String> of(UUID tenantId) {
        LocalDate today = LocalDate.now(clock.withZone(BERLIN));
        List<UUID> serviceCenters = tenants.agreementsFor(tenantId).stream()
                .sorted((a, b) -> Boolean.compare(b.coversDate(today), a.coversDate(today)))
                .map(AgreementInfo::serviceCenterId)
                .toList();
        for (UUID serviceCenter : serviceCenters) {
            List<String> own = jdbc.queryForList(
                    "select name from contact_category where service_center_id = ? order by position, name",
                    String.class,
                    serviceCenter);
            if (!own.isEmpty()) {
                return own;
            }
        }
        return jdbc.queryForList(
                "select name from contact_category where service_center_id is null order by position, name",
                String.class);
    }
}
