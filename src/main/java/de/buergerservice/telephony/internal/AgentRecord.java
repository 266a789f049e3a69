package de.buergerservice.telephony.internal;

import java.util.List;
import java.util.UUID;

import de.buergerservice.telephony.internal.routing.Skill;

/** A stored agent: who it is, its SIP user and digest HA1, its skills. */
public record AgentRecord(UUID id, UUID userId, String sipUser, String displayName, String ha1, List<Skill> skills) {}
