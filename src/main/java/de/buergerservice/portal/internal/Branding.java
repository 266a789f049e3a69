package de.buergerservice.portal.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A municipality's branding and the pages it maintains itself.
 *
 * @param primaryColour {@code #rrggbb}, at least {@link Contrast#MINIMUM}:1 against white (checked when saved)
 * @param featuredServices the services shown as most asked on the home page, in this order
 */
public record Branding(
        UUID tenantId,
        String primaryColour,
        boolean hasLogo,
        String address,
        String imprintUrl,
        String privacyUrl,
        String feedbackEmail,
        String easyLanguage,
        String signLanguage,
        String signLanguageVideoUrl,
        List<UUID> featuredServices,
        Instant updatedAt) {

    /** The product's dark blue: 8.6:1 on white. */
    public static final String DEFAULT_COLOUR = "#1d4f91";

    public static Branding defaults(UUID tenantId) {
        return new Branding(
                tenantId, DEFAULT_COLOUR, false, null, null, null, null, null, null, null, List.of(), Instant.EPOCH);
    }

    /** Paragraphs of a text the municipality wrote (blank lines separate them), for the page to escape. */
    public static List<String> paragraphs(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : List.of(text.strip().split("\\R\\s*\\R")).stream()
                        .map(String::strip)
                        .toList();
    }
}
