package de.buergerservice.tenancy.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.tenancy.internal.ServiceCenterData;
import de.buergerservice.tenancy.internal.ServiceCenterService;
import de.buergerservice.tenancy.internal.ServiceCenterView;

/** REST API of operators: {@code /api/v1/service-centers}. */
@RestController
@RequestMapping("/api/v1/service-centers")
class ServiceCenterApiController {

    /** Decided before the body is read, so a user without the role learns that first (403, not 400). */
    static final String ADMIN = "hasRole('ADMIN')";

    private final ServiceCenterService serviceCenters;

    ServiceCenterApiController(ServiceCenterService serviceCenters) {
        this.serviceCenters = serviceCenters;
    }

    @GetMapping
    List<ServiceCenterView> list() {
        return serviceCenters.list();
    }

    @PreAuthorize(ADMIN)
    @PostMapping
    ResponseEntity<ServiceCenterView> create(@Valid @RequestBody ServiceCenterData data) {
        ServiceCenterView created = serviceCenters.create(data);
        return ResponseEntity.created(URI.create("/api/v1/service-centers/" + created.id()))
                .body(created);
    }

    @GetMapping("/{serviceCenterId}")
    ServiceCenterView get(@PathVariable UUID serviceCenterId) {
        return serviceCenters.get(serviceCenterId);
    }

    @PreAuthorize(ADMIN)
    @PutMapping("/{serviceCenterId}")
    ServiceCenterView update(@PathVariable UUID serviceCenterId, @Valid @RequestBody ServiceCenterData data) {
        return serviceCenters.update(serviceCenterId, data);
    }

    @PreAuthorize(ADMIN)
    @DeleteMapping("/{serviceCenterId}")
    ResponseEntity<Void> delete(@PathVariable UUID serviceCenterId) {
        serviceCenters.delete(serviceCenterId);
        return ResponseEntity.noContent().build();
    }
}
