package de.buergerservice.telephony.internal.media;

/** What a prompt is for; a municipality may upload a recording for each (else it is spoken by espeak-ng). */
public enum PromptSituation {
    /** first thing a caller hears: the municipality's greeting text */
    GREETING,
    /** optional notice after the greeting (e.g. data protection) */
    NOTICE,
    /** played between the position announcements; generated tones unless uploaded */
    HOLD_MUSIC,
    /** outside opening hours, instead of the generated announcement of the next opening hours */
    CLOSED
}
