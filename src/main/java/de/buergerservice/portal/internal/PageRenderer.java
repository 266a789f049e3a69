package de.buergerservice.portal.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Runs a portal template into a string so that it can be cached. The portal speaks German ({@code lang="de"});
 * cached pages hold nothing of the request that asked for them first (no session, no CSRF token, no Host header).
 */
@Component
public class PageRenderer {

    static final Locale GERMAN = Locale.GERMAN;

    private final SpringTemplateEngine templates;
    private final JakartaServletWebApplication application;

    PageRenderer(SpringTemplateEngine templates, ServletContext servletContext) {
        this.templates = templates;
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
    }

    public String render(
            String template, Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) {
        WebContext context = new WebContext(application.buildExchange(request, response), GERMAN, model);
        return templates.process(template, context);
    }
}
