package de.buergerservice.backoffice.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketStepRepository extends JpaRepository<TicketStep, UUID> {

    List<TicketStep> findByTicketIdOrderByAtAscIdAsc(UUID ticketId);
}
