package de.buergerservice.knowledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A form or further information on the web. */
public record ServiceLink(
        @NotBlank @Size(max = 300) String title,

        @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "{validation.knowledge.url}")
        String url) {}
