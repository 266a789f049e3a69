package de.buergerservice.applications.internal;

import java.time.Instant;

/** One stored version of a form, for the editors' history. */
public record VersionInfo(int number, boolean everPublished, boolean current, Instant createdAt, String createdBy) {}
