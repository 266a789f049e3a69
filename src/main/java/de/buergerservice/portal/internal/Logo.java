package de.buergerservice.portal.internal;

import java.time.Instant;

/** A municipality's logo as stored: PNG or JPEG bytes, their media type, when it was uploaded. */
public record Logo(byte[] image, String type, Instant updatedAt) {}
