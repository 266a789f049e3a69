package de.buergerservice.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.web.util.HtmlUtils;

import de.buergerservice.knowledge.internal.ImportReport.Problem;

/**
 * A simple catalogue of a small municipality as CSV (UTF-8, comma or semicolon, header row): {@code title},
 * {@code synonyms} (separated by {@code |} or {@code ;} within the cell), {@code text} (plain text or HTML) and
 * {@code department} (name of one of the tenant's departments); optional {@code id}, {@code leika},
 * {@code summary}, {@code fees}, {@code topics}. Without an {@code id} the title identifies the record on
 * re-import.
 */
final class CsvFormat {

    static final String SOURCE = "csv";

    static final Map<String, String> FIELD_NAMES = Map.of(
            "title",
            "title",
            "synonyms",
            "synonyms",
            "body",
            "text",
            "leikaKey",
            "leika",
            "summary",
            "summary",
            "fees",
            "fees",
            "topics",
            "topics");

    private CsvFormat() {}

    static List<ImportRecord> read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String header = text.lines().findFirst().orElse("");
        char delimiter = header.chars().filter(c -> c == ';').count()
                        > header.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<ImportRecord> records = new ArrayList<>();
        try (Reader reader = new InputStreamReader(
                        new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            List<String> columns = parser.getHeaderNames().stream()
                    .map(c -> c.toLowerCase(Locale.ROOT))
                    .toList();
            if (!columns.contains("title")) {
                return List.of(DldbFormat.fileProblem("title", "knowledge.import.csvHeader"));
            }
            int position = 0;
            for (CSVRecord row : parser) {
                records.add(record(++position, row, columns, parser.getHeaderNames()));
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            records.add(DldbFormat.fileProblem("file", "knowledge.import.csvBroken"));
        }
        return records;
    }

    private static ImportRecord record(int position, CSVRecord row, List<String> columns, List<String> headers) {
        String title = cell(row, columns, headers, "title");
        String id = cell(row, columns, headers, "id");
        String externalId = id != null ? id : title == null ? null : title.toLowerCase(Locale.GERMAN);
        List<Problem> failures = new ArrayList<>();
        if (title == null) {
            failures.add(new Problem(position, id, null, "title", "knowledge.import.required"));
        }
        String body = cell(row, columns, headers, "text");
        String html = body == null ? null : body.contains("<") ? HtmlText.sanitize(body) : paragraphs(body);
        ServiceContent content = new ServiceContent(
                title,
                split(cell(row, columns, headers, "synonyms")),
                cell(row, columns, headers, "leika"),
                cell(row, columns, headers, "summary"),
                html,
                List.of(),
                cell(row, columns, headers, "fees"),
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                split(cell(row, columns, headers, "topics")));
        return new ImportRecord(
                position,
                externalId,
                content,
                cell(row, columns, headers, "department"),
                failures,
                List.of(),
                FIELD_NAMES);
    }

    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            html.append("<p>")
                    .append(HtmlUtils.htmlEscape(paragraph.strip()).replaceAll("\\R", "<br />"))
                    .append("</p>");
        }
        return HtmlText.sanitize(html.toString());
    }

    private static List<String> split(String cell) {
        return cell == null ? List.of() : Rules.list(Arrays.asList(cell.split("\\s*[|;]\\s*")));
    }

    private static String cell(CSVRecord row, List<String> columns, List<String> headers, String name) {
        int index = columns.indexOf(name);
        return index < 0 || !row.isSet(headers.get(index)) ? null : Rules.text(row.get(headers.get(index)));
    }
}
