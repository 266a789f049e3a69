package de.buergerservice.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import de.buergerservice.knowledge.ServiceLink;
import de.buergerservice.knowledge.internal.ImportReport.Problem;

/**
 * Reads the JSON export of the Dienstleistungsdatenbank (DLDB) that Berlin's and Munich's appointment systems use:
 * {@code {"meta": {...}, "data": [ {id, name, description (HTML), meta.keywords, leika, fees (HTML), forms, links,
 * appointment.link, ...} ]}}. Keywords become synonyms; forms and links keep their names; the HTML is sanitised.
 */
public final class DldbFormat {

    static final String SOURCE = "dldb";

    /** The file's field for each content field, as problem reports name them. */
    static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("title", "name"),
            Map.entry("synonyms", "meta.keywords"),
            Map.entry("leikaKey", "leika"),
            Map.entry("summary", "description"),
            Map.entry("body", "description"),
            Map.entry("fees", "fees"),
            Map.entry("forms", "forms"),
            Map.entry("links", "links"),
            Map.entry("onlineServiceUrl", "appointment.link"));

    private static final Pattern LEIKA = Pattern.compile(Rules.LEIKA);
    private static final int SUMMARY_LENGTH = 300;

    private DldbFormat() {}

    /** The records of the file; a file that is no DLDB export at all yields one failure for record 0. */
    static List<ImportRecord> read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = ServiceContent.JSON.readTree(in);
        } catch (JacksonException e) {
            return List.of(fileProblem("file", "knowledge.import.notJson", e.getOriginalMessage()));
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            return List.of(fileProblem("data", "knowledge.import.noData"));
        }
        List<ImportRecord> records = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            records.add(record(i + 1, data.get(i)));
        }
        return records;
    }

    private static ImportRecord record(int position, JsonNode node) {
        List<Problem> failures = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        String id = text(node, "id");
        String name = text(node, "name");
        if (id == null) {
            failures.add(new Problem(position, null, name, "id", "knowledge.import.required"));
        }
        if (name == null) {
            failures.add(new Problem(position, id, null, "name", "knowledge.import.required"));
        }
        String body = HtmlText.sanitize(text(node, "description"));
        String leika = leika(position, id, name, text(node, "leika"), failures, warnings);
        List<ServiceLink> forms = links(position, id, name, node.get("forms"), "forms", failures);
        List<ServiceLink> links = new ArrayList<>(links(position, id, name, node.get("links"), "links", failures));
        links.removeAll(forms);
        JsonNode appointment = node.get("appointment");
        String booking = appointment == null ? null : text(appointment, "link");
        String fees = text(node, "fees") == null ? null : HtmlText.plain(text(node, "fees"));
        ServiceContent content = new ServiceContent(
                name,
                keywords(node.get("meta"), name),
                leika,
                summary(body),
                body,
                List.of(),
                Rules.text(fees),
                null,
                null,
                null,
                booking == null || id == null ? null : booking.replace("{serviceId}", id),
                forms,
                links,
                List.of());
        return new ImportRecord(position, id, content, null, failures, warnings, FIELD_NAMES);
    }

    /**
     * A few DLDB records name several LeiKa keys ("99036008007003, 99036008007004"); the content model has one,
     * so the first is kept and the report says so.
     */
    private static String leika(
            int position, String id, String name, String value, List<Problem> failures, List<Problem> warnings) {
        if (value == null) {
            return null;
        }
        String[] keys = value.split("\\s*[,;]\\s*");
        for (String key : keys) {
            if (!LEIKA.matcher(key).matches()) {
                failures.add(new Problem(position, id, name, "leika", "validation.knowledge.leika"));
                return null;
            }
        }
        if (keys.length > 1) {
            warnings.add(new Problem(position, id, name, "leika", "knowledge.import.severalLeika"));
        }
        return keys[0];
    }

    private static List<String> keywords(JsonNode meta, String name) {
        String keywords = meta == null ? null : text(meta, "keywords");
        if (keywords == null) {
            return List.of();
        }
        Set<String> synonyms = new LinkedHashSet<>();
        for (String keyword : keywords.split(",")) {
            String synonym = keyword.strip();
            if (!synonym.isEmpty() && !synonym.equalsIgnoreCase(name) && synonym.length() <= 200) {
                synonyms.add(synonym);
            }
        }
        return List.copyOf(synonyms);
    }

    private static List<ServiceLink> links(
            int position, String id, String name, JsonNode array, String field, List<Problem> failures) {
        List<ServiceLink> links = new ArrayList<>();
        if (array == null || array.isNull()) {
            return links;
        }
        if (!array.isArray()) {
            failures.add(new Problem(position, id, name, field, "knowledge.import.notAList"));
            return links;
        }
        for (int j = 0; j < array.size(); j++) {
            JsonNode link = array.get(j);
            String title = text(link, "name");
            String url = text(link, "link");
            if (url == null || !url.matches(Rules.URL)) {
                failures.add(new Problem(position, id, name, field + "[" + j + "].link", "validation.knowledge.url"));
            } else {
                ServiceLink serviceLink = new ServiceLink(title == null ? url : title, url);
                if (!links.contains(serviceLink)) {
                    links.add(serviceLink);
                }
            }
        }
        return links;
    }

    /** The first sentences of the description, as a teaser for hit lists (public for the search benchmark). */
    public static String summary(String body) {
        String text = HtmlText.plain(body);
        if (text == null || text.isEmpty()) {
            return null;
        }
        String first = text.lines().findFirst().orElse("");
        if (first.length() <= SUMMARY_LENGTH) {
            return first;
        }
        int cut = first.lastIndexOf(' ', SUMMARY_LENGTH - 1);
        return first.substring(0, cut > 0 ? cut : SUMMARY_LENGTH - 1) + "…";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer() || value.isBoolean()) {
            return null;
        }
        return Rules.text(value.asString());
    }

    static ImportRecord fileProblem(String field, String code, Object... ignored) {
        return new ImportRecord(
                0, null, null, null, List.of(new Problem(0, null, null, field, code)), List.of(), Map.of());
    }
}
