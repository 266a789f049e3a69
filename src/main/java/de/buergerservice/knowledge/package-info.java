/**
 * Wissensmanagement: service descriptions (Leistungen) in a shared catalogue with tenant-specific overrides, their
 * versions and editorial workflow, import (DLDB JSON, CSV) and export. Other modules read the merged view of a
 * tenant through {@link KnowledgeCatalog} and hear about changes through {@link KnowledgeChanged}.
 */
@ApplicationModule(
        displayName = "Wissensmanagement (knowledge)",
        allowedDependencies = {"tenancy", "shared"})
package de.buergerservice.knowledge;

import org.springframework.modulith.ApplicationModule;
