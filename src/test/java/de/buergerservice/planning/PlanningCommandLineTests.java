package de.buergerservice.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The command-line mode prints the staffing table for the example and refuses bad arguments. */
class PlanningCommandLineTests {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return PlanningCommandLine.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void givenCallsAhtAndTarget_thenTheTablePerHalfHour() {
        int exit = run(
                "--buergerservice.plan.calls-per-day=1200",
                "--buergerservice.plan.aht=180",
                "--buergerservice.plan.target=90/20");

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(PlanningCommandLine.requested(new String[] {"--buergerservice.plan.aht=180"}))
                .isTrue();
        assertThat(table)
                .contains("Ziel 90 % in 20 s")
                .contains("08:00")
                .contains("17:30")
                .doesNotContain("18:00");
        assertThat(table.lines().filter(line -> line.matches("\\d\\d:\\d\\d .*")))
                .hasSize(20);
        // the peak half hour (09:30: 12/149 of 1,200 calls = 96.6 calls, 9.66 Erlang) needs 14 agents for 90 % in 20 s
        assertThat(table).containsPattern("09:30 +96,6 +14 ");
    }

    @Test
    void givenNoTarget_thenExitCodeTwoAndWhy() {
        int exit = run("--buergerservice.plan.calls-per-day=1200", "--buergerservice.plan.aht=180");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Servicelevel/Sekunden");
    }

    @Test
    void givenANegativeHandleTime_thenExitCodeTwo() {
        assertThat(run(
                        "--buergerservice.plan.calls-per-day=1200",
                        "--buergerservice.plan.aht=-1",
                        "--buergerservice.plan.target=90/20"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("aht");
    }
}
