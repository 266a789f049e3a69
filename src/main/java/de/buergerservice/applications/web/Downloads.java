package de.buergerservice.applications.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import de.buergerservice.applications.internal.submission.Submissions;

/**
 * An attachment as a download: always {@code attachment} (never shown inline, so no uploaded file runs in the
 * product's origin), with the type its content was checked to be, and {@code nosniff}.
 */
final class Downloads {

    private Downloads() {}

    static ResponseEntity<byte[]> attachment(Submissions.AttachmentContent file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.attachment().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.attachment().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }
}
