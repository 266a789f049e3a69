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

    public void end(String callId) {
        calls.switchboard.ended(callId);
    }

    public void applied() {
        calls.applied();
    }
}
