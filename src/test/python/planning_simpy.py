#!/usr/bin/python3
"""The planning benchmark's model in SimPy (Debian bookworm's python3-simpy: SimPy 2.3, run with /usr/bin/python3), the reference for PlanningYearBenchmark.

Same model as de.buergerservice.planning.bench.PlanningYearBenchmark: calls Poisson at 27,400 a day between 08:00
and 18:00, exponential handle time (mean 300 s) plus 10 s wrap-up, exponential patience (mean 300 s), 300 agents,
answered in order of arrival, service level = answered within 20 s / offered. Differences: the agents are a
SimPy Resource that stays staffed after 18:00 (the Java roster sends them home when their call is over), and there
is no routing core — SimPy only queues. Prints simulated calls per second of wall and of CPU time.

Usage: planning_simpy.py [days=30] [calls_per_day=27400] [agents=300] [seed=1]
"""
import random
import sys
import time

from SimPy.Simulation import Process, Resource, Simulation, hold, release, request

DAY = 86_400.0


class Caller(Process):
    """One call: waits for an agent or its patience, whichever comes first; talks, wraps up, frees the agent."""

    def run(self, model):
        arrived = self.sim.now()
        model.offered += 1
        yield (request, self, model.agents), (hold, self, model.rng.expovariate(1 / 300.0))
        if not self.acquired(model.agents):
            model.abandoned += 1
            return
        wait = self.sim.now() - arrived
        model.answered += 1
        model.wait += wait
        if wait <= 20:
            model.in_time += 1
        yield hold, self, model.rng.expovariate(1 / 300.0) + 10.0
        yield release, self, model.agents


class Arrivals(Process):
    """Poisson arrivals between 08:00 and 18:00 of each day."""

    def run(self, model, days, rate):
        for day in range(days):
            opens, closes = day * DAY + 8 * 3600, day * DAY + 18 * 3600
            if self.sim.now() < opens:
                yield hold, self, opens - self.sim.now()
            while True:
                gap = model.rng.expovariate(rate)
                if self.sim.now() + gap >= closes:
                    break
                yield hold, self, gap
                caller = Caller(sim=self.sim)
                self.sim.activate(caller, caller.run(model))


class Model:
    def __init__(self, sim, agents, seed):
        self.rng = random.Random(seed)
        self.agents = Resource(capacity=agents, sim=sim, monitored=False)
        self.offered = self.answered = self.in_time = self.abandoned = 0
        self.wait = 0.0


def main():
    days = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    calls_per_day = float(sys.argv[2]) if len(sys.argv) > 2 else 27_400
    agents = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    sim = Simulation()
    sim.initialize()
    model = Model(sim, agents, seed)
    arrivals = Arrivals(sim=sim)
    sim.activate(arrivals, arrivals.run(model, days, calls_per_day / (10 * 3600.0)))
    wall, cpu = time.perf_counter(), time.process_time()
    sim.simulate(until=days * DAY + DAY)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    offered = model.offered
    print(
        f"simpy {sys.modules['SimPy'].__version__}: {offered:,} calls in {wall:.2f} s = {offered / wall:,.0f} "
        f"simulated calls/s; {cpu:.2f} s CPU = {offered / cpu:,.0f} calls/CPU-s "
        f"(SL {model.in_time / offered:.4f}, ASA {model.wait / max(1, model.answered):.2f} s, "
        f"abandoned {model.abandoned / offered:.4f})"
    )


if __name__ == "__main__":
    main()
