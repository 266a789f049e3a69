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

import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.internal.DepartmentData;
import de.buergerservice.tenancy.internal.DepartmentService;

/** REST API of a municipality's departments: {@code /api/v1/tenants/{slug}/departments}. */
@RestController
@RequestMapping("/api/v1/tenants/{slug}/departments")
class DepartmentApiController {

    /** Decided before the body is read, so a user without the role learns that first (403, not 400). */
    static final String ADMIN = "hasRole('ADMIN')";

    private final DepartmentService departments;

    DepartmentApiController(DepartmentService departments) {
        this.departments = departments;
    }

    @GetMapping
    List<DepartmentInfo> list(@PathVariable String slug) {
        return departments.list(slug);
    }

    @PreAuthorize(ADMIN)
    @PostMapping
    ResponseEntity<DepartmentInfo> create(@PathVariable String slug, @Valid @RequestBody DepartmentData data) {
        DepartmentInfo created = departments.create(slug, data);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + slug + "/departments/" + created.id()))
                .body(created);
    }

    @GetMapping("/{departmentId}")
    DepartmentInfo get(@PathVariable String slug, @PathVariable UUID departmentId) {
        return departments.get(slug, departmentId);
    }

    @PreAuthorize(ADMIN)
    @PutMapping("/{departmentId}")
    DepartmentInfo update(
            @PathVariable String slug, @PathVariable UUID departmentId, @Valid @RequestBody DepartmentData data) {
        return departments.update(slug, departmentId, data);
    }

    @PreAuthorize(ADMIN)
    @DeleteMapping("/{departmentId}")
    ResponseEntity<Void> delete(@PathVariable String slug, @PathVariable UUID departmentId) {
        departments.delete(slug, departmentId);
        return ResponseEntity.noContent().build();
    }
}
