package de.buergerservice.tenancy.internal;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.buergerservice.tenancy.FederalState;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.PhoneNumbers;
import de.buergerservice.tenancy.TenantType;

/** What an administrator enters for a municipality (REST body and admin form alike). */
public record TenantData(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{validation.slug}")
        String slug,

        @NotBlank @Size(max = 200) String name,
        @NotNull TenantType type,
        @NotBlank @Ags String ags,
        @NotNull FederalState federalState,
        @NotNull @Size(max = 20) List<@NotBlank @E164 String> phoneNumbers,
        @NotBlank @Size(max = 500) String greeting,

        @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "{validation.url}")
        String websiteUrl,

        @Valid OpeningHours openingHours) {

    public TenantData {
        // "+49 5431 1820", "05439 962-0": stored in E.164; what cannot be read stays as typed for the error message
        phoneNumbers = phoneNumbers == null
                ? List.of()
                : phoneNumbers.stream()
                        .map(n -> n == null ? null : PhoneNumbers.toE164(n).orElse(n.strip()))
                        .toList();
        openingHours = openingHours == null ? OpeningHours.closed() : openingHours;
    }

    /** Short names that are pages of their own beside the municipality's (/admin/tenants/new, /knowledge/synonyms). */
    static final Set<String> RESERVED_SLUGS = Set.of("new", "synonyms");

    // Reported on "slug": a reserved word would make the municipality's pages unreachable.
    @AssertTrue(message = "{validation.slug.reserved}")
    boolean isSlug() {
        return slug == null || !RESERVED_SLUGS.contains(slug);
    }

    // Reported on "ags": the key's first two digits must name the chosen federal state.
    @AssertTrue(message = "{validation.ags.state}")
    boolean isAgs() {
        return ags == null
                || federalState == null
                || !ags.matches("\\d{8}")
                || ags.startsWith(federalState.agsPrefix());
    }

    // Reported on "phoneNumbers": a number is published once.
    @AssertTrue(message = "{validation.phoneNumbers.duplicate}")
    boolean isPhoneNumbers() {
        return phoneNumbers.stream().distinct().count() == phoneNumbers.size();
    }
}
