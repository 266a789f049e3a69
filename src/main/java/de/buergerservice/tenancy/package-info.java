/**
 * Mandanten: the service-center operator, the municipalities it serves (numbers, greeting, opening hours,
 * departments) and the cooperation agreements between them. Other modules use {@link TenantDirectory}.
 */
@ApplicationModule(
        displayName = "Mandanten (tenancy)",
        allowedDependencies = {"shared"})
package de.buergerservice.tenancy;

import org.springframework.modulith.ApplicationModule;
