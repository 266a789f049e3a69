package de.buergerservice.telephony.internal.media;

/**
 * What a stream plays, one 20 ms frame at a time. Called on the media thread only: implementations must not
 * block (a prompt not yet synthesised plays as silence until it is there).
 */
public interface AudioSource {

    /**
     * Fills {@code frame} (160 samples) with the next 20 ms.
     *
     * @return false when the source has ended (the frame is then not sent)
     */
    boolean fill(short[] frame);
}
