package de.buergerservice.telephony.internal;

import java.util.List;
import java.util.UUID;

import de.buergerservice.telephony.internal.routing.Skill;

/**
 * A stored agent: who it is, its SIP user and digest HA1s (MD5, and SHA-256 per RFC 8760 — null for an agent whose
 * password was last set before SHA-256 was offered: its phone is challenged with MD5 only until the password is set
 * again), its skills.
 */
public record AgentRecord(
        UUID id, UUID userId, String sipUser, String displayName, String ha1, String ha1Sha256, List<Skill> skills) {}
