package de.buergerservice.planning.web;

import java.security.Principal;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerservice.planning.internal.PlanningSimulations;
import de.buergerservice.planning.internal.PlanningSimulations.SimulationView;
import de.buergerservice.planning.internal.TrialPhaseReplay;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.InvalidFieldsException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The what-if page: describe a municipality (calls per day, handle time, target, shrinkage, patience, optionally a
 * fixed number of agents), get the Erlang C staffing per half hour and the simulated figures of that roster, with
 * the service level over the day as a chart; the result page follows the run's progress (htmx, every second).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGEMENT')")
class PlanningPageController {

    /** An agreement to start a what-if from: its municipality and targets. */
    record AgreementChoice(UUID id, String municipality, String target) {}

    private final PlanningSimulations simulations;
    private final MessageSource messages;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final java.util.Optional<TrialPhaseReplay> trialPhase;

    PlanningPageController(
            PlanningSimulations simulations,
            MessageSource messages,
            TenantDirectory tenants,
            TenantScope scope,
            java.util.Optional<TrialPhaseReplay> trialPhase) {
        this.simulations = simulations;
        this.messages = messages;
        this.tenants = tenants;
        this.scope = scope;
        this.trialPhase = trialPhase;
    }

    /**
     * The form; with {@code agreement} it starts from that cooperation agreement: its municipality and its
     * service-level target (an agreement of a municipality the user does not see is not found).
     */
    @GetMapping("/planning")
    String form(@RequestParam(required = false) UUID agreement, Model model) {
        WhatIfForm form = new WhatIfForm();
        List<AgreementChoice> choices = agreements();
        if (agreement != null) {
            AgreementChoice chosen = choices.stream()
                    .filter(c -> c.id().equals(agreement))
                    .findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException("agreement"));
            form.setName(chosen.municipality());
            form.setTarget(chosen.target());
        }
        model.addAttribute("form", form);
        addChoices(model, choices);
        return "planning/what-if";
    }

    private void addChoices(Model model, List<AgreementChoice> choices) {
        model.addAttribute("agreements", choices);
        trialPhase.ifPresent(replay -> model.addAttribute("trialPhase", replay.progress()));
    }

    /** The agreements of the municipalities the user sees, with the target as the form writes it ("80/20"). */
    private List<AgreementChoice> agreements() {
        return tenants.findAll().stream()
                .filter(t -> scope.permits(t.id()))
                .flatMap(t -> tenants.agreementsFor(t.id()).stream()
                        .map(a -> new AgreementChoice(
                                a.id(),
                                t.name(),
                                a.serviceLevelTarget()
                                                .percent()
                                                .stripTrailingZeros()
                                                .toPlainString() + "/"
                                        + a.serviceLevelTarget().withinSeconds())))
                .toList();
    }

    @PostMapping("/planning")
    String start(
            @ModelAttribute("form") WhatIfForm form,
            BindingResult binding,
            Principal user,
            Locale locale,
            Model model) {
        addChoices(model, agreements());
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
