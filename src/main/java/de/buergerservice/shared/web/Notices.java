package de.buergerservice.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-line message a web page shows after a redirect ("Gespeichert.", or why something was refused).
 * The layout renders the flash attribute {@code notice}.
 */
@Component
public class Notices {

    /** A message shown above the page content; {@code kind} is {@code success} or {@code error}. */
    public record Notice(String kind, String text) {}

    private final MessageSource messages;

    public Notices(MessageSource messages) {
        this.messages = messages;
    }

    public void success(RedirectAttributes redirect, String code) {
        redirect.addFlashAttribute("notice", new Notice("success", text(code, null)));
    }

    /** A success message with arguments, e.g. whose state was changed to what. */
    public void success(RedirectAttributes redirect, String code, Object... args) {
        redirect.addFlashAttribute("notice", new Notice("success", text(code, args)));
    }

    /** Shows why a request was refused, e.g. a {@link ConflictException}. */
    public void error(RedirectAttributes redirect, ErrorResponse refusal) {
        redirect.addFlashAttribute(
                "notice",
                new Notice("error", text(refusal.getDetailMessageCode(), refusal.getDetailMessageArguments())));
    }

    /** Shows a refusal given as message code and arguments. */
    public void error(RedirectAttributes redirect, String code, Object... args) {
        redirect.addFlashAttribute("notice", new Notice("error", text(code, args)));
    }

    private String text(String code, Object[] args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
