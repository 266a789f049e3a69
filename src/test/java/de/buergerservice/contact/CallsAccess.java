package de.buergerservice.contact;

import java.util.UUID;

/** {@link Calls} for the tests of the desk's web package. */
public class CallsAccess {

    private final Calls calls;

    CallsAccess(Calls calls) {
        this.calls = calls;
    }

    public void agent1Ready() {
        calls.agent1Ready();
    }

    /** A call rung at agent1, not answered yet. */
    public String ringing(String slug, String number) {
        String callId = "desk-test-" + UUID.randomUUID();
        calls.switchboard.offer(callId, calls.line(slug).id(), number);
        return callId;
    }

    public String answeredCall(String slug, String number) {
        return calls.answered(slug, number);
    }

    /** agent1 answers the call rung at them. */
    public void answer(String callId) {
        calls.switchboard.answered(callId, calls.switchboard.agentOf(callId).orElseThrow());
    }

    /** The switchboard's live state, as telephony publishes it. */
    public de.buergerservice.telephony.TelephonySnapshot snapshot() {
        return calls.switchboard.snapshot();
    }

    /** Everything the switchboard recorded is in the call-event log (not yet applied to contacts). */
    public void written() {
        calls.log.flush(java.time.Duration.ofSeconds(10));
    }

    public void end(String callId) {
        calls.switchboard.ended(callId);
    }

    public void applied() {
        calls.applied();
    }
}
