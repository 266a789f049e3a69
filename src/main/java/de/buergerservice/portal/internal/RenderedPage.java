package de.buergerservice.portal.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * A page or feed answer as it goes over the wire, with its validators: a strong ETag over the bytes and the moment
 * its content was read (never earlier than the last change it shows).
 */
public record RenderedPage(byte[] body, String contentType, String etag, Instant lastModified) {

    public static RenderedPage of(String text, String contentType, Instant lastModified) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new RenderedPage(body, contentType, etagOf(body), lastModified);
    }

    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
