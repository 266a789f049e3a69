package de.buergerservice.planning;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import de.buergerservice.planning.internal.DayProfiles;
import de.buergerservice.planning.internal.Staffing;
import de.buergerservice.planning.internal.StaffingPlan;
import de.buergerservice.planning.internal.StaffingTarget;
import de.buergerservice.planning.internal.simulation.SimulationModel;

/**
 * The command-line mode: {@code java -jar buergerservice.jar --buergerservice.plan.calls-per-day=1200
 * --buergerservice.plan.aht=180 --buergerservice.plan.target=90/20} prints the Erlang C staffing per half hour and
 * exits, without starting the server. Optional: {@code --buergerservice.plan.shrinkage=0.3} and
 * {@code --buergerservice.plan.profile=} 48 comma-separated weights (default: a citizens' office day, 08:00–18:00).
 * The handle time is the whole time a call keeps an agent (talk and wrap-up).
 */
public final class PlanningCommandLine {

    static final String PREFIX = "--buergerservice.plan.";

    private PlanningCommandLine() {}

    /** Whether the arguments ask for the planning table instead of the server. */
    public static boolean requested(String[] args) {
        for (String arg : args) {
            if (arg.startsWith(PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** Prints the table to {@code out} (problems to {@code err}); the exit code: 0, or 2 for bad arguments. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith(PREFIX) && arg.contains("=")) {
                options.put(arg.substring(PREFIX.length(), arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        try {
            double calls = number(options, "calls-per-day", 0, 1_000_000);
            double aht = number(options, "aht", 0, 7200);
            double shrinkage = options.containsKey("shrinkage") ? number(options, "shrinkage", -1e-9, 0.9) : 0;
            double[] target = target(options.get("target"));
            double[] profile = options.containsKey("profile") ? profile(options.get("profile")) : DayProfiles.office();
            print(out, calls, aht, target, shrinkage, profile);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Aufruf: --buergerservice.plan.calls-per-day=1200 --buergerservice.plan.aht=180"
                    + " --buergerservice.plan.target=90/20 [--buergerservice.plan.shrinkage=0.3]"
                    + " [--buergerservice.plan.profile=<48 Gewichte>]");
            return 2;
        }
    }

    private static void print(
            PrintStream out, double calls, double aht, double[] target, double shrinkage, double[] profile) {
        var plan = StaffingPlan.of(calls, profile, aht, target[1], StaffingTarget.serviceLevel(target[0], shrinkage));
        out.printf(
                Locale.GERMANY,
                "Personalbedarf nach Erlang C: %,.0f Anrufe am Tag, AHT %.0f s, Ziel %.0f %% in %.0f s, Ausfallquote %.0f %%%n",
                calls,
                aht,
                target[0] * 100,
                target[1],
                shrinkage * 100);
        out.println("Zeit   Anrufe  Agenten  Plätze  P(Warten)  Servicelevel  ASA (s)  Auslastung");
        double agentHours = 0;
        double positionHours = 0;
        for (StaffingPlan.HalfHour half : plan) {
            Staffing s = half.staffing();
            if (s == null) {
                continue;
            }
            agentHours += s.agents() / 2.0;
            positionHours += s.positions() / 2.0;
            out.printf(
                    Locale.GERMANY,
                    "%s  %6.1f  %7d  %6d  %9.3f  %11.1f %%  %7.1f  %9.1f %%%n",
                    half.start(),
                    half.calls(),
                    s.agents(),
                    s.positions(),
                    s.probabilityOfWait(),
                    s.serviceLevel() * 100,
                    s.averageSpeedOfAnswerSeconds(),
                    s.occupancy() * 100);
        }
        out.printf(Locale.GERMANY, "Summe: %.1f Agentenstunden, %.1f Platzstunden am Tag%n", agentHours, positionHours);
    }

    private static double number(Map<String, String> options, String name, double above, double max) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Bitte --buergerservice.plan." + name + "= angeben.");
        }
        try {
            double number = Double.parseDouble(value.replace(',', '.'));
            if (!(number > above && number <= max)) {
                throw new IllegalArgumentException("--buergerservice.plan." + name + ": erlaubt sind Werte über "
                        + Math.max(0, above) + " bis " + max + ".");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--buergerservice.plan." + name + ": keine Zahl: " + value);
        }
    }

    private static double[] target(String value) {
        String[] parts = value == null ? new String[0] : value.split("/");
        try {
            if (parts.length == 2) {
                double percent = Double.parseDouble(parts[0].replace(',', '.'));
                double seconds = Double.parseDouble(parts[1].replace(',', '.'));
                if (percent > 0 && percent < 100 && seconds >= 0 && seconds <= 3600) {
                    return new double[] {percent / 100, seconds};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--buergerservice.plan.target: bitte als Servicelevel/Sekunden angeben, z. B. 80/20.");
    }

    private static double[] profile(String value) {
        String[] parts = value.split(",");
        if (parts.length != SimulationModel.INTERVALS) {
            throw new IllegalArgumentException("--buergerservice.plan.profile: bitte 48 Gewichte (je halbe Stunde).");
        }
        double[] profile = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            profile[i] = Double.parseDouble(parts[i].trim());
            if (profile[i] < 0) {
                throw new IllegalArgumentException(
                        "--buergerservice.plan.profile: Gewichte dürfen nicht negativ sein.");
            }
        }
        return profile;
    }
}
