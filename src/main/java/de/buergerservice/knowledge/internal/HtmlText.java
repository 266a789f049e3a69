package de.buergerservice.knowledge.internal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Rich text of service descriptions. What editors and imports deliver is cleaned with an allow-list (paragraphs,
 * lists, emphasis, headings, tables, http(s)/mailto links) — no scripts, no styles, no event handlers — before it is
 * stored; the search index and diffs get plain text.
 */
public final class HtmlText {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr").toFactory());

    private static final Pattern BLOCK_END =
            Pattern.compile("(?i)<br\\s*/?>|</?(p|div|li|ul|ol|h[1-6]|tr|table|blockquote|hr)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|amp|lt|gt|quot|apos|nbsp);");

    private HtmlText() {}

    /** The allowed subset of {@code html}; {@code null} stays {@code null}. */
    public static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        return POLICY.sanitize(html).replace("\u200b", "").strip();
    }

    /** Plain text of {@code html}: block ends become line breaks, entities are decoded. */
    public static String plain(String html) {
        if (html == null) {
            return null;
        }
        String text = BLOCK_END.matcher(html).replaceAll("\n");
        text = decode(TAG.matcher(text).replaceAll(""));
        return Arrays.stream(text.replace("\u200b", "").split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    /** Plain text lines, for diffs. */
    static List<String> lines(String html) {
        String text = plain(html);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement =
                    switch (entity) {
                        case "amp" -> "&";
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "quot" -> "\"";
                        case "apos" -> "'";
                        case "nbsp" -> " ";
                        default ->
                            new String(Character.toChars(
                                    entity.startsWith("#x")
                                            ? Integer.parseInt(entity.substring(2), 16)
                                            : Integer.parseInt(entity.substring(1))));
                    };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
