package de.buergerservice.identity.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.identity.internal.AuditEntryView;

/**
 * An audit entry as people read it: the record type in the page's language ({@code auditType.<type>}, e.g.
 * „Kooperationsvereinbarung“ for {@code CooperationAgreement}) and each changed field as „field: before → after“
 * ({@code auditField.<name>} where a label exists, the property name otherwise). Other modules' types are named
 * there too; an unknown type is shown as stored.
 */
final class AuditEntryLines {

    /** Longer values (descriptions, HTML) are cut: the log says what changed, the record's history has the text. */
    static final int MAX_VALUE = 160;

    private static final TypeReference<Map<String, Map<String, Object>>> CHANGES = new TypeReference<>() {};

    record Line(String field, String before, String after) {}

    record Row(AuditEntryView entry, String type, List<Line> lines) {}

    private final MessageSource messages;
    private final JsonMapper json;
    private final Locale locale;

    AuditEntryLines(MessageSource messages, JsonMapper json, Locale locale) {
        this.messages = messages;
        this.json = json;
        this.locale = locale;
    }

    Row row(AuditEntryView entry) {
        return new Row(entry, typeLabel(entry.entityType()), lines(entry.changes()));
    }

    String typeLabel(String type) {
        return messages.getMessage("auditType." + type, null, type, locale);
    }

    List<Line> lines(String changes) {
        List<Line> lines = new ArrayList<>();
        if (changes == null || changes.isBlank()) {
            return lines;
        }
        Map<String, Map<String, Object>> fields = json.readValue(changes, CHANGES);
        // the record's id is the entry's own link; listing it again as a changed field says nothing
        fields.remove("id");
        fields.forEach((field, change) -> lines.add(new Line(
                messages.getMessage("auditField." + field, null, field, locale),
                value(change.get("before")),
                value(change.get("after")))));
        return lines;
    }

    String value(Object value) {
        String text;
        if (value == null) {
            text = "—";
        } else if (value instanceof Boolean flag) {
            text = messages.getMessage(flag ? "common.yes" : "common.no", null, locale);
        } else if (value instanceof Collection<?> items) {
            text = items.isEmpty()
                    ? "—"
                    : items.stream()
                            .map(item -> item instanceof Map || item instanceof Collection
                                    ? json.writeValueAsString(item)
                                    : String.valueOf(item))
                            .collect(Collectors.joining(", "));
        } else if (value instanceof Map<?, ?>) {
            text = json.writeValueAsString(value);
        } else {
            text = String.valueOf(value);
        }
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + " …" : text;
    }
}
