package de.buergerservice.tenancy;

import java.util.List;
import java.util.UUID;

/** A Fachbereich of a municipality: who handles what the first contact could not resolve. */
public record DepartmentInfo(
        UUID id, UUID tenantId, String name, String email, String phoneExtension, List<String> topics) {}
