package de.buergerservice.planning.web;

import java.net.URI;
import java.security.Principal;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.planning.internal.PlanningSimulations;
import de.buergerservice.planning.internal.PlanningSimulations.SimulationView;
import de.buergerservice.shared.web.ResourceNotFoundException;

/**
 * What-if simulations over REST: {@code POST /api/v1/planning/simulations} starts one (202 with its address), and
 * {@code GET /api/v1/planning/simulations/{simulationId}} shows its progress and, once done, the staffing Erlang C
 * asks for per half hour next to the simulated figures of the roster. A simulation belongs to whoever started it.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGEMENT')")
class SimulationApiController {

    private final PlanningSimulations simulations;

    SimulationApiController(PlanningSimulations simulations) {
        this.simulations = simulations;
    }

    @PostMapping("/api/v1/planning/simulations")
    ResponseEntity<SimulationView> start(@RequestBody WhatIfInput input, Principal user) {
        SimulationView started = simulations.start(user.getName(), input.check(new ParameterCheck()));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/planning/simulations/" + started.id()))
                .body(started);
    }

    @GetMapping("/api/v1/planning/simulations/{simulationId}")
    SimulationView show(@PathVariable UUID simulationId, Principal user) {
        return simulations
                .find(user.getName(), simulationId)
                .orElseThrow(() -> new ResourceNotFoundException("simulation"));
    }
}
