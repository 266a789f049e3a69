package de.buergerservice.contact;

import java.time.Instant;

/**
 * Documentation of replayed calls — the trial phase the planning module generates through the routing core: the
 * contact the feed made of such a call is documented with the outcome of the replay's outcome mix, as an agent would
 * have then. Only {@link ContactDocumented} is published (reporting counts first-contact resolution from it); a
 * replayed {@link ContactOutcome#HANDED_OFF} brings no hand-off to today's back office.
 */
public interface PastContacts {

    /**
     * Documents the phone contact of {@code callId}; false when there is none yet (the feed has not reached the call,
     * ask again). A contact documented already is left as it is (true).
     */
    boolean documentReplayed(String callId, ContactOutcome outcome, String category, Instant documentedAt);
}
