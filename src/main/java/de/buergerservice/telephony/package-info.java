/**
 * Telefonie: the switchboard (ACD) that answers every partner municipality's published number — SIP registrar and
 * queueing proxy, queues, agents and their states, routing, and the append-only call-event log. Other modules
 * listen to {@link TelephonySnapshot} events and read reports from the {@code call_event} table's contents.
 */
@ApplicationModule(
        displayName = "Telefonie (telephony)",
        allowedDependencies = {"tenancy", "identity", "shared"})
package de.buergerservice.telephony;

import org.springframework.modulith.ApplicationModule;
