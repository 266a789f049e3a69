package de.buergerservice.telephony.internal;

import java.util.UUID;

/** What the registrar needs to check a REGISTER: whose phone it is and the stored HA1. */
public record SipCredential(UUID agentId, String sipUser, String ha1) {}
