package de.buergerservice.applications.internal.submission;

import de.buergerservice.applications.SubmissionStatus;

/** The German names of the statuses, for PDFs and mails (pages use the message bundle). */
public final class SubmissionLabels {

    private SubmissionLabels() {}

    public static String status(SubmissionStatus status) {
        return switch (status) {
            case RECEIVED -> "eingegangen";
            case IN_PROGRESS -> "in Bearbeitung";
            case MORE_INFO_NEEDED -> "Rückfrage: weitere Angaben nötig";
            case COMPLETED -> "abgeschlossen";
            case REJECTED -> "abgelehnt";
        };
    }
}
