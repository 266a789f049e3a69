package de.buergerservice.knowledge.internal.search;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** What an editor enters: the callers' word and what to search for instead (one or more terms). */
public record SynonymData(
        @NotBlank @Size(max = 100) String term,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> expansions) {}
