/**
 * Back office: what the first contact could not solve becomes a ticket of the municipality's department (from the
 * contact module's {@link de.buergerservice.contact.ContactHandedOff}), with a deadline in the municipality's
 * service hours, and the case of each online application (from {@link
 * de.buergerservice.applications.SubmissionReceived}, with the confirmation and status mails to the citizen); the
 * department's inbox, the steps of a ticket and their history, escalation of overdue tickets,
 * and the mail outbox that sends every mail exactly once through SMTP.
 */
@ApplicationModule(
        displayName = "Backoffice (backoffice)",
        allowedDependencies = {"tenancy", "identity", "contact", "applications", "shared"})
package de.buergerservice.backoffice;

import org.springframework.modulith.ApplicationModule;
