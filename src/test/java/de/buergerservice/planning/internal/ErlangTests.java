package de.buergerservice.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The staffing maths against the literature's worked example (100 calls per 30 minutes, AHT 180 s, 80 % in 20 s)
 * and the Erlang A figures for the same load with a mean patience of 5 minutes, to the digits given there.
 */
class ErlangTests {

    static final Workload EXAMPLE = new Workload(100, 1800, 180, 20);

    @Nested
    class ErlangCFigures {

        @Test
        void fourteenAgentsReachEightyPercentInTwentySeconds() {
            Staffing staffing = ErlangC.agentsNeeded(EXAMPLE, StaffingTarget.serviceLevel(0.8, 0.3));

            assertThat(EXAMPLE.load()).isEqualTo(10.0, within(1e-12));
            assertThat(staffing.agents()).isEqualTo(14);
            assertThat(staffing.probabilityOfWait()).isEqualTo(0.1741, within(0.00005));
            assertThat(staffing.serviceLevel()).isEqualTo(0.8884, within(0.00005));
            assertThat(staffing.occupancy()).isEqualTo(0.714, within(0.0005));
            assertThat(staffing.averageSpeedOfAnswerSeconds()).isEqualTo(7.8, within(0.05));
        }

        @Test
        void thirteenAgentsMissTheTarget() {
            Staffing staffing = ErlangC.evaluate(EXAMPLE, 13, 0);

            assertThat(staffing.serviceLevel()).isEqualTo(0.7956, within(0.00005));
        }

        @Test
        void thirtyPercentShrinkageMeansTwentyPositions() {
            Staffing staffing = ErlangC.agentsNeeded(EXAMPLE, StaffingTarget.serviceLevel(0.8, 0.3));

            assertThat(staffing.positions()).isEqualTo(20);
        }

        @Test
        void staysExactForTwoThousandAgents() {
            // 1,900 Erlang: A^N / N! overflows a double long before this; the recursion does not
            Workload large = new Workload(19_000, 1800, 180, 20);
            Staffing staffing = ErlangC.agentsNeeded(large, StaffingTarget.serviceLevel(0.8, 0));

            assertThat(staffing.agents()).isBetween(1900, 2000);
            assertThat(staffing.serviceLevel()).isBetween(0.8, 1.0);
            assertThat(staffing.probabilityOfWait()).isBetween(0.0, 1.0);
            assertThat(ErlangC.evaluate(large, staffing.agents() - 1, 0).serviceLevel())
                    .isLessThan(0.8);
            assertThat(ErlangC.erlangB(2000, 1900)).isBetween(0.0, 1.0);
        }

        @Test
        void optionalTargetsAddAgents() {
            Staffing asa = ErlangC.agentsNeeded(EXAMPLE, new StaffingTarget(0.8, 5.0, null, 0));
            Staffing occupancy = ErlangC.agentsNeeded(EXAMPLE, new StaffingTarget(0.8, null, 0.65, 0));

            assertThat(asa.agents()).isEqualTo(15);
            assertThat(asa.averageSpeedOfAnswerSeconds()).isLessThanOrEqualTo(5.0);
            assertThat(occupancy.agents()).isEqualTo(16);
        }

        @Test
        void tooFewAgentsNeverCatchUp() {
            Staffing staffing = ErlangC.evaluate(EXAMPLE, 10, 0);

            assertThat(staffing.probabilityOfWait()).isEqualTo(1.0);
            assertThat(staffing.serviceLevel()).isZero();
            assertThat(staffing.averageSpeedOfAnswerSeconds()).isInfinite();
        }
    }

    @Nested
    class ErlangAFigures {

        @Test
        void fourteenAgentsWithFiveMinutesPatience() {
            Staffing staffing = ErlangA.evaluate(EXAMPLE, 14, 300, 0);

            assertThat(staffing.probabilityOfWait()).isEqualTo(0.1453, within(0.00005));
            assertThat(staffing.probabilityOfAbandon()).isEqualTo(0.0140, within(0.00005));
            assertThat(staffing.serviceLevel()).isEqualTo(0.9168, within(0.00005));
        }

        @Test
        void everyCallerIsAnsweredOrAbandons() {
            Staffing staffing = ErlangA.evaluate(EXAMPLE, 12, 120, 0);
            double mu = 1 / 180.0;
            double[] waiting = ErlangA.waitingDistribution(12, 100 / 1800.0, mu, 1 / 120.0, ErlangC.erlangB(12, 10));
            double served = 1 - staffing.probabilityOfWait();
            double ahead = 1;
            for (int k = 0; k < waiting.length; k++) {
                double r = 12 * mu + k / 120.0;
                ahead = r / (r + 1 / 120.0) * ahead;
                served += waiting[k] * ahead;
            }

            assertThat(served + staffing.probabilityOfAbandon()).isEqualTo(1.0, within(1e-9));
        }

        @Test
        void longPatienceApproachesErlangC() {
            Staffing a = ErlangA.evaluate(EXAMPLE, 14, 1e9, 0);
            Staffing c = ErlangC.evaluate(EXAMPLE, 14, 0);

            assertThat(a.probabilityOfWait()).isEqualTo(c.probabilityOfWait(), within(1e-4));
            assertThat(a.serviceLevel()).isEqualTo(c.serviceLevel(), within(1e-4));
            assertThat(a.averageSpeedOfAnswerSeconds()).isEqualTo(c.averageSpeedOfAnswerSeconds(), within(0.01));
        }

        @Test
        void stableEvenWhenTheAgentsCannotCarryTheLoad() {
            Staffing staffing = ErlangA.evaluate(new Workload(400, 1800, 180, 20), 10, 300, 0);

            assertThat(staffing.probabilityOfWait()).isBetween(0.99, 1.0);
            assertThat(staffing.probabilityOfAbandon()).isBetween(0.5, 0.9);
            assertThat(staffing.serviceLevel()).isBetween(0.0, 0.2);
        }

        @Test
        void needsNoMoreAgentsThanErlangC() {
            Staffing a = ErlangA.agentsNeeded(EXAMPLE, 300, StaffingTarget.serviceLevel(0.8, 0));

            assertThat(a.agents()).isEqualTo(13);
            assertThat(a.serviceLevel()).isGreaterThanOrEqualTo(0.8);
            assertThat(ErlangA.evaluate(EXAMPLE, 12, 300, 0).serviceLevel()).isLessThan(0.8);
        }
    }
}
