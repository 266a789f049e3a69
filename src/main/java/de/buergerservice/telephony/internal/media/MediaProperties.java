package de.buergerservice.telephony.internal.media;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The switchboard's voice ({@code buergerservice.telephony.media.*}).
 *
 * @param enabled whether the media engine runs at all
 * @param announcementsByDefault whether a municipality without own settings hears announcements
 * @param host address RTP is sent from and written into SDP (default: the SIP host)
 * @param portMin lowest RTP port (even), {@code portMax} highest: two ports per concurrent announced call are
 *        reserved (RTP, and RTCP by convention)
 * @param announceEvery default hold music between two position announcements
 * @param secondsPerPosition rough handle time per caller ahead, for the expected wait ("etwa n Minuten")
 * @param espeak the espeak-ng command, {@code voice} its voice
 * @param maxUploadBytes largest WAV an admin may upload
 * @param callbackGateway where callbacks to citizens go (host:port of the SIP trunk/gateway), empty: callbacks
 *        are not offered
 * @param callbackAttempts how often the switchboard tries to reach the citizen before it gives up
 * @param callbackRingTimeout how long the citizen's phone rings per attempt
 */
@ConfigurationProperties("buergerservice.telephony.media")
public record MediaProperties(
        Boolean enabled,
        Boolean announcementsByDefault,
        String host,
        Integer portMin,
        Integer portMax,
        Duration announceEvery,
        Integer secondsPerPosition,
        String espeak,
        String voice,
        Long maxUploadBytes,
        String callbackGateway,
        Integer callbackAttempts,
        Duration callbackRingTimeout) {

    public MediaProperties {
        enabled = enabled == null || enabled;
        announcementsByDefault = announcementsByDefault == null || announcementsByDefault;
        portMin = portMin == null ? 20000 : portMin;
        portMax = portMax == null ? 29999 : portMax;
        announceEvery = announceEvery == null ? Duration.ofSeconds(30) : announceEvery;
        secondsPerPosition = secondsPerPosition == null ? 120 : secondsPerPosition;
        espeak = espeak == null || espeak.isBlank() ? "espeak-ng" : espeak;
        voice = voice == null || voice.isBlank() ? "de" : voice;
        maxUploadBytes = maxUploadBytes == null ? 5L * 1024 * 1024 : maxUploadBytes;
        callbackGateway = callbackGateway == null ? "" : callbackGateway.strip();
        callbackAttempts = callbackAttempts == null ? 3 : callbackAttempts;
        callbackRingTimeout = callbackRingTimeout == null ? Duration.ofSeconds(30) : callbackRingTimeout;
    }
}
