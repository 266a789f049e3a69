package de.buergerservice.identity.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerservice.identity.internal.AuditLog;

/** The audit log page for administrators, newest first, filterable by record type, id and actor. */
@Controller
class AuditAdminController {

    private final AuditLog auditLog;

    AuditAdminController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/admin/audit")
    String list(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) UUID entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("entries", auditLog.search(entityType, entityId, actor, page, 50));
        model.addAttribute("entityType", entityType);
        model.addAttribute("entityId", entityId);
        model.addAttribute("actor", actor);
        return "admin/audit";
    }
}
