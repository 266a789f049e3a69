package de.buergerservice.backoffice.internal;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.TenantInfo;
import de.buergerservice.tenancy.TimeRange;

/**
 * The German mail texts: Thymeleaf text templates under {@code classpath:mail/}, one per purpose, with the
 * municipality's name, signature and opening hours. A municipality can have its own wording in
 * {@code mail/<slug>/<purpose>.txt}, used instead of the general one. The first line of a template is the
 * subject ({@code Betreff: …}), the rest is the body.
 *
 * <p>Its own engine, not the web pages' one: text mode, and the web's engine stays as Spring Boot configures it.
 */
@Component
class MailTemplates {

    static final String SUBJECT_PREFIX = "Betreff:";

    /** A rendered mail. */
    record Mail(String subject, String body) {}

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    Mail render(MailPurpose purpose, TenantInfo tenant, OpeningHours hours, Map<String, Object> values) {
        Context context = new Context(Locale.GERMAN);
        context.setVariables(values);
        context.setVariable("tenant", tenant);
        context.setVariable("openingHours", describe(hours));
        context.setVariable("signature", "Ihr ServiceCenter für " + tenant.name());
        String name = purpose.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String own = tenant.slug() + "/" + name;
        String text = exists(own) ? engine.process(own, context) : engine.process(name, context);
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        if (!first.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalStateException("Mail template " + name + " does not start with " + SUBJECT_PREFIX);
        }
        return new Mail(
                first.substring(SUBJECT_PREFIX.length()).strip(),
                newline < 0 ? "" : text.substring(newline + 1).strip() + "\n");
    }

    private static boolean exists(String template) {
        return MailTemplates.class.getClassLoader().getResource("mail/" + template + ".txt") != null;
    }

    /** "Montag: 08:00–17:00" per open weekday, then the dates with other hours. */
    static List<String> describe(OpeningHours hours) {
        List<String> lines = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = hours.on(day);
            if (!ranges.isEmpty()) {
                lines.add(day.getDisplayName(TextStyle.FULL, Locale.GERMAN) + ": "
                        + ranges.stream().map(TimeRange::toString).collect(Collectors.joining(", ")));
            }
        }
        return lines;
    }
}
