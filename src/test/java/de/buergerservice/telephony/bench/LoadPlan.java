package de.buergerservice.telephony.bench;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What one SIP load run does.
 *
 * @param sipHost the server under test (127.0.0.1 only: load is never aimed at another machine)
 * @param agentUsers SIP users of the agent phones; all share {@code agentPassword}
 * @param number the number the measured calls dial (a municipality open around the clock whose agents register)
 * @param waitingNumber the number the waiting calls dial (a municipality none of the registered agents serves)
 * @param rate call attempts per second, open loop: the schedule does not wait for answers
 * @param ringDelay how long an agent phone rings (180) before it answers (200)
 * @param talk how long a caller stays in an answered call before BYE
 * @param callIdPrefix starts every Call-ID of the run, so its call events can be told from others
 * @param waitingInQueue how many calls the server reports waiting in the waiting number's queue (REST or service)
 */
public record LoadPlan(
        String sipHost,
        int sipPort,
        List<String> agentUsers,
        String agentPassword,
        String number,
        String waitingNumber,
        int waitingCalls,
        double rate,
        Duration warmUp,
        Duration measured,
        Duration ringDelay,
        Duration talk,
        String callIdPrefix,
        IntSupplier waitingInQueue) {

    public LoadPlan {
        if (!"127.0.0.1".equals(sipHost)) {
            throw new IllegalArgumentException("load runs only against 127.0.0.1, not " + sipHost);
        }
        agentUsers = List.copyOf(agentUsers);
    }

    String serverUri() {
        return "sip:" + sipHost + ":" + sipPort;
    }
}
