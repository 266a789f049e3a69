package de.buergerservice.tenancy.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;

/**
 * Cooperation agreements. Supervisors and administrators see all; a municipality's management sees the
 * agreements in which its municipality is the client. Only administrators change them.
 */
@Service
@Transactional
public class AgreementService {

    static final String AUDIT_TYPE = "CooperationAgreement";
    private static final String READERS = "hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGEMENT')";

    private final AgreementRepository agreements;
    private final TenantRepository tenants;
    private final TenantService tenantService;
    private final ServiceCenterRepository serviceCenters;
    private final TenantScope scope;
    private final ChangeRecorder changes;

    AgreementService(
            AgreementRepository agreements,
            TenantRepository tenants,
            TenantService tenantService,
            ServiceCenterRepository serviceCenters,
            TenantScope scope,
            ChangeRecorder changes) {
        this.agreements = agreements;
        this.tenants = tenants;
        this.tenantService = tenantService;
        this.serviceCenters = serviceCenters;
        this.scope = scope;
        this.changes = changes;
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<AgreementView> list() {
        List<CooperationAgreement> visible = scope.restriction()
                .map(agreements::findByClientTenantIdInOrderByStartDateDesc)
                .orElseGet(agreements::findAllByOrderByStartDateDesc);
        return visible.stream().map(this::view).toList();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<AgreementView> listForTenant(String slug) {
        UUID tenantId = tenantService.visible(slug).getId();
        return agreements.findByClientTenantIdInOrderByStartDateDesc(List.of(tenantId)).stream()
                .map(this::view)
                .toList();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public AgreementView get(UUID id) {
        return view(find(id));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public AgreementView create(AgreementData data) {
        CooperationAgreement agreement = new CooperationAgreement(
                serviceCenter(data).getId(), client(data).getId(), data);
        AgreementView view = view(agreements.save(agreement));
        changes.created(AUDIT_TYPE, agreement.getId(), agreement.getClientTenantId(), view);
        return view;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public AgreementView update(UUID id, AgreementData data) {
        CooperationAgreement agreement = find(id);
        AgreementView before = view(agreement);
        agreement.apply(serviceCenter(data).getId(), client(data).getId(), data);
        AgreementView after = view(agreements.saveAndFlush(agreement));
        changes.updated(AUDIT_TYPE, id, agreement.getClientTenantId(), before, after);
        return after;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void delete(UUID id) {
        CooperationAgreement agreement = find(id);
        AgreementView snapshot = view(agreement);
        agreements.delete(agreement);
        changes.deleted(AUDIT_TYPE, id, agreement.getClientTenantId(), snapshot);
    }

    private CooperationAgreement find(UUID id) {
        return agreements
                .findById(id)
                .filter(a -> scope.permits(a.getClientTenantId()))
                .orElseThrow(() -> new ResourceNotFoundException("agreement"));
    }

    private ServiceCenter serviceCenter(AgreementData data) {
        return serviceCenters
                .findById(data.serviceCenterId())
                .orElseThrow(() -> new InvalidFieldException("serviceCenterId", "validation.serviceCenter.unknown"));
    }

    private Tenant client(AgreementData data) {
        return tenants.findBySlug(data.clientTenant())
                .orElseThrow(() ->
                        new InvalidFieldException("clientTenant", "validation.tenant.unknown", data.clientTenant()));
    }

    private AgreementView view(CooperationAgreement agreement) {
        var info = agreement.toInfo();
        ServiceCenter operator = serviceCenters.getReferenceById(agreement.getServiceCenterId());
        Tenant client = tenants.getReferenceById(agreement.getClientTenantId());
        return new AgreementView(
                info.id(),
                new AgreementView.Party(operator.getId(), null, operator.getName()),
                new AgreementView.Party(client.getId(), client.getSlug(), client.getName()),
                info.channels(),
                info.startDate(),
                info.trialPhaseEnd(),
                info.endDate(),
                info.serviceLevelTarget(),
                info.targetAverageWaitSeconds(),
                info.targetFirstContactResolutionPercent(),
                info.pricePerContact(),
                info.status(),
                info.callbackDeadlineServiceHours());
    }
}
