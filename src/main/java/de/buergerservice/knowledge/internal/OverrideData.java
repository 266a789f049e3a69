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
        @Size(max = 300) @Pattern(regexp = "(?s).*\\S.*", message = "{validation.knowledge.blank}")
        String title,

        @Size(max = 100) List<@NotBlank @Size(max = 200) String> synonyms,

        @Pattern(regexp = Rules.LEIKA, message = "{validation.knowledge.leika}")
        String leikaKey,

        @Size(max = 2000) String summary,
        @Size(max = 200_000) String body,
        @Size(max = 100) List<@NotBlank @Size(max = 500) String> requiredDocuments,
        @Size(max = 4000) String fees,
        @Size(max = 4000) String deadlines,
        @Size(max = 4000) String processingTime,
        @Size(max = 4000) String legalBasis,

        @Size(max = 1000) @Pattern(regexp = Rules.URL, message = "{validation.knowledge.url}")
        String onlineServiceUrl,

        @Size(max = 100) List<@Valid ServiceLink> forms,
        @Size(max = 100) List<@Valid ServiceLink> links,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> topics,
        UUID departmentId,
        @Size(max = 4000) String internalNotes) {

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
