package de.buergerservice.knowledge.internal;

import java.util.List;

import de.buergerservice.knowledge.internal.ImportReport.Problem;

/**
 * One record read from an import file, mapped to the content model, with what went wrong while reading it.
 *
 * @param fieldNames maps a content field (e.g. {@code leikaKey}) to the name in the file (e.g. {@code leika}), for
 *        problems found by the shared validation rules
 * @param department the department named in the file (CSV), {@code null} if none
 */
record ImportRecord(
        int position,
        String externalId,
        ServiceContent content,
        String department,
        List<Problem> failures,
        List<Problem> warnings,
        java.util.Map<String, String> fieldNames) {

    String title() {
        return content == null ? null : content.title();
    }
}
