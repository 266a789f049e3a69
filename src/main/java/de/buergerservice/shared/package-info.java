/**
 * Shared kernel: what every module needs and no module owns — the data directory, tenant scope of the current
 * user, problem+json error handling, audit events and the persistence base class.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package de.buergerservice.shared;

import org.springframework.modulith.ApplicationModule;
