package de.buergerservice.knowledge.internal.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.knowledge.internal.DldbFormat;

/**
 * The 287 real Munich services of the DLDB export in {@code ../shared/data/dldb-muenchen/} (City of Munich,
 * EUPL-1.2, via it-at-m/eappointment), read directly for search tests. Never copied into the project.
 */
final class MunichCatalogue {

    static final Path FILE = Path.of("..", "shared", "data", "dldb-muenchen", "services_de.json");

    private MunichCatalogue() {}

    static boolean present() {
        return Files.isReadable(FILE);
    }

    static UUID serviceId(String dldbId) {
        return UUID.nameUUIDFromBytes(("dldb:" + dldbId).getBytes(StandardCharsets.UTF_8));
    }

    static List<IndexedService> load(UUID tenantId) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(FILE.toFile());
        List<IndexedService> services = new ArrayList<>();
        for (JsonNode s : root.get("data")) {
            String id = s.get("id").asString();
            String keywords = s.path("meta").path("keywords").asString("");
            List<String> synonyms = Arrays.stream(keywords.split(","))
                    .map(String::strip)
                    .filter(k -> !k.isEmpty())
                    .toList();
            String body = plainText(s.path("description").asString("")) + "\n"
                    + plainText(s.path("fees").asString(""));
            // the summary as the DLDB importer derives it, so the search sees what the product indexes
            String summary = DldbFormat.summary(s.path("description").asString(""));
            services.add(new IndexedService(
                    serviceId(id),
                    tenantId,
                    id,
                    s.path("leika").asString(null),
                    s.get("name").asString(),
                    synonyms,
                    summary,
                    body.strip(),
                    List.of(),
                    true,
                    null));
        }
        return services;
    }

    static String plainText(String html) {
        String text = html.replaceAll("(?i)<br\\s*/?>|</p>|</li>|</h\\d>", "\n").replaceAll("<[^>]+>", " ");
        text = HtmlUtils.htmlUnescape(text).replace("\u200b", "").replace('\u00a0', ' ');
        return text.replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }
}
