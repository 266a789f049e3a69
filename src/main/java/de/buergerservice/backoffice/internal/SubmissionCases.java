package de.buergerservice.backoffice.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.buergerservice.applications.SubmissionReceived;
import de.buergerservice.applications.SubmissionStatusChanged;

/**
 * Turns the applications module's submissions into cases of the department's inbox, and its status changes into
 * mails to the citizen — as {@link HandOffs} does for contacts: after the submitting transaction committed, in a
 * transaction of its own, redelivered by the event publication registry if it failed. The back office depends on
 * applications' events, never the other way round, so applications has no dependency on the back office.
 */
@Component
class SubmissionCases {

    private final Tickets tickets;

    SubmissionCases(Tickets tickets) {
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(SubmissionReceived submission) {
        tickets.openSubmission(submission);
    }

    @ApplicationModuleListener
    void on(SubmissionStatusChanged change) {
        tickets.submissionChanged(change);
    }
}
