package de.buergerservice.knowledge.web;

import java.util.Arrays;

import de.buergerservice.knowledge.internal.search.SynonymData;

/** The synonym form: the callers' word and the terms to search instead, comma-separated in one field. */
class SearchSynonymForm {

    private String term = "";
    private String expansions = "";

    public String getTerm() {
        return term;
    }

    public void setTerm(String term) {
        this.term = term;
    }

    public String getExpansions() {
        return expansions;
    }

    public void setExpansions(String expansions) {
        this.expansions = expansions;
    }

    SynonymData toData() {
        return new SynonymData(
                term == null ? "" : term.strip(),
                expansions == null
                        ? java.util.List.of()
                        : Arrays.stream(expansions.split(","))
                                .map(String::strip)
                                .filter(e -> !e.isEmpty())
                                .toList());
    }
}
