package de.buergerservice.identity.web;

import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.identity.internal.AuditLog;

/** The audit log page for administrators, newest first, filterable by record type, id and actor. */
@Controller
class AuditAdminController {

    /** The record types the filter offers (every module's audited records), in the order of the page's menu. */
    static final List<String> TYPES = List.of(
            "Tenant",
            "Department",
            "CooperationAgreement",
            "ServiceCenter",
            "User",
            "ApiToken",
            "ServiceEntry",
            "ServiceOverride",
            "KnowledgeImport",
            "SearchSynonym",
            "KnowledgeSynonym",
            "PrivacyExport",
            "PrivacyErasure");

    private final AuditLog auditLog;
    private final MessageSource messages;
    private final JsonMapper json;

    AuditAdminController(AuditLog auditLog, MessageSource messages, JsonMapper json) {
        this.auditLog = auditLog;
        this.messages = messages;
        this.json = json;
    }

    /** A choice of the record-type filter: the stored name and its label in the page's language. */
    record TypeChoice(String value, String label) {}

    @GetMapping("/admin/audit")
    String list(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) UUID entityId,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditEntryLines lines = new AuditEntryLines(messages, json, LocaleContextHolder.getLocale());
        var entries = auditLog.search(entityType, entityId, actor, page, 50);
        model.addAttribute("entries", entries);
        model.addAttribute("rows", entries.getContent().stream().map(lines::row).toList());
        model.addAttribute(
                "types",
                TYPES.stream()
                        .map(type -> new TypeChoice(type, lines.typeLabel(type)))
                        .toList());
        model.addAttribute("entityType", entityType);
        model.addAttribute("entityId", entityId);
        model.addAttribute("actor", actor);
        return "admin/audit";
    }
}
