package de.buergerservice.planning.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.buergerservice.planning.internal.ErlangA;
import de.buergerservice.planning.internal.ErlangC;
import de.buergerservice.planning.internal.Staffing;
import de.buergerservice.planning.internal.StaffingTarget;
import de.buergerservice.planning.internal.Workload;

/**
 * Staffing maths over REST: {@code GET /api/v1/planning/erlang-c} and {@code /erlang-a}. Without {@code agents}
 * the answer is the fewest agents that reach the target; with it, what that many agents achieve. Pure arithmetic
 * on the figures sent — no municipality's data — for those who plan: administrators, shift supervisors and
 * management.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGEMENT')")
class ErlangApiController {

    /** Erlang C answer; all rates as fractions (0.8 = 80 %). */
    record ErlangCJson(
            int agents,
            int positions,
            double probabilityOfWait,
            double serviceLevel,
            double occupancy,
            double averageSpeedOfAnswerSeconds) {

        static ErlangCJson of(Staffing s) {
            return new ErlangCJson(
                    s.agents(),
                    s.positions(),
                    s.probabilityOfWait(),
                    s.serviceLevel(),
                    s.occupancy(),
                    s.averageSpeedOfAnswerSeconds());
        }
    }

    /** Erlang A answer: as Erlang C, plus the share of callers who hang up before they are answered. */
    record ErlangAJson(
            int agents,
            int positions,
            double probabilityOfWait,
            double probabilityOfAbandon,
            double serviceLevel,
            double occupancy,
            double averageSpeedOfAnswerSeconds) {

        static ErlangAJson of(Staffing s) {
            return new ErlangAJson(
                    s.agents(),
                    s.positions(),
                    s.probabilityOfWait(),
                    s.probabilityOfAbandon(),
                    s.serviceLevel(),
                    s.occupancy(),
                    s.averageSpeedOfAnswerSeconds());
        }
    }

    @GetMapping("/api/v1/planning/erlang-c")
    ErlangCJson erlangC(
            @RequestParam(required = false) Double calls,
            @RequestParam(required = false) Double intervalMinutes,
            @RequestParam(required = false) Double ahtSeconds,
            @RequestParam(required = false) Double serviceLevel,
            @RequestParam(required = false) Double thresholdSeconds,
            @RequestParam(required = false) Double shrinkage,
            @RequestParam(required = false) Double maxAverageSpeedOfAnswerSeconds,
            @RequestParam(required = false) Double maxOccupancy,
            @RequestParam(required = false) Integer agents) {
        ParameterCheck check = new ParameterCheck();
        Request request = read(
                check,
                calls,
                intervalMinutes,
                ahtSeconds,
                serviceLevel,
                thresholdSeconds,
                shrinkage,
                maxAverageSpeedOfAnswerSeconds,
                maxOccupancy,
                agents);
        if (check.ok() && agents != null && agents <= request.workload.load()) {
            // Erlang C has no steady state then: the queue grows without end
            check.reject("agents", "validation.planning.agentsBelowLoad", request.workload.load());
        }
        if (check.ok() && agents == null) {
            checkReachable(check, request.workload);
        }
        check.throwIfRejected();
        return ErlangCJson.of(
                agents == null
                        ? ErlangC.agentsNeeded(request.workload, request.target)
                        : ErlangC.evaluate(request.workload, agents, request.target.shrinkage()));
    }

    @GetMapping("/api/v1/planning/erlang-a")
    ErlangAJson erlangA(
            @RequestParam(required = false) Double calls,
            @RequestParam(required = false) Double intervalMinutes,
            @RequestParam(required = false) Double ahtSeconds,
            @RequestParam(required = false) Double serviceLevel,
            @RequestParam(required = false) Double thresholdSeconds,
            @RequestParam(required = false) Double shrinkage,
            @RequestParam(required = false) Double maxAverageSpeedOfAnswerSeconds,
            @RequestParam(required = false) Double maxOccupancy,
            @RequestParam(required = false) Integer agents,
            @RequestParam(required = false) Double patienceSeconds) {
        ParameterCheck check = new ParameterCheck();
        Request request = read(
                check,
                calls,
                intervalMinutes,
                ahtSeconds,
                serviceLevel,
                thresholdSeconds,
                shrinkage,
                maxAverageSpeedOfAnswerSeconds,
                maxOccupancy,
                agents);
        double patience = check.required("patienceSeconds", patienceSeconds, 0, 86_400, true);
        if (check.ok() && agents == null) {
            checkReachable(check, request.workload);
        }
        check.throwIfRejected();
        return ErlangAJson.of(
                agents == null
                        ? ErlangA.agentsNeeded(request.workload, patience, request.target)
                        : ErlangA.evaluate(request.workload, agents, patience, request.target.shrinkage()));
    }

    private record Request(Workload workload, StaffingTarget target) {}

    private static Request read(
            ParameterCheck check,
            Double calls,
            Double intervalMinutes,
            Double ahtSeconds,
            Double serviceLevel,
            Double thresholdSeconds,
            Double shrinkage,
            Double maxAverageSpeedOfAnswerSeconds,
            Double maxOccupancy,
            Integer agents) {
        double c = check.required("calls", calls, 0, 10_000_000, true);
        double interval = check.required("intervalMinutes", intervalMinutes, 0, 1440, true);
        double aht = check.required("ahtSeconds", ahtSeconds, 0, 86_400, true);
        double threshold = check.required("thresholdSeconds", thresholdSeconds, 0, 3600, false);
        // with a given number of agents the target is not needed: the answer says what they achieve
        Double target = agents == null
                ? (Double) check.required("serviceLevel", serviceLevel, 0, 0.9999, true)
                : check.optional("serviceLevel", serviceLevel, 0, 0.9999, true);
        Double asa = check.optional("maxAverageSpeedOfAnswerSeconds", maxAverageSpeedOfAnswerSeconds, 0, 3600, true);
        Double occupancy = check.optional("maxOccupancy", maxOccupancy, 0, 1, true);
        double s = shrinkage == null ? 0 : check.optional("shrinkage", shrinkage, 0, 0.9, false);
        check.optionalWhole("agents", agents, 1, StaffingTarget.MAX_AGENTS);
        return new Request(
                new Workload(c, interval * 60, aht, threshold),
                new StaffingTarget(target == null ? 0 : target, asa, occupancy, s));
    }

    private static void checkReachable(ParameterCheck check, Workload workload) {
        if (workload.load() >= StaffingTarget.MAX_AGENTS * 0.95) {
            check.reject("calls", "validation.planning.loadTooHigh", StaffingTarget.MAX_AGENTS);
        }
    }
}
