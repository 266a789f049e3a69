package de.buergerservice.privacy.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.privacy.internal.SubjectRequests;
import de.buergerservice.shared.privacy.DataSubject;
import de.buergerservice.shared.web.InvalidFieldException;

/**
 * The page of data subjects' requests: look a phone number or e-mail address up (the export as JSON on the page, to
 * copy into the answer to the citizen) and erase it after a confirmation.
 */
@Controller
@RequestMapping("/admin/privacy")
class PrivacyAdminController {

    private static final String PAGE = "admin/privacy";

    private final SubjectRequests requests;
    private final JsonMapper json;

    PrivacyAdminController(SubjectRequests requests, JsonMapper json) {
        this.requests = requests;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    @GetMapping
    String page() {
        return PAGE;
    }

    @PostMapping("/export")
    String export(
            @RequestParam(required = false) String phone, @RequestParam(required = false) String email, Model model) {
        model.addAttribute("phone", phone);
        model.addAttribute("email", email);
        DataSubject subject;
        try {
            subject = DataSubject.of(phone, email);
        } catch (InvalidFieldException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorCode", e.messageCode());
            return PAGE;
        }
        var export = requests.export(subject);
        model.addAttribute("export", export);
        model.addAttribute("exportJson", json.writeValueAsString(export));
        return PAGE;
    }

    @PostMapping("/erase")
    String erase(
            @RequestParam(required = false) String phone, @RequestParam(required = false) String email, Model model) {
        model.addAttribute("phone", phone);
        model.addAttribute("email", email);
        DataSubject subject;
        try {
            subject = DataSubject.of(phone, email);
        } catch (InvalidFieldException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorCode", e.messageCode());
            return PAGE;
        }
        model.addAttribute("erasure", requests.erase(subject));
        return PAGE;
    }
}
