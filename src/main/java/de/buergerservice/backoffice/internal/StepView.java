package de.buergerservice.backoffice.internal;

import java.time.Instant;

/** A line of a ticket's history as the API and the pages show it. */
public record StepView(Instant at, String actor, TicketStepKind action, String detail) {}
