package de.buergerservice.planning.internal;

import java.util.Arrays;

/**
 * Erlang A (M/M/N+M, Palm): as Erlang C, but each waiting caller hangs up after an exponential patience with the
 * given mean. The queue is then stable for any number of agents. The stationary distribution is a birth–death
 * chain: up to N calls as in Erlang B, above it each further caller waits with departure rate {@code Nμ + kθ}. The
 * tail is summed in logarithms (with few agents and much load its terms would overflow a double), the service
 * level — the share of all callers answered within the threshold, abandoned callers counted as not in time — by
 * uniformization of the pure-death chain a waiting caller walks down (served ahead, abandoned ahead, or gone
 * themselves).
 */
public final class ErlangA {

    private static final double NEGLIGIBLE = 1e-16;
    private static final int MAX_QUEUE = 2_000_000;

    private ErlangA() {}

    public static Staffing evaluate(Workload workload, int agents, double patienceSeconds, double shrinkage) {
        double lambda = workload.arrivalRate();
        double mu = 1 / workload.ahtSeconds();
        double theta = 1 / patienceSeconds;
        double load = workload.load();
        double b = ErlangC.erlangB(agents, load);
        double[] waiting = waitingDistribution(agents, lambda, mu, theta, b);

        double probabilityOfWait = 0;
        double abandonRate = 0;
        double waitOfServed = 0;
        double served = 0; // P(served | k ahead), walked up from k = 0
        double servedWait = 0; // E[wait · 1{served} | k ahead]
        for (int k = 0; k < waiting.length; k++) {
            double p = waiting[k];
            double r = agents * mu + k * theta;
            served = r / (r + theta) * (k == 0 ? 1 : served);
            servedWait = served / (r + theta) + r / (r + theta) * (k == 0 ? 0 : servedWait);
            probabilityOfWait += p;
            abandonRate += k * p;
            waitOfServed += p * servedWait;
        }
        double probabilityOfAbandon = theta * abandonRate / lambda;
        double answered = 1 - probabilityOfAbandon;
        double serviceLevel =
                1 - probabilityOfWait + servedWithin(waiting, agents * mu, theta, workload.thresholdSeconds());
        return new Staffing(
                agents,
                ErlangC.positions(agents, shrinkage),
                probabilityOfWait,
                serviceLevel,
                Math.min(1.0, lambda * answered * workload.ahtSeconds() / agents),
                answered <= 0 ? Double.POSITIVE_INFINITY : waitOfServed / answered,
                probabilityOfAbandon);
    }

    /** The fewest agents whose Erlang A service level reaches the target (service level rises with agents). */
    public static Staffing agentsNeeded(Workload workload, double patienceSeconds, StaffingTarget target) {
        int low = 1;
        int high = ErlangC.agentsNeeded(workload, target).agents(); // without abandonment it is never fewer
        while (low < high) {
            int middle = (low + high) >>> 1;
            Staffing staffing = evaluate(workload, middle, patienceSeconds, target.shrinkage());
            if (target.metBy(staffing.serviceLevel(), staffing.averageSpeedOfAnswerSeconds(), staffing.occupancy())) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return evaluate(workload, low, patienceSeconds, target.shrinkage());
    }

    /**
     * The stationary probabilities of "all agents busy and k callers ahead of a newcomer" (k = 0, 1, …) up to where
     * the rest is negligible.
     */
    static double[] waitingDistribution(int agents, double lambda, double mu, double theta, double erlangB) {
        if (erlangB == 0) {
            return new double[0];
        }
        double[] log = new double[64];
        int size = 0;
        double term = 0; // log of Π λ/(Nμ + jθ)
        double max = 0;
        double logLambda = Math.log(lambda);
        for (int k = 0; k < MAX_QUEUE; k++) {
            if (k > 0) {
                term += logLambda - Math.log(agents * mu + k * theta);
            }
            if (size == log.length) {
                log = Arrays.copyOf(log, size * 2);
            }
            log[size++] = term;
            max = Math.max(max, term);
            boolean falling = lambda < agents * mu + (k + 1) * theta;
            if (falling && term - max < Math.log(NEGLIGIBLE) - 10) {
                break;
            }
        }
        double sum = 0;
        double[] weights = new double[size];
        for (int k = 0; k < size; k++) {
            weights[k] = Math.exp(log[k] - max);
            sum += weights[k];
        }
        // unnormalized with π_N = 1: the states 0..N−1 weigh (1 − B) / B
        double below = (1 - erlangB) / erlangB * Math.exp(-max);
        double total = below + sum;
        for (int k = 0; k < size; k++) {
            weights[k] /= total;
        }
        return weights;
    }

    /**
     * The probability that an arriving caller waits and is answered within {@code threshold}: a caller with k
     * ahead moves forward at rate {@code Nμ + kθ} and leaves at their own rate θ. Uniformized at rate Λ, the
     * chance of having been served after a Poisson(ΛT) number of steps.
     */
    static double servedWithin(double[] waiting, double serviceRate, double theta, double threshold) {
        int size = waiting.length;
        if (size == 0 || threshold <= 0) {
            return 0;
        }
        double uniform = serviceRate + size * theta;
        double x = uniform * threshold;
        int steps = (int) Math.ceil(x + 12 * Math.sqrt(x) + 30);
        double[] reached = new double[size]; // P(served within m uniformized steps | k ahead)
        double[] byThreshold = new double[size];
        double logX = Math.log(x);
        double logPoisson = -x; // log Poisson(m; x); at m = 0 nobody is served yet
        double cumulative = Math.exp(logPoisson);
        for (int m = 1; m <= steps; m++) {
            for (int k = size - 1; k >= 0; k--) {
                double forward = serviceRate + k * theta;
                double stay = 1 - (forward + theta) / uniform;
                reached[k] = forward / uniform * (k == 0 ? 1 : reached[k - 1]) + stay * reached[k];
            }
            logPoisson += logX - Math.log(m);
            double weight = Math.exp(logPoisson);
            cumulative += weight;
            if (weight > 0) {
                for (int k = 0; k < size; k++) {
                    byThreshold[k] += weight * reached[k];
                }
            }
        }
        // the Poisson mass beyond `steps` (below 1e-12) is counted at the last step's value
        double tail = Math.max(0, 1 - cumulative);
        double result = 0;
        for (int k = 0; k < size; k++) {
            result += waiting[k] * (byThreshold[k] + tail * reached[k]);
        }
        return result;
    }
}
