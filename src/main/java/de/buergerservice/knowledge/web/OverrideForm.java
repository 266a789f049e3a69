package de.buergerservice.knowledge.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.buergerservice.knowledge.ServiceLink;
import de.buergerservice.knowledge.internal.OverrideData;
import de.buergerservice.knowledge.internal.ServiceContent;

/**
 * The form of a municipality's override: one entry per content field; an empty field is inherited from the
 * catalogue. (An explicitly empty list is possible through the API only.)
 */
public class OverrideForm {

    /** Content fields in form order; those in {@link #LISTS} are edited one entry per line. */
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

    static final List<String> LISTS = List.of("synonyms", "requiredDocuments", "forms", "links", "topics");

    private Map<String, String> fields = new LinkedHashMap<>();
    private UUID departmentId;
    private String internalNotes;

    static OverrideForm of(ServiceContent content, UUID departmentId, String internalNotes) {
        OverrideForm form = new OverrideForm();
        form.fields = text(content);
        form.departmentId = departmentId;
        form.internalNotes = internalNotes;
        return form;
    }

    /** Each field of {@code content} as the form shows it ({@code ""} where not set). */
    static Map<String, String> text(ServiceContent content) {
        Map<String, String> text = new LinkedHashMap<>();
        for (String field : FIELDS) {
            text.put(
                    field,
                    switch (field) {
                        case "title" -> orEmpty(content.title());
                        case "synonyms" -> lines(content.synonyms());
                        case "leikaKey" -> orEmpty(content.leikaKey());
                        case "summary" -> orEmpty(content.summary());
                        case "body" -> orEmpty(content.body());
                        case "requiredDocuments" -> lines(content.requiredDocuments());
                        case "fees" -> orEmpty(content.fees());
                        case "deadlines" -> orEmpty(content.deadlines());
                        case "processingTime" -> orEmpty(content.processingTime());
                        case "legalBasis" -> orEmpty(content.legalBasis());
                        case "onlineServiceUrl" -> orEmpty(content.onlineServiceUrl());
                        case "forms" -> links(content.forms());
                        case "links" -> links(content.links());
                        default -> lines(content.topics());
                    });
        }
        return text;
    }

    OverrideData toData() {
        return new OverrideData(
                value("title"),
                list("synonyms"),
                value("leikaKey"),
                value("summary"),
                value("body"),
                list("requiredDocuments"),
                value("fees"),
                value("deadlines"),
                value("processingTime"),
                value("legalBasis"),
                value("onlineServiceUrl"),
                linkList("forms"),
                linkList("links"),
                list("topics"),
                departmentId,
                internalNotes);
    }

    /** The form field of a property path of {@link OverrideData}. */
    static String fieldOf(String path) {
        String top = de.buergerservice.shared.web.FormValidation.topLevel(path);
        return FIELDS.contains(top) ? "fields[" + top + "]" : top;
    }

    private String value(String field) {
        String value = fields.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private List<String> list(String field) {
        List<String> lines = ServiceForm.lines(fields.get(field));
        return lines.isEmpty() ? null : lines;
    }

    private List<ServiceLink> linkList(String field) {
        List<String> lines = ServiceForm.lines(fields.get(field));
        if (lines.isEmpty()) {
            return null;
        }
        List<ServiceLink> links = new ArrayList<>();
        for (String line : lines) {
            int bar = line.lastIndexOf('|');
            links.add(
                    bar < 0
                            ? new ServiceLink(line, line)
                            : new ServiceLink(
                                    line.substring(0, bar).strip(),
                                    line.substring(bar + 1).strip()));
        }
        return links;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String lines(List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    private static String links(List<ServiceLink> values) {
        return values == null
                ? ""
                : String.join(
                        "\n",
                        values.stream().map(l -> l.title() + " | " + l.url()).toList());
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public void setFields(Map<String, String> fields) {
        this.fields = fields;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(UUID departmentId) {
        this.departmentId = departmentId;
    }

    public String getInternalNotes() {
        return internalNotes;
    }

    public void setInternalNotes(String internalNotes) {
        this.internalNotes = internalNotes;
    }
}
