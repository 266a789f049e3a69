package de.buergerservice.knowledge.internal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.buergerservice.knowledge.ServiceLink;

/**
 * A tenant's override of a catalogue entry: every field left {@code null} (or empty text) is inherited from the
 * catalogue; a list given as {@code []} replaces the catalogue's list with nothing.
 */
public record OverrideData(
        @Size(max = Rules.TITLE) @Pattern(regexp = "(?s).*\\S.*", message = "{validation.knowledge.blank}")
        String title,

        @Size(max = Rules.SYNONYMS) List<@NotBlank @Size(max = Rules.SYNONYM) String> synonyms,

        @Pattern(regexp = Rules.LEIKA, message = "{validation.knowledge.leika}")
        String leikaKey,

        @Size(max = Rules.SUMMARY) String summary,
        @Size(max = Rules.BODY) String body,
        @Size(max = Rules.DOCUMENTS) List<@NotBlank @Size(max = Rules.DOCUMENT) String> requiredDocuments,
        @Size(max = Rules.TEXT) String fees,
        @Size(max = Rules.TEXT) String deadlines,
        @Size(max = Rules.TEXT) String processingTime,
        @Size(max = Rules.TEXT) String legalBasis,

        @Size(max = Rules.URL_LENGTH) @Pattern(regexp = Rules.URL, message = "{validation.knowledge.url}")
        String onlineServiceUrl,

        @Size(max = Rules.LINKS) List<@Valid ServiceLink> forms,
        @Size(max = Rules.LINKS) List<@Valid ServiceLink> links,
        @Size(max = Rules.TOPICS) List<@NotBlank @Size(max = Rules.TOPIC) String> topics,
        UUID departmentId,
        @Size(max = Rules.TEXT) String internalNotes) {

    /** Only the fields the tenant sets. */
    ServiceContent content() {
        return new ServiceContent(
                Rules.text(title),
                Rules.listOrNull(synonyms),
                Rules.text(leikaKey),
                Rules.text(summary),
                HtmlText.sanitize(Rules.text(body)),
                Rules.listOrNull(requiredDocuments),
                Rules.text(fees),
                Rules.text(deadlines),
                Rules.text(processingTime),
                Rules.text(legalBasis),
                Rules.text(onlineServiceUrl),
                Rules.linksOrNull(forms),
                Rules.linksOrNull(links),
                Rules.listOrNull(topics));
    }
}
