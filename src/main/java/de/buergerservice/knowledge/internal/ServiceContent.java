package de.buergerservice.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.knowledge.ServiceLink;

/**
 * The content fields of a service description, stored as one JSON document. In a catalogue entry or tenant-only
 * entry every field is set (lists may be empty); in a tenant's override only the fields the tenant replaces are set
 * ({@code null} = inherited), so an override can replace any field, including with an empty list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceContent(
        String title,
        List<String> synonyms,
        String leikaKey,
        String summary,
        String body,
        List<String> requiredDocuments,
        String fees,
        String deadlines,
        String processingTime,
        String legalBasis,
        String onlineServiceUrl,
        List<ServiceLink> forms,
        List<ServiceLink> links,
        List<String> topics) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Field names in display order, as they appear in the API and in version diffs. */
    static final List<String> FIELDS = List.of(
            "title",
            "synonyms",
            "leikaKey",
            "summary",
            "body",
            "requiredDocuments",
            "fees",
            "deadlines",
            "processingTime",
            "legalBasis",
            "onlineServiceUrl",
            "forms",
            "links",
            "topics");

    static final ServiceContent EMPTY =
            new ServiceContent(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** This content with each field that {@code top} sets replaced by the value of {@code top}. */
    ServiceContent overlay(ServiceContent top) {
        if (top == null) {
            return this;
        }
        return new ServiceContent(
                pick(top.title, title),
                pick(top.synonyms, synonyms),
                pick(top.leikaKey, leikaKey),
                pick(top.summary, summary),
                pick(top.body, body),
                pick(top.requiredDocuments, requiredDocuments),
                pick(top.fees, fees),
                pick(top.deadlines, deadlines),
                pick(top.processingTime, processingTime),
                pick(top.legalBasis, legalBasis),
                pick(top.onlineServiceUrl, onlineServiceUrl),
                pick(top.forms, forms),
                pick(top.links, links),
                pick(top.topics, topics));
    }

    /** The names of the fields that are set (for an override: the fields it replaces). */
    Set<String> setFields() {
        Set<String> set = new TreeSet<>();
        for (String field : FIELDS) {
            if (value(field) != null) {
                set.add(field);
            }
        }
        return set;
    }

    /** Every list present (empty where not set); used for complete entries. */
    ServiceContent complete() {
        return new ServiceContent(
                title,
                list(synonyms),
                leikaKey,
                summary,
                body,
                list(requiredDocuments),
                fees,
                deadlines,
                processingTime,
                legalBasis,
                onlineServiceUrl,
                list(forms),
                list(links),
                list(topics));
    }

    Object value(String field) {
        return switch (field) {
            case "title" -> title;
            case "synonyms" -> synonyms;
            case "leikaKey" -> leikaKey;
            case "summary" -> summary;
            case "body" -> body;
            case "requiredDocuments" -> requiredDocuments;
            case "fees" -> fees;
            case "deadlines" -> deadlines;
            case "processingTime" -> processingTime;
            case "legalBasis" -> legalBasis;
            case "onlineServiceUrl" -> onlineServiceUrl;
            case "forms" -> forms;
            case "links" -> links;
            case "topics" -> topics;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** Human-readable lines of each set field, the input of version diffs. */
    List<String> lines(Function<String, String> label) {
        List<String> lines = new ArrayList<>();
        for (String field : FIELDS) {
            Object value = value(field);
            if (value == null) {
                continue;
            }
            lines.add("## " + label.apply(field));
            if (value instanceof List<?> items) {
                items.forEach(item -> lines.add(
                        item instanceof ServiceLink link
                                ? "- " + link.title() + " <" + link.url() + ">"
                                : "- " + item));
            } else if (field.equals("body")) {
                lines.addAll(HtmlText.lines(value.toString()));
            } else {
                value.toString().lines().forEach(lines::add);
            }
        }
        return lines;
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static ServiceContent fromJson(String json) {
        return json == null || json.isBlank() ? EMPTY : JSON.readValue(json, ServiceContent.class);
    }

    boolean sameAs(ServiceContent other) {
        return other != null && Objects.equals(toJson(), other.toJson());
    }

    private static <T> T pick(T top, T below) {
        return top != null ? top : below;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
