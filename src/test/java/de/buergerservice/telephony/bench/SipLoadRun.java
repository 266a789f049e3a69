package de.buergerservice.telephony.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.IntSupplier;

import de.buergerservice.telephony.bench.SipLoadGenerator.Call;
import de.buergerservice.telephony.bench.SipLoadGenerator.Outcome;

/**
 * One SIP load run in its phases: register the agent phones, fill the waiting queue, place the calls (warm-up,
 * then measured), cancel the waiting calls. The server must already be set up (see {@link LoadFixture}).
 */
public final class SipLoadRun {

    /**
     * What a run saw. {@code attempts}, {@code completed}, latencies: calls placed in the measured time only;
     * {@code heldBefore}/{@code heldAfter}: the waiting queue's length as the server reports it around the measured
     * phase; the call id lists cover all calls (warm-up too) for the event audit.
     */
    public record Report(
            int agents,
            int registered,
            int waitingPlaced,
            int waitingQueued,
            int heldBefore,
            int heldAfter,
            int remindersDuringCalls,
            long attempts,
            double seconds,
            long completed,
            long failed,
            Map<String, Long> failures,
            Latencies inviteTo182,
            Latencies answerRelay,
            Latencies inviteTo200,
            long provisionalBefore182,
            Map<String, Long> retransmissions,
            int cancelled,
            List<String> answered,
            List<String> abandoned,
            List<String> unchecked) {

        public double attemptsPerSecond() {
            return seconds == 0 ? 0 : attempts / seconds;
        }

        public boolean allCompleted() {
            return failed == 0
                    && completed == attempts
                    && registered == agents
                    && waitingQueued == waitingPlaced
                    && cancelled == waitingPlaced;
        }

        public void print(PrintStream out) {
            out.printf("AGENTS registered %d/%d%n", registered, agents);
            out.printf(
                    "WAITING placed %d, queued (182) %d, held by the server before/after the measured calls "
                            + "%d/%d, 182 reminders heard during the calls %d, cancelled (487) %d%n",
                    waitingPlaced, waitingQueued, heldBefore, heldAfter, remindersDuringCalls, cancelled);
            out.printf(
                    "CALLS measured: %d attempts in %.1f s = %.1f attempts/s, completed %d, failed %d %s%n",
                    attempts, seconds, attemptsPerSecond(), completed, failed, failures);
            out.printf("INVITE->182    %s; worst seconds %s%n", inviteTo182.summary(), inviteTo182.worstSeconds(6));
            out.printf("agent200->200  %s; worst seconds %s%n", answerRelay.summary(), answerRelay.worstSeconds(6));
            out.printf("INVITE->200    %s; worst seconds %s%n", inviteTo200.summary(), inviteTo200.worstSeconds(6));
            out.printf(
                    "other provisional before 182: %d, generator retransmissions (whole run): %s%n",
                    provisionalBefore182, retransmissions);
        }
    }

    private SipLoadRun() {}

    /**
     * The server's waiting count once it has caught up: its live queue view is refreshed from switchboard events a
     * moment after the 182s went out, so it is polled for up to 5 s until it shows {@code expected}; whatever it
     * shows then is reported.
     */
    static int serverCount(IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int seen = count.getAsInt();
        while (seen != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = count.getAsInt();
        }
        return seen;
    }

    public static Report execute(LoadPlan plan, PrintStream log) throws IOException, InterruptedException {
        return execute(plan, log, () -> {}, () -> {});
    }

    /** As {@link #execute(LoadPlan, PrintStream)}, telling when the measured calls start and end (CPU sampling). */
    public static Report execute(LoadPlan plan, PrintStream log, Runnable measuredStarts, Runnable measuredEnds)
            throws IOException, InterruptedException {
        try (SipLoadGenerator generator = new SipLoadGenerator(plan)) {
            long started = System.nanoTime();
            int registered = generator.registerAgents(60_000);
            log.printf(
                    "registered %d/%d agent phones in %.1f s%n",
                    registered, plan.agentUsers().size(), (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            int queued = generator.fillWaiting(60_000);
            log.printf(
                    "%d/%d waiting calls queued in %.1f s%n",
                    queued, plan.waitingCalls(), (System.nanoTime() - started) / 1e9);
            int heldBefore = serverCount(plan.waitingInQueue(), queued);
            int remindersBefore = generator.reminders();
            long drain = plan.talk().toMillis() + plan.ringDelay().toMillis() + 40_000;
            log.printf(
                    "calls from %s, warm-up %d s (rising in four steps), then measured %d s%n",
                    LocalTime.now(), plan.warmUp().toSeconds(), plan.measured().toSeconds());
            double seconds = generator.placeCalls(drain, measuredStarts, measuredEnds);
            log.printf("calls placed and ended at %s%n", LocalTime.now());
            int remindersDuring = generator.reminders() - remindersBefore;
            int heldAfter = serverCount(plan.waitingInQueue(), queued);
            int cancelled = generator.cancelWaiting(60_000);
            generator.markUnfinished();

            List<Call> load = generator.loadCalls();
            List<Call> measured = load.stream().filter(c -> c.measured).toList();
            List<String> answered = new ArrayList<>();
            List<String> abandoned = new ArrayList<>();
            List<String> unchecked = new ArrayList<>();
            for (Call call : load) {
                (call.outcome == Outcome.COMPLETED ? answered : unchecked).add(call.id);
            }
            for (Call call : generator.waitingCalls()) {
                (call.outcome == Outcome.CANCELLED ? abandoned : unchecked).add(call.id);
            }
            return new Report(
                    plan.agentUsers().size(),
                    registered,
                    plan.waitingCalls(),
                    queued,
                    heldBefore,
                    heldAfter,
                    remindersDuring,
                    measured.size(),
                    seconds,
                    measured.stream()
                            .filter(c -> c.outcome == Outcome.COMPLETED)
                            .count(),
                    measured.stream().filter(c -> c.outcome == Outcome.FAILED).count(),
                    generator.failures(),
                    generator.inviteTo182,
                    generator.answerRelay,
                    generator.inviteTo200,
                    measured.stream().filter(c -> c.provisionalBefore182).count(),
                    generator.retransmittedByKind(),
                    cancelled,
                    answered,
                    abandoned,
                    unchecked);
        }
    }

    /** Agent SIP users {@code prefix0001} … for a run. */
    public static List<String> agentUsers(String prefix, int count) {
        List<String> users = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            users.add(String.format("%s%04d", prefix, i));
        }
        return users;
    }

    /** The JSON bodies that set a server up for a run, sent by REST (benchmark) or MockMvc (test). */
    public static final class LoadFixture {

        private LoadFixture() {}

        /** A municipality in Lower Saxony whose line is open around the clock (00:00–24:00 every day). */
        public static String tenant(String slug, String name, String ags, String number) {
            StringJoiner days = new StringJoiner(", ");
            for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                days.add("\"" + day + "\": [{\"opens\": \"00:00\", \"closes\": \"24:00\"}]");
            }
            return """
                    {"slug": "%s", "name": "%s", "type": "MUNICIPALITY", "ags": "%s", "federalState": "NI",
                     "phoneNumbers": ["%s"], "greeting": "%s, guten Tag",
                     "openingHours": {"weekly": {%s}, "exceptions": []}}
                    """.formatted(slug, name, ags, number, name, days);
        }

        /** The municipality's line: 15 s ring timeout, no wrap-up, so an agent takes the next call at once. */
        public static String line(String name) {
            return """
                    {"name": "%s", "ringTimeoutSeconds": 15, "wrapUpSeconds": 0, "closedAction": "REJECT"}
                    """.formatted(name);
        }

        /** Agents with SIP credentials and the skill for {@code tenantSlug}, for the bulk endpoint. */
        public static String agents(List<String> users, String password, String tenantSlug) {
            StringJoiner agents = new StringJoiner(",\n", "{\"agents\": [\n", "\n]}");
            for (String user : users) {
                agents.add("{\"sipUser\": \"%s\", \"password\": \"%s\", \"displayName\": \"Lastagent %s\", "
                                .formatted(user, password, user)
                        + "\"skills\": [{\"tenant\": \"" + tenantSlug + "\"}]}");
            }
            return agents.toString();
        }
    }
}
