package de.buergerservice.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask about tenants. These are system-level look-ups (e.g. the switchboard routing a call
 * by dialled number) and are not filtered by the current user; code serving a user checks
 * {@link de.buergerservice.shared.security.TenantScope} itself.
 */
public interface TenantDirectory {

    List<TenantInfo> findAll();

    Optional<TenantInfo> findById(UUID id);

    Optional<TenantInfo> findBySlug(String slug);

    /** The tenant that publishes {@code number}, given in any common notation. */
    Optional<TenantInfo> findByPhoneNumber(String number);

    /** Whether the tenant is open at {@code at}: weekly hours, date exceptions and public holidays. */
    OpeningStatus openingStatus(UUID tenantId, Instant at);

    boolean isOpen(UUID tenantId, Instant at);

    /** The tenant's weekly telephone hours and date exceptions (public holidays apart), e.g. for the agent's desk. */
    Optional<OpeningHours> openingHours(UUID tenantId);

    List<DepartmentInfo> departmentsOf(UUID tenantId);

    Optional<DepartmentInfo> findDepartment(UUID departmentId);

    /** Agreements in which the tenant is the client. */
    List<AgreementInfo> agreementsFor(UUID tenantId);
}
