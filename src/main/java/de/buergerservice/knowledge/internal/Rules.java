package de.buergerservice.knowledge.internal;

import java.util.LinkedHashSet;
import java.util.List;

import de.buergerservice.knowledge.ServiceLink;

/** Input rules shared by entries, overrides and imports, so each is written once. */
final class Rules {

    /** A LeiKa key: 14 digits; the federal catalogue's keys all begin with 99. */
    static final String LEIKA = "99\\d{12}";

    static final String URL = "https?://\\S+";

    private Rules() {}

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static List<String> list(List<String> values) {
        return values == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .toList()));
    }

    static List<String> listOrNull(List<String> values) {
        return values == null ? null : list(values);
    }

    static List<ServiceLink> links(List<ServiceLink> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .map(link ->
                                new ServiceLink(link.title().strip(), link.url().strip()))
                        .distinct()
                        .toList();
    }

    static List<ServiceLink> linksOrNull(List<ServiceLink> values) {
        return values == null ? null : links(values);
    }
}
