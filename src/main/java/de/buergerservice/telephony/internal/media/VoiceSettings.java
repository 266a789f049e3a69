package de.buergerservice.telephony.internal.media;

import java.util.UUID;

/**
 * What callers of one municipality hear while they wait.
 *
 * @param announcements whether the switchboard answers with early media at all (else 182/480 as before)
 * @param notice optional text spoken after the greeting (null: none)
 * @param announceEverySeconds hold music between two position announcements, in seconds (10–300)
 */
public record VoiceSettings(UUID tenantId, boolean announcements, String notice, int announceEverySeconds) {}
