package de.buergerservice.planning.web;

import java.security.Principal;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import de.buergerservice.planning.internal.PlanningSimulations;
import de.buergerservice.planning.internal.PlanningSimulations.SimulationView;
import de.buergerservice.shared.web.InvalidFieldsException;
import de.buergerservice.shared.web.ResourceNotFoundException;

/**
 * The what-if page: describe a municipality (calls per day, handle time, target, shrinkage, patience, optionally a
 * fixed number of agents), get the Erlang C staffing per half hour and the simulated figures of that roster, with
 * the service level over the day as a chart; the result page follows the run's progress (htmx, every second).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGEMENT')")
class PlanningPageController {

    private final PlanningSimulations simulations;
    private final MessageSource messages;

    PlanningPageController(PlanningSimulations simulations, MessageSource messages) {
        this.simulations = simulations;
        this.messages = messages;
    }

    @GetMapping("/planning")
    String form(Model model) {
        model.addAttribute("form", new WhatIfForm());
        return "planning/what-if";
    }

    @PostMapping("/planning")
    String start(@ModelAttribute("form") WhatIfForm form, BindingResult binding, Principal user, Locale locale) {
        if (binding.hasErrors()) {
            return "planning/what-if";
        }
        try {
            SimulationView started =
                    simulations.start(user.getName(), form.input().check(new ParameterCheck()));
            return "redirect:/planning/simulations/" + started.id();
        } catch (InvalidFieldsException e) {
            for (InvalidFieldsException.Error error : e.errors()) {
                String field = error.field().equals("profile") || binding.getFieldType(error.field()) != null
                        ? error.field()
                        : "callsPerDay";
                binding.rejectValue(field, error.code(), messages.getMessage(error.code(), error.arguments(), locale));
            }
            return "planning/what-if";
        }
    }

    @GetMapping("/planning/simulations/{simulationId}")
    String result(@PathVariable UUID simulationId, Principal user, Model model) {
        model.addAttribute("run", find(simulationId, user));
        return "planning/simulation";
    }

    /** The result section alone, polled while the simulation runs. */
    @GetMapping("/planning/simulations/{simulationId}/progress")
    String progress(@PathVariable UUID simulationId, Principal user, Model model) {
        model.addAttribute("run", find(simulationId, user));
        return "planning/simulation :: result";
    }

    private SimulationView find(UUID id, Principal user) {
        return simulations.find(user.getName(), id).orElseThrow(() -> new ResourceNotFoundException("simulation"));
    }
}
