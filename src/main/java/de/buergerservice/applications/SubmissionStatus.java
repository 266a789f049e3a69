package de.buergerservice.applications;

/** Where a citizen's submission (Antrag) stands; the citizen sees it with the tracking code and e-mail address. */
public enum SubmissionStatus {
    /** eingegangen */
    RECEIVED,
    /** in Bearbeitung */
    IN_PROGRESS,
    /** Rückfrage: the back office needs more information from the citizen */
    MORE_INFO_NEEDED,
    /** abgeschlossen */
    COMPLETED,
    /** abgelehnt */
    REJECTED;

    /** Whether the municipality is done with it; retention counts from then. */
    public boolean finished() {
        return this == COMPLETED || this == REJECTED;
    }
}
