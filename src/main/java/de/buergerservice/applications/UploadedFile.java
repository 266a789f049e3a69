package de.buergerservice.applications;

import java.io.Serializable;
import java.util.UUID;

/**
 * An attachment a citizen uploaded, checked (PDF, JPEG or PNG by content, within the size limit) and stored under
 * {@code id}; {@code fileName} is for display only. Serializable: the portal keeps it in the citizen's session
 * between the steps of a form.
 */
public record UploadedFile(UUID id, String fileName, String mediaType, long size, String sha256)
        implements Serializable {}
