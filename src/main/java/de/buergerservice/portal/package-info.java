/**
 * Bürgerportal: each municipality's public web presence — home, services A–Z, search, service and department
 * pages, contact form, accessibility pages, the online forms of the applications module (steps, summary, status
 * look-up, through its {@link de.buergerservice.applications.SubmissionDesk}) — plus a JSON feed and an embeddable widget for municipalities that keep
 * their own CMS. Public, no login; everything it shows comes from knowledge (what is in force, citizen audience)
 * and tenancy, read through their APIs and kept in an in-process cache that knowledge's
 * {@link de.buergerservice.knowledge.KnowledgeChanged} invalidates. Owns only each municipality's branding.
 */
@ApplicationModule(
        displayName = "Bürgerportal (portal)",
        allowedDependencies = {"knowledge", "tenancy", "contact", "applications", "shared"})
package de.buergerservice.portal;

import org.springframework.modulith.ApplicationModule;
