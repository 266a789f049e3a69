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
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.tenancy.internal.AgreementData;
import de.buergerservice.tenancy.internal.AgreementService;
import de.buergerservice.tenancy.internal.AgreementView;

/** REST API of cooperation agreements: {@code /api/v1/agreements}, and per client municipality. */
@RestController
class AgreementApiController {

    /** Decided before the body is read, so a user without the role learns that first (403, not 400). */
    static final String ADMIN = "hasRole('ADMIN')";

    private final AgreementService agreements;

    AgreementApiController(AgreementService agreements) {
        this.agreements = agreements;
    }

    @GetMapping("/api/v1/agreements")
    List<AgreementView> list() {
        return agreements.list();
    }

    @GetMapping("/api/v1/tenants/{slug}/agreements")
    List<AgreementView> listForTenant(@PathVariable String slug) {
        return agreements.listForTenant(slug);
    }

    @PreAuthorize(ADMIN)
    @PostMapping("/api/v1/agreements")
    ResponseEntity<AgreementView> create(@Valid @RequestBody AgreementData data) {
        AgreementView created = agreements.create(data);
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/agreements/{agreementId}")
    AgreementView get(@PathVariable UUID agreementId) {
        return agreements.get(agreementId);
    }

    @PreAuthorize(ADMIN)
    @PutMapping("/api/v1/agreements/{agreementId}")
    AgreementView update(@PathVariable UUID agreementId, @Valid @RequestBody AgreementData data) {
        return agreements.update(agreementId, data);
    }

    @PreAuthorize(ADMIN)
    @DeleteMapping("/api/v1/agreements/{agreementId}")
    ResponseEntity<Void> delete(@PathVariable UUID agreementId) {
        agreements.delete(agreementId);
        return ResponseEntity.noContent().build();
    }
}
