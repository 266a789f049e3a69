package de.buergerservice.tenancy.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.OpeningStatus;
import de.buergerservice.tenancy.PhoneNumbers;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

@Service
@Transactional(readOnly = true)
class TenantDirectoryService implements TenantDirectory {

    private final TenantRepository tenants;
    private final DepartmentRepository departments;
    private final AgreementRepository agreements;
    private final OpeningCalendar calendar;

    TenantDirectoryService(
            TenantRepository tenants,
            DepartmentRepository departments,
            AgreementRepository agreements,
            OpeningCalendar calendar) {
        this.tenants = tenants;
        this.departments = departments;
        this.agreements = agreements;
        this.calendar = calendar;
    }

    @Override
    public List<TenantInfo> findAll() {
        return tenants.findAllByOrderByName().stream().map(Tenant::toInfo).toList();
    }

    @Override
    public Optional<TenantInfo> findById(UUID id) {
        return tenants.findById(id).map(Tenant::toInfo);
    }

    @Override
    public Optional<TenantInfo> findBySlug(String slug) {
        return tenants.findBySlug(slug).map(Tenant::toInfo);
    }

    @Override
    public Optional<TenantInfo> findByPhoneNumber(String number) {
        return PhoneNumbers.toE164(number).flatMap(tenants::findByPhoneNumber).map(Tenant::toInfo);
    }

    // Declared here rather than as a default method of the interface: only methods of this class run in the
    // class's read-only transaction, and the opening hours are loaded lazily.
    @Override
    public boolean isOpen(UUID tenantId, Instant at) {
        return openingStatus(tenantId, at).open();
    }

    @Override
    public OpeningStatus openingStatus(UUID tenantId, Instant at) {
        Tenant tenant =
                tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("No tenant " + tenantId));
        return calendar.status(tenant.getOpeningHours(), tenant.getFederalState(), at);
    }

    @Override
    public Optional<OpeningHours> openingHours(UUID tenantId) {
        return tenants.findById(tenantId).map(Tenant::getOpeningHours);
    }

    @Override
    public List<DepartmentInfo> departmentsOf(UUID tenantId) {
        return departments.findByTenantIdOrderByName(tenantId).stream()
                .map(Department::toInfo)
                .toList();
    }

    @Override
    public Optional<DepartmentInfo> findDepartment(UUID departmentId) {
        return departments.findById(departmentId).map(Department::toInfo);
    }

    @Override
    public List<AgreementInfo> agreementsFor(UUID tenantId) {
        return agreements.findByClientTenantIdInOrderByStartDateDesc(List.of(tenantId)).stream()
                .map(CooperationAgreement::toInfo)
                .toList();
    }
}
