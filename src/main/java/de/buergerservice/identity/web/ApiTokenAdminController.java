package de.buergerservice.identity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.buergerservice.identity.internal.ApiTokenService;
import de.buergerservice.identity.internal.CreatedApiToken;
import de.buergerservice.identity.internal.UserService;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.shared.web.FormValidation;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.Notices;

/**
 * The API tokens of one user: list, create (the token is shown on the answer page once and never again), revoke.
 */
@Controller
@RequestMapping("/admin/users/{id}/tokens")
class ApiTokenAdminController {

    private static final String PAGE = "admin/users/tokens";

    private final ApiTokenService tokens;
    private final UserService users;
    private final FormValidation validation;
    private final Notices notices;
    private final Clock clock;

    ApiTokenAdminController(
            ApiTokenService tokens, UserService users, FormValidation validation, Notices notices, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.validation = validation;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping
    String page(@PathVariable UUID id, Model model) {
        ApiTokenForm form = new ApiTokenForm();
        form.setExpiresOn(LocalDate.now(clock.withZone(BerlinTime.ZONE)).plusYears(1));
        model.addAttribute("form", form);
        return show(id, model);
    }

    @PostMapping
    String create(@PathVariable UUID id, @ModelAttribute("form") ApiTokenForm form, BindingResult errors, Model model) {
        if (validation.check(form.toData(), errors, FormValidation::topLevel)) {
            try {
                CreatedApiToken created = tokens.create(id, form.toData());
                // rendered, not redirected: the token must not travel through a flash attribute or the history
                model.addAttribute("created", created);
                model.addAttribute("form", new ApiTokenForm());
            } catch (InvalidFieldException e) {
                validation.reject(e, errors, FormValidation::topLevel);
            }
        }
        return show(id, model);
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID tokenId, RedirectAttributes redirect) {
        tokens.revoke(id, tokenId);
        notices.success(redirect, "apiToken.revoked");
        return "redirect:/admin/users/" + id + "/tokens";
    }

    private String show(UUID id, Model model) {
        model.addAttribute("user", users.get(id));
        model.addAttribute("tokens", tokens.list(id));
        return PAGE;
    }
}
