package de.buergerservice.telephony;

import java.util.Optional;
import java.util.UUID;

/**
 * What other modules (the contact desk) may ask of the switchboard's agents: which product user an agent is, and
 * ending an agent's wrap-up once the contact is documented. System-level: callers check the user's rights.
 */
public interface TelephonyAgents {

    /** The agent a product user is, if any. */
    Optional<UUID> agentOfUser(UUID userId);

    /** The product user an agent is; empty for phone-only agents and unknown ids. */
    Optional<UUID> userOfAgent(UUID agentId);

    /**
     * The agent documented the contact of the call just ended: the wrap-up (Nachbearbeitung) ends now instead of
     * when its time is up, and the agent is offered the next call. False when the agent is not in wrap-up.
     */
    boolean endWrapUp(UUID agentId);
}
