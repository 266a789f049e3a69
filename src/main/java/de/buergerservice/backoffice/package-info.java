/**
 * Back office: what the first contact could not solve becomes a ticket of the municipality's department (from the
 * contact module's {@link de.buergerservice.contact.ContactHandedOff}), with a deadline in the municipality's
 * service hours; the department's inbox, the steps of a ticket and their history, escalation of overdue tickets,
 * and the mail outbox that sends every mail exactly once through SMTP.
 */
@ApplicationModule(
        displayName = "Backoffice (backoffice)",
        allowedDependencies = {"tenancy", "identity", "contact", "shared"})
package de.buergerservice.backoffice;

import org.springframework.modulith.ApplicationModule;
