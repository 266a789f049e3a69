package de.buergerservice.backoffice.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.backoffice.internal.OutboxAdministration;
import de.buergerservice.backoffice.internal.OutboxStatus;
import de.buergerservice.shared.web.ConflictException;
import de.buergerservice.shared.web.Notices;

/** The administrator's outbox: sent, waiting and failed mails with the server's answer; read one; resend. */
@Controller
@RequestMapping("/admin/outbox")
class OutboxAdminController {

    private final OutboxAdministration outbox;
    private final Notices notices;

    OutboxAdminController(OutboxAdministration outbox, Notices notices) {
        this.outbox = outbox;
        this.notices = notices;
    }

    @GetMapping
    String list(@RequestParam(required = false) OutboxStatus status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", OutboxStatus.values());
        model.addAttribute("mails", outbox.list(status));
        model.addAttribute("sending", outbox.sending());
        return "backoffice/outbox";
    }

    @GetMapping("/{mailId}")
    String mail(@PathVariable UUID mailId, Model model) {
        model.addAttribute("mail", outbox.get(mailId));
        model.addAttribute("sending", outbox.sending());
        return "backoffice/outbox-mail";
    }

    @PostMapping("/{mailId}/resend")
    String resend(@PathVariable UUID mailId, RedirectAttributes redirect) {
        try {
            outbox.resend(mailId);
            notices.success(redirect, "backoffice.outbox.resent");
        } catch (ConflictException e) {
            notices.error(redirect, e);
        }
        return "redirect:/admin/outbox/" + mailId;
    }
}
