package de.buergerservice.planning.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

import de.buergerservice.planning.internal.simulation.Simulation;
import de.buergerservice.planning.internal.simulation.SimulationModel;
import de.buergerservice.planning.internal.simulation.SimulationResult;
import de.buergerservice.reporting.KpiFigures;
import de.buergerservice.reporting.ServiceLevelVariant;

/**
 * What-if simulations in the background, one at a time, each visible only to the user who started it (a foreign
 * id is not found). Kept in memory — a what-if is worked with now, not archived — the last {@value #KEPT} runs.
 */
@Service
public class PlanningSimulations {

    static final int KEPT = 50;
    private static final Logger log = LoggerFactory.getLogger(PlanningSimulations.class);

    public enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    /** One half hour of the answer: Erlang C's staffing, the roster simulated, and what the simulation gave. */
    public record HalfHourView(
            String start,
            double expectedCalls,
            int agentsNeeded,
            int rosterAgents,
            long offered,
            double serviceLevel,
            double averageSpeedOfAnswerSeconds,
            double abandonRate) {}

    /** The figures of the whole run. */
    public record TotalsView(
            long offered,
            long answered,
            long abandoned,
            double serviceLevel,
            double averageSpeedOfAnswerSeconds,
            double abandonRate,
            double occupancy,
            double simulatedCallsPerSecond) {}

    public record SimulationView(
            UUID id, Status status, double progress, TotalsView totals, List<HalfHourView> intervals, String error) {}

    private final class Run {
        final UUID id = UUID.randomUUID();
        final String owner;
        final WhatIf whatIf;
        volatile Status status = Status.QUEUED;
        volatile double progress;
        volatile SimulationResult result;
        volatile SimulatedFigures figures;
        volatile String error;

        Run(String owner, WhatIf whatIf) {
            this.owner = owner;
            this.whatIf = whatIf;
        }

        SimulationView view() {
            SimulationResult r = result;
            if (r == null) {
                return new SimulationView(id, status, progress, null, List.of(), error);
            }
            // counted by reporting's definitions (KpiFold, KpiFigures), as the interim report counts
            KpiFigures total = figures.total();
            TotalsView totals = new TotalsView(
                    total.offered(),
                    total.answered(),
                    total.abandoned(),
                    serviceLevel(total),
                    orZero(total.averageSpeedOfAnswerSeconds()),
                    orZero(total.abandonmentRate()),
                    orZero(total.occupancy()),
                    r.callsPerSecond());
            List<StaffingPlan.HalfHour> plan = whatIf.plan();
            int[] roster = whatIf.rosterOrPlan();
            List<HalfHourView> intervals = new ArrayList<>();
            for (StaffingPlan.HalfHour half : plan) {
                KpiFigures k = figures.halfHour(half.index());
                if (half.calls() <= 0 && k.offered() == 0 && roster[half.index()] == 0) {
                    continue;
                }
                intervals.add(new HalfHourView(
                        half.start(),
                        half.calls(),
                        half.agents(),
                        roster[half.index()],
                        k.offered(),
                        serviceLevel(k),
                        orZero(k.averageSpeedOfAnswerSeconds()),
                        orZero(k.abandonmentRate())));
            }
            return new SimulationView(id, status, 1.0, totals, intervals, null);
        }
    }

    /** The agreement's contractual variant (answered in time ÷ offered); no calls: nothing missed. */
    static double serviceLevel(KpiFigures f) {
        BigDecimal value = f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED);
        return value == null ? 1.0 : value.doubleValue();
    }

    static double orZero(BigDecimal value) {
        return value == null ? 0.0 : value.doubleValue();
    }

    private final TaskExecutor executor;
    private final Map<UUID, Run> runs = new LinkedHashMap<>();

    PlanningSimulations(@Qualifier(PlanningConfiguration.EXECUTOR) TaskExecutor executor) {
        this.executor = executor;
    }

    /** Starts a simulation of {@code whatIf} for {@code owner}; the view says how far it is. */
    public SimulationView start(String owner, WhatIf whatIf) {
        Run run = new Run(owner, whatIf);
        synchronized (runs) {
            runs.put(run.id, run);
            if (runs.size() > KEPT) {
                runs.remove(runs.keySet().iterator().next());
            }
        }
        executor.execute(() -> simulate(run));
        return run.view();
    }

    public Optional<SimulationView> find(String owner, UUID id) {
        Run run;
        synchronized (runs) {
            run = runs.get(id);
        }
        return run == null || !run.owner.equals(owner) ? Optional.empty() : Optional.of(run.view());
    }

    private void simulate(Run run) {
        run.status = Status.RUNNING;
        try {
            SimulationModel model = run.whatIf.model();
            SimulatedFigures figures = new SimulatedFigures(model.start(), (int) run.whatIf.thresholdSeconds());
            SimulationResult result = new Simulation(model, figures).run(p -> run.progress = p, () -> false);
            run.figures = figures;
            run.result = result;
            run.status = Status.DONE;
            log.info("Simulation {} done: {} calls in {} ms", run.id, result.calls(), result.wallNanos() / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Simulation {} failed", run.id, e);
            run.error = e.getMessage();
            run.status = Status.FAILED;
        }
    }
}
