/**
 * The routing core of the switchboard: queues, agents and their states, and the decisions between them, at the
 * time its {@link de.buergerservice.telephony.internal.routing.Scheduler} gives. Pure — it depends on
 * {@code java.*} and the telephony API only (checked by {@code RoutingCoreRulesTests}) — so the SIP adapter drives
 * it in real time and the planning module's simulation drives the very same code at virtual time. Exposed to other
 * modules as the named interface {@code telephony :: routing}.
 */
@NamedInterface("routing")
package de.buergerservice.telephony.internal.routing;

import org.springframework.modulith.NamedInterface;
