package de.buergerservice.knowledge.internal;

import java.util.LinkedHashSet;
import java.util.List;

import de.buergerservice.knowledge.ServiceLink;

/** Input rules shared by entries, overrides and imports, so each is written once. */
final class Rules {

    /** A LeiKa key: 14 digits; the federal catalogue's keys all begin with 99. */
    static final String LEIKA = "99\\d{12}";

    static final String URL = "https?://\\S+";

    // The limits of a service's fields, the same for an entry, a tenant's override and an imported record.
    static final int TITLE = 300;
    static final int SYNONYMS = 100;
    static final int SYNONYM = 200;
    static final int SUMMARY = 2000;
    static final int BODY = 200_000;
    static final int DOCUMENTS = 100;
    static final int DOCUMENT = 500;
    /** Fees, deadlines, processing time, legal basis, internal notes. */
    static final int TEXT = 4000;

    static final int URL_LENGTH = 1000;
    static final int LINKS = 100;
    static final int TOPICS = 50;
    static final int TOPIC = 200;

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
