package de.buergerservice.knowledge.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.buergerservice.knowledge.ServiceLink;

/**
 * What an editor enters for a service description. {@code departmentId} and {@code internalNotes} are the tenant's
 * own: for a catalogue entry they are stored in the tenant's override, never in the shared catalogue.
 *
 * @param catalogue on creation: {@code true} puts the entry into the shared catalogue (all tenants), otherwise it
 *        exists for this tenant only; ignored on update
 * @param revision on update, optionally the revision the editor started from: if somebody else saved in between,
 *        the update is refused (409) instead of silently overwriting their change
 */
public record ServiceData(
        @NotBlank @Size(max = Rules.TITLE) String title,
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
        @Size(max = Rules.TEXT) String internalNotes,
        LocalDate reviewDate,
        Boolean catalogue,
        Integer revision) {

    /** The content as stored: text trimmed, empty text absent, rich text sanitised. */
    ServiceContent content() {
        return new ServiceContent(
                        Rules.text(title),
                        Rules.list(synonyms),
                        Rules.text(leikaKey),
                        Rules.text(summary),
                        HtmlText.sanitize(Rules.text(body)),
                        Rules.list(requiredDocuments),
                        Rules.text(fees),
                        Rules.text(deadlines),
                        Rules.text(processingTime),
                        Rules.text(legalBasis),
                        Rules.text(onlineServiceUrl),
                        Rules.links(forms),
                        Rules.links(links),
                        Rules.list(topics))
                .complete();
    }

    boolean inCatalogue() {
        return Boolean.TRUE.equals(catalogue);
    }
}
