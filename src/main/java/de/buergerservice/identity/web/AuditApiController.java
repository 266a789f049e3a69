package de.buergerservice.identity.web;

import java.util.UUID;

import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.identity.internal.AuditEntryView;
import de.buergerservice.identity.internal.AuditLog;

/** The audit log for administrators: {@code /api/v1/audit?entityType=&entityId=&actor=&page=&size=}. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {

    private final AuditLog auditLog;

    AuditApiController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/api/v1/audit")
    PagedModel<AuditEntryView> search(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) UUID entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return new PagedModel<>(auditLog.search(entityType, entityId, actor, page, size));
    }
}
