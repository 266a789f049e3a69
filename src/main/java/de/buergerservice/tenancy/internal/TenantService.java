package de.buergerservice.tenancy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.OpeningStatus;
import de.buergerservice.tenancy.TenantCreated;
import de.buergerservice.tenancy.TenantDeleted;

/**
 * Municipalities as users see and maintain them. Reads are limited to the tenants the user may see; a foreign
 * tenant is reported as not found. Changes are for administrators and land in the audit log.
 */
@Service
@Transactional
public class TenantService {

    static final String AUDIT_TYPE = "Tenant";

    private final TenantRepository tenants;
    private final DepartmentRepository departments;
    private final AgreementRepository agreements;
    private final OpeningCalendar calendar;
    private final PublicHolidays holidays;
    private final TenantScope scope;
    private final ChangeRecorder changes;
    private final ApplicationEventPublisher events;

    TenantService(
            TenantRepository tenants,
            DepartmentRepository departments,
            AgreementRepository agreements,
            OpeningCalendar calendar,
            PublicHolidays holidays,
            TenantScope scope,
            ChangeRecorder changes,
            ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.departments = departments;
        this.agreements = agreements;
        this.calendar = calendar;
        this.holidays = holidays;
        this.scope = scope;
        this.changes = changes;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<TenantView> list() {
        List<Tenant> visible =
                scope.restriction().map(tenants::findByIdInOrderByName).orElseGet(tenants::findAllByOrderByName);
        return visible.stream().map(Tenant::toView).toList();
    }

    @Transactional(readOnly = true)
    public TenantView get(String slug) {
        return visible(slug).toView();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public TenantView create(TenantData data) {
        checkUnique(data, null);
        Tenant tenant = tenants.save(new Tenant(data));
        TenantView view = tenant.toView();
        changes.created(AUDIT_TYPE, tenant.getId(), tenant.getId(), view);
        events.publishEvent(new TenantCreated(tenant.getId(), tenant.getSlug(), tenant.getName()));
        return view;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public TenantView update(String slug, TenantData data) {
        Tenant tenant = visible(slug);
        checkUnique(data, tenant);
        TenantView before = tenant.toView();
        tenant.apply(data);
        TenantView after = tenants.saveAndFlush(tenant).toView();
        changes.updated(AUDIT_TYPE, tenant.getId(), tenant.getId(), before, after);
        return after;
    }

    /** Deletes a municipality with its departments; refused while an agreement still names it. */
    @PreAuthorize("hasRole('ADMIN')")
    public void delete(String slug) {
        Tenant tenant = visible(slug);
        if (agreements.existsByClientTenantId(tenant.getId())) {
            throw new ConflictException("tenantHasAgreements", tenant.getName());
        }
        TenantView snapshot = tenant.toView();
        departments.deleteByTenantId(tenant.getId());
        tenants.delete(tenant);
        changes.deleted(AUDIT_TYPE, tenant.getId(), tenant.getId(), snapshot);
        events.publishEvent(new TenantDeleted(tenant.getId(), tenant.getSlug()));
    }

    @Transactional(readOnly = true)
    public OpeningStatus openingStatus(String slug, Instant at) {
        Tenant tenant = visible(slug);
        return calendar.status(tenant.getOpeningHours(), tenant.getFederalState(), at);
    }

    @Transactional(readOnly = true)
    public Map<LocalDate, String> publicHolidays(String slug, Year year) {
        return holidays.holidaysOf(year, visible(slug).getFederalState());
    }

    /** The tenant with {@code slug} if the current user may see it; otherwise not found. */
    Tenant visible(String slug) {
        return tenants.findBySlug(slug)
                .filter(t -> scope.permits(t.getId()))
                .orElseThrow(() -> new ResourceNotFoundException("tenant"));
    }

    private void checkUnique(TenantData data, Tenant self) {
        tenants.findBySlug(data.slug()).filter(other -> !other.equals(self)).ifPresent(other -> {
            throw new InvalidFieldException("slug", "validation.slug.taken", data.slug());
        });
        tenants.findByAgs(data.ags()).filter(other -> !other.equals(self)).ifPresent(other -> {
            throw new InvalidFieldException("ags", "validation.ags.taken", data.ags(), other.getName());
        });
        for (int i = 0; i < data.phoneNumbers().size(); i++) {
            String number = data.phoneNumbers().get(i);
            int index = i;
            tenants.findByPhoneNumber(number)
                    .filter(other -> !other.equals(self))
                    .ifPresent(other -> {
                        throw new InvalidFieldException(
                                "phoneNumbers[" + index + "]", "validation.phoneNumber.taken", number, other.getName());
                    });
        }
    }
}
