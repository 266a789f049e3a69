package de.buergerservice.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json answer where no controller is involved: servlet filters, the security entry point and
 * the error controller. Texts come from the message bundles ({@code problemDetail.title.<status>} and the given
 * detail code) in the request's language.
 */
@Component
public class ProblemResponder {

    private final MessageSource messages;
    private final JsonMapper json;
    private final LocaleResolver locales;

    public ProblemResponder(MessageSource messages, JsonMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    public ProblemDetail problem(
            HttpServletRequest request, HttpStatus status, String detailCode, Object... arguments) {
        // filters run before the DispatcherServlet has set the request's locale, so ask the resolver directly
        var locale = request != null ? locales.resolveLocale(request) : LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(
                messages.getMessage("problemDetail.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage(detailCode, arguments, status.getReasonPhrase(), locale));
        return problem;
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detailCode,
            Object... arguments)
            throws IOException {
        ProblemDetail problem = problem(request, status, detailCode, arguments);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
