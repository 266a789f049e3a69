package de.buergerservice.tenancy.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.ResourceNotFoundException;

/** The operators. Their names are no secret to any signed-in user; changes are for administrators. */
@Service
@Transactional
public class ServiceCenterService {

    static final String AUDIT_TYPE = "ServiceCenter";

    private final ServiceCenterRepository serviceCenters;
    private final AgreementRepository agreements;
    private final ChangeRecorder changes;

    ServiceCenterService(
            ServiceCenterRepository serviceCenters, AgreementRepository agreements, ChangeRecorder changes) {
        this.serviceCenters = serviceCenters;
        this.agreements = agreements;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<ServiceCenterView> list() {
        return serviceCenters.findAllByOrderByName().stream()
                .map(ServiceCenter::toView)
                .toList();
    }

    @Transactional(readOnly = true)
    public ServiceCenterView get(UUID id) {
        return find(id).toView();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ServiceCenterView create(ServiceCenterData data) {
        ServiceCenter serviceCenter = serviceCenters.save(new ServiceCenter(data));
        ServiceCenterView view = serviceCenter.toView();
        changes.created(AUDIT_TYPE, serviceCenter.getId(), null, view);
        return view;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ServiceCenterView update(UUID id, ServiceCenterData data) {
        ServiceCenter serviceCenter = find(id);
        ServiceCenterView before = serviceCenter.toView();
        serviceCenter.apply(data);
        ServiceCenterView after = serviceCenters.saveAndFlush(serviceCenter).toView();
        changes.updated(AUDIT_TYPE, id, null, before, after);
        return after;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void delete(UUID id) {
        ServiceCenter serviceCenter = find(id);
        if (agreements.existsByServiceCenterId(id)) {
            throw new ConflictException("serviceCenterHasAgreements", serviceCenter.getName());
        }
        ServiceCenterView snapshot = serviceCenter.toView();
        serviceCenters.delete(serviceCenter);
        changes.deleted(AUDIT_TYPE, id, null, snapshot);
    }

    ServiceCenter find(UUID id) {
        return serviceCenters.findById(id).orElseThrow(() -> new ResourceNotFoundException("serviceCenter"));
    }
}
