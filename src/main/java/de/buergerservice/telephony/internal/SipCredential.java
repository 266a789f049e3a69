package de.buergerservice.telephony.internal;

import java.util.UUID;

/**
 * What the registrar needs to check a REGISTER: whose phone it is and the stored HA1s (MD5; SHA-256, null if not yet
 * stored for this agent).
 */
public record SipCredential(UUID agentId, String sipUser, String ha1, String ha1Sha256) {

    public SipCredential(UUID agentId, String sipUser, String ha1) {
        this(agentId, sipUser, ha1, null);
    }
}
