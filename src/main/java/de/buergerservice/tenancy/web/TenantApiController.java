package de.buergerservice.tenancy.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.tenancy.OpeningStatus;
import de.buergerservice.tenancy.internal.TenantData;
import de.buergerservice.tenancy.internal.TenantService;
import de.buergerservice.tenancy.internal.TenantView;

/** REST API of municipalities: {@code /api/v1/tenants}. */
@RestController
@RequestMapping("/api/v1/tenants")
class TenantApiController {

    /** Decided before the body is read, so a user without the role learns that first (403, not 400). */
    static final String ADMIN = "hasRole('ADMIN')";

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;

    private final TenantService tenants;
    private final Clock clock;

    TenantApiController(TenantService tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    @GetMapping
    List<TenantView> list() {
        return tenants.list();
    }

    @PreAuthorize(ADMIN)
    @PostMapping
    ResponseEntity<TenantView> create(@Valid @RequestBody TenantData data) {
        TenantView created = tenants.create(data);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + created.slug()))
                .body(created);
    }

    @GetMapping("/{slug}")
    TenantView get(@PathVariable String slug) {
        return tenants.get(slug);
    }

    @PreAuthorize(ADMIN)
    @PutMapping("/{slug}")
    TenantView update(@PathVariable String slug, @Valid @RequestBody TenantData data) {
        return tenants.update(slug, data);
    }

    @PreAuthorize(ADMIN)
    @DeleteMapping("/{slug}")
    ResponseEntity<Void> delete(@PathVariable String slug) {
        tenants.delete(slug);
        return ResponseEntity.noContent().build();
    }

    /** Open or closed at {@code at} (ISO instant, default now), and why. */
    @GetMapping("/{slug}/opening-status")
    OpeningStatus openingStatus(@PathVariable String slug, @RequestParam(required = false) Instant at) {
        return tenants.openingStatus(slug, at == null ? clock.instant() : at);
    }

    /** Public holidays of the tenant's federal state in {@code year} (default: this year). */
    @GetMapping("/{slug}/public-holidays")
    Map<LocalDate, String> publicHolidays(@PathVariable String slug, @RequestParam(required = false) Year year) {
        Year chosen = year == null ? Year.now(clock.withZone(BerlinTime.ZONE)) : year;
        // holiday rules are known for the modern calendar only; "+99999-01-01" is nobody's holiday
        if (chosen.getValue() < FIRST_YEAR || chosen.getValue() > LAST_YEAR) {
            throw new InvalidFieldException("year", "validation.year.range", FIRST_YEAR, LAST_YEAR);
        }
        return new TreeMap<>(tenants.publicHolidays(slug, chosen));
    }
}
