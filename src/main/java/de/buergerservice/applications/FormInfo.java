package de.buergerservice.applications;

import java.util.UUID;

/**
 * A municipality's form without its content.
 *
 * @param serviceId the knowledge service the form belongs to, or {@code null}
 * @param latestVersion the newest stored version (what editors work on)
 * @param publishedVersion the version citizens fill in, or {@code null} while none is published
 */
public record FormInfo(
        UUID id,
        UUID tenantId,
        String formKey,
        String title,
        UUID serviceId,
        int latestVersion,
        Integer publishedVersion) {

    public boolean published() {
        return publishedVersion != null;
    }
}
