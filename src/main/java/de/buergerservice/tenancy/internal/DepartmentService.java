package de.buergerservice.tenancy.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.DepartmentInfo;

/**
 * Departments of one municipality. A department is always addressed through its tenant, so a department id of
 * another tenant is not found even by a user who may see both.
 */
@Service
@Transactional
public class DepartmentService {

    static final String AUDIT_TYPE = "Department";

    private final DepartmentRepository departments;
    private final TenantService tenants;
    private final ChangeRecorder changes;

    DepartmentService(DepartmentRepository departments, TenantService tenants, ChangeRecorder changes) {
        this.departments = departments;
        this.tenants = tenants;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<DepartmentInfo> list(String slug) {
        return departments.findByTenantIdOrderByName(tenants.visible(slug).getId()).stream()
                .map(Department::toInfo)
                .toList();
    }

    @Transactional(readOnly = true)
    public DepartmentInfo get(String slug, UUID departmentId) {
        return find(slug, departmentId).toInfo();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public DepartmentInfo create(String slug, DepartmentData data) {
        UUID tenantId = tenants.visible(slug).getId();
        if (departments.existsByTenantIdAndNameIgnoreCase(tenantId, data.name().strip())) {
            throw new InvalidFieldException("name", "validation.department.nameTaken", data.name());
        }
        Department department = departments.save(new Department(tenantId, data));
        DepartmentInfo info = department.toInfo();
        changes.created(AUDIT_TYPE, department.getId(), tenantId, info);
        return info;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public DepartmentInfo update(String slug, UUID departmentId, DepartmentData data) {
        Department department = find(slug, departmentId);
        DepartmentInfo before = department.toInfo();
        if (!before.name().equalsIgnoreCase(data.name().strip())
                && departments.existsByTenantIdAndNameIgnoreCase(
                        department.getTenantId(), data.name().strip())) {
            throw new InvalidFieldException("name", "validation.department.nameTaken", data.name());
        }
        department.apply(data);
        DepartmentInfo after = departments.saveAndFlush(department).toInfo();
        changes.updated(AUDIT_TYPE, department.getId(), department.getTenantId(), before, after);
        return after;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void delete(String slug, UUID departmentId) {
        Department department = find(slug, departmentId);
        DepartmentInfo snapshot = department.toInfo();
        departments.delete(department);
        changes.deleted(AUDIT_TYPE, department.getId(), department.getTenantId(), snapshot);
    }

    private Department find(String slug, UUID departmentId) {
        return departments
                .findByIdAndTenantId(departmentId, tenants.visible(slug).getId())
                .orElseThrow(() -> new ResourceNotFoundException("department"));
    }
}
