/**
 * Online-Anträge: form definitions per municipality and service (sections and fields, stored as versioned JSON,
 * imported from FIM XDatenfelder), the server-side validation of answers, and the submissions made with them. The
 * root package is the form model ({@link FormDefinition}), its validation ({@link FormValidator}) and the
 * {@link FormCatalog} other code reads published forms through.
 */
@ApplicationModule(
        displayName = "Online-Anträge (applications)",
        allowedDependencies = {"tenancy", "knowledge", "shared"})
package de.buergerservice.applications;

import org.springframework.modulith.ApplicationModule;
