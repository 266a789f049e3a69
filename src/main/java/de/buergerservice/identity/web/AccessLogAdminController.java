package de.buergerservice.identity.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerservice.identity.internal.AccessLogBook;
import de.buergerservice.shared.privacy.PersonalDataRead.Access;

/** The access log page for administrators: who read, exported or erased personal data; newest first, filterable. */
@Controller
class AccessLogAdminController {

    private final AccessLogBook accessLog;

    AccessLogAdminController(AccessLogBook accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping("/admin/access-log")
    String list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) UUID entityId,
            @RequestParam(required = false) Access access,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var entries = accessLog.search(
                AccessLogApiController.filter(actor, entityType, entityId, access, from, to), page, 50);
        model.addAttribute("entries", entries);
        model.addAttribute("accesses", Access.values());
        model.addAttribute("actor", actor);
        model.addAttribute("entityType", entityType);
        model.addAttribute("entityId", entityId);
        model.addAttribute("access", access);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "admin/access-log";
    }
}
