package de.buergerservice.portal.internal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters for a municipality's portal (form and service alike). */
public record BrandingData(
        @NotBlank @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{portal.validation.colour}")
        String primaryColour,

        @Size(max = 500) String address,

        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "{validation.url}")
        String imprintUrl,

        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "{validation.url}")
        String privacyUrl,

        @Size(max = 200) @Email String feedbackEmail,
        @Size(max = 20000) String easyLanguage,
        @Size(max = 20000) String signLanguage,

        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "{validation.url}")
        String signLanguageVideoUrl,

        @Size(max = 20) List<UUID> featuredServices) {

    public BrandingData {
        primaryColour = primaryColour == null ? null : primaryColour.strip().toLowerCase(java.util.Locale.ROOT);
        address = blankToNull(address);
        imprintUrl = blankToNull(imprintUrl);
        privacyUrl = blankToNull(privacyUrl);
        feedbackEmail = blankToNull(feedbackEmail);
        easyLanguage = blankToNull(easyLanguage);
        signLanguage = blankToNull(signLanguage);
        signLanguageVideoUrl = blankToNull(signLanguageVideoUrl);
        featuredServices = featuredServices == null
                ? List.of()
                : featuredServices.stream()
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
    }

    // Reported on "primaryColour": white text on it and links in it on white must stay readable (WCAG 1.4.3).
    @AssertTrue(message = "{portal.validation.contrast}")
    boolean isPrimaryColour() {
        return !Contrast.isHexColour(primaryColour) || Contrast.againstWhite(primaryColour) >= Contrast.MINIMUM;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
