package de.buergerservice.applications.internal.submission;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An attachment's description (never its content). */
public record AttachmentView(
        UUID id,
        UUID stepId,
        String fieldKey,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        Instant uploadedAt) {

    /** "1,2 MB" or "830 KB". */
    public String sizeText() {
        if (size >= 1024 * 1024) {
            return String.format(Locale.GERMAN, "%.1f MB", size / (1024.0 * 1024.0));
        }
        return Math.max(1, (size + 1023) / 1024) + " KB";
    }
}
