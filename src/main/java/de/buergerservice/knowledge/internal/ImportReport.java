package de.buergerservice.knowledge.internal;

import java.util.List;
import java.util.UUID;

/**
 * The result of one import. An import is all or nothing: if any record fails, {@code status} is {@code REJECTED},
 * {@code failures} names each record and field, and nothing was written.
 *
 * @param target {@code catalogue} or the slug of the tenant the records went to
 * @param warnings what was accepted with an adjustment (e.g. several LeiKa keys, the first one taken)
 */
public record ImportReport(
        UUID id,
        String format,
        String target,
        Status status,
        int total,
        int created,
        int updated,
        int unchanged,
        List<Problem> failures,
        List<Problem> warnings,
        long durationMillis) {

    public enum Status {
        APPLIED,
        REJECTED
    }

    /**
     * What is wrong with one record.
     *
     * @param record position of the record in the file, from 1 (0: the file as a whole)
     * @param field the field as named in the file, e.g. {@code leika} or {@code forms[2].link}
     */
    public record Problem(int record, String externalId, String title, String field, String message) {}
}
