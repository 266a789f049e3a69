package de.buergerservice.telephony.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import de.buergerservice.telephony.TestPorts;

/**
 * The product beside Kamailio (Debian's package, {@code src/test/resources/bench/kamailio.cfg}) in one run, same
 * generator, same call flow: agent phones register with digest authentication and answer at once; callers dial the
 * line at a fixed rate (open loop), INVITE → 200 → ACK → talk → BYE. Measured per server: p50/p99 INVITE→200 at the
 * caller, and CPU per call (utime + stime of the server's processes from {@code /proc} over the measured time,
 * divided by the calls placed in it). Not a test; see docs/benchmarks.md for the command.
 *
 * <p>Arguments: agents (1000), measured seconds (20), warm-up seconds (8, rising in four steps), then one or more
 * rates (300 1000). For each rate the product runs first, then Kamailio. System properties as
 * {@link SipLoadBenchmark} ({@code bench.jar}, {@code bench.serverJvm}, {@code bench.talkMs}), plus
 * {@code bench.kamailio} (the binary, {@code /usr/sbin/kamailio}), {@code bench.kamailioShm} (its shared memory in MB,
 * 256) and {@code bench.only} ({@code product} or
 * {@code kamailio}).
 */
public final class SipReferenceBenchmark {

    private static final PrintStream OUT = System.out;

    record Result(String server, double rate, SipLoadRun.Report report, double cpuSeconds, double generatorCpu) {

        /** Per completed call: a call refused with 503 costs far less than one carried, so it does not count. */
        double cpuPerCallMillis() {
            return report.completed() == 0 ? 0 : 1000 * cpuSeconds / report.completed();
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "RESULT %-8s %5.0f/s: %d calls, completed %d, failed %d, INVITE->200 p50 %.2f / p99 %.2f / max %.1f"
                            + " ms, server CPU %.2f s = %.3f ms per completed call (generator %.3f ms per call), failures %s,"
                            + " retransmissions %s",
                    server,
                    rate,
                    report.attempts(),
                    report.completed(),
                    report.failed(),
                    report.inviteTo200().percentileMillis(50),
                    report.inviteTo200().percentileMillis(99),
                    report.inviteTo200().percentileMillis(100),
                    cpuSeconds,
                    cpuPerCallMillis(),
                    report.attempts() == 0 ? 0 : 1000 * generatorCpu / report.attempts(),
                    report.failures(),
                    report.retransmissions());
        }
    }

    private SipReferenceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<Double> rates = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            rates.add(Double.parseDouble(args[i]));
        }
        if (rates.isEmpty()) {
            rates = List.of(300.0, 1000.0);
        }
        if (measured + warmUp > 30) {
            OUT.println("note: more than 30 s of calls per server and rate");
        }
        String only = System.getProperty("bench.only", "");
        OUT.printf(
                "cores=%d, java=%s, agents=%d, warm-up %d s, measured %d s, rates %s, loadavg %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                agents,
                warmUp,
                measured,
                rates,
                loadavg());
        List<Result> results = new ArrayList<>();
        for (double rate : rates) {
            if (!"kamailio".equals(only)) {
                results.add(product(agents, rate, measured, warmUp));
            }
            if (!"product".equals(only)) {
                results.add(kamailio(agents, rate, measured, warmUp));
            }
        }
        OUT.println();
        results.forEach(r -> OUT.println(r.line()));
        for (double rate : rates) {
            Result product = find(results, "product", rate);
            Result kamailio = find(results, "kamailio", rate);
            if (product == null || kamailio == null) {
                continue;
            }
            double p99 = product.report().inviteTo200().percentileMillis(99);
            double ratio = product.cpuPerCallMillis() / kamailio.cpuPerCallMillis();
            boolean all = product.report().failed() == 0
                    && product.report().completed() == product.report().attempts();
            OUT.printf(
                    Locale.ROOT,
                    "TARGET %.0f/s: product p99 INVITE->200 %.2f ms (<= 20; Kamailio %.2f ms), CPU per call %.3f ms ="
                            + " %.2f x Kamailio's %.3f ms (<= 2), all calls completed %s: %s%n",
                    rate,
                    p99,
                    kamailio.report().inviteTo200().percentileMillis(99),
                    product.cpuPerCallMillis(),
                    ratio,
                    kamailio.cpuPerCallMillis(),
                    all,
                    p99 <= 20 && ratio <= 2 && all ? "MET" : "MISSED");
        }
        OUT.println("loadavg at the end " + loadavg());
    }

    private static Result find(List<Result> results, String server, double rate) {
        return results.stream()
                .filter(r -> r.server().equals(server) && r.rate() == rate)
                .findFirst()
                .orElse(null);
    }

    private static LoadPlan plan(int port, List<String> users, double rate, int measured, int warmUp, String prefix) {
        return new LoadPlan(
                "127.0.0.1",
                port,
                users,
                "bench-pw",
                "+4954190010",
                "+4954190020",
                0,
                rate,
                Duration.ofSeconds(warmUp),
                Duration.ofSeconds(measured),
                answerDelay(), // 0: the phone answers at once, INVITE->200 is the servers' time, not a ring delay
                Duration.ofMillis(Long.getLong("bench.talkMs", 1000)),
                prefix,
                () -> 0);
    }

    /**
     * Issue 19, announcements on ({@code -Dbench.announcements=true}): the agents' phones answer after
     * {@code bench.answerDelayMs} (3,000), so every call hears that long of early media (greeting, hold tones) from the
     * switchboard's RTP engine; INVITE->200 then includes the delay (setup time = INVITE->200 minus the delay).
     */
    static Duration answerDelay() {
        return Boolean.getBoolean("bench.announcements")
                ? Duration.ofMillis(Long.getLong("bench.answerDelayMs", 3000))
                : Duration.ZERO;
    }

    /**
     * Counts the RTP the product sends to the callers: every generated INVITE offers 127.0.0.1:40000
     * ({@link SipText#SDP}), so one socket there sees all streams' packets.
     */
    static final class RtpCounter implements AutoCloseable {
        private final java.nio.channels.DatagramChannel channel;
        private final java.util.concurrent.atomic.LongAdder packets = new java.util.concurrent.atomic.LongAdder();
        private final Thread reader;

        RtpCounter() throws IOException {
            channel = java.nio.channels.DatagramChannel.open().bind(new java.net.InetSocketAddress("127.0.0.1", 40000));
            channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
            reader = new Thread(
                    () -> {
                        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(2048);
                        try {
                            while (true) {
                                buffer.clear();
                                channel.receive(buffer);
                                packets.increment();
                            }
                        } catch (IOException closed) {
                            // done
                        }
                    },
                    "rtp-counter");
            reader.setDaemon(true);
            reader.start();
        }

        long packets() {
            return packets.sum();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static Result product(int agents, double rate, int measured, int warmUp) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/buergerservice-0.1.0-SNAPSHOT.jar"));
        Path dir = Files.createTempDirectory("sipref");
        int httpPort = TestPorts.freeUdpAndTcpPort();
        int sipPort = TestPorts.freeUdpAndTcpPort();
        OUT.printf("%n=== product at %.0f/s (data %s)%n", rate, dir);
        Process server = SipLoadBenchmark.startServer(jar, dir, httpPort, sipPort);
        try {
            SipLoadBenchmark bench = new SipLoadBenchmark(httpPort);
            bench.awaitHealthy(server, Duration.ofMinutes(Long.getLong("bench.startMinutes", 3)));
            List<String> users = SipLoadRun.agentUsers("last", agents);
            bench.setUp(users);
            if (!Boolean.getBoolean("bench.announcements")) {
                return measure("product", server.pid(), plan(sipPort, users, rate, measured, warmUp, prefix()), rate);
            }
            try (RtpCounter rtp = new RtpCounter()) {
                long before = rtp.packets();
                long started = System.nanoTime();
                Result result =
                        measure("product", server.pid(), plan(sipPort, users, rate, measured, warmUp, prefix()), rate);
                double seconds = (System.nanoTime() - started) / 1e9;
                double packetsPerSecond = (rtp.packets() - before) / seconds;
                double concurrent = packetsPerSecond / 50; // 20 ms packets: 50 per second and announcing call
                double delay = answerDelay().toMillis();
                OUT.printf(
                        Locale.ROOT,
                        "ANNOUNCEMENTS %.0f/s: answer delay %.0f ms, setup p99 (INVITE->200 minus delay) %.2f ms, RTP"
                                + " packets %.0f/s = %.0f concurrent announcing calls, server CPU %.3f ms per completed"
                                + " call = %.3f ms CPU per second per announcing call%n",
                        rate,
                        delay,
                        result.report().inviteTo200().percentileMillis(99) - delay,
                        packetsPerSecond,
                        concurrent,
                        result.cpuPerCallMillis(),
                        concurrent == 0 ? 0 : 1000 * result.cpuSeconds() / seconds / concurrent);
                return result;
            }
        } finally {
            SipLoadBenchmark.stop(server);
            OUT.println("server log: " + dir.resolve("server.log"));
        }
    }

    private static Result kamailio(int agents, double rate, int measured, int warmUp) throws Exception {
        int sipPort = TestPorts.freeUdpAndTcpPort();
        Path run = Files.createTempDirectory("kamailio-run");
        Path config = Path.of("src/test/resources/bench/kamailio.cfg").toAbsolutePath();
        List<String> command = List.of(
                System.getProperty("bench.kamailio", "/usr/sbin/kamailio"),
                "-f",
                config.toString(),
                "-DD",
                "-E",
                "-l",
                "udp:127.0.0.1:" + sipPort,
                "-A",
                "AGENTS=" + agents,
                // shared memory for transactions; the default 64 MB ran out at 1,000 calls/s when it fell behind
                "-m",
                System.getProperty("bench.kamailioShm", "256"),
                "-Y",
                run.toString());
        OUT.printf("%n=== kamailio at %.0f/s: %s%n", rate, String.join(" ", command));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(run.resolve("kamailio.log").toFile())
                .start();
        try {
            Thread.sleep(1500);
            if (!server.isAlive()) {
                throw new IllegalStateException("kamailio exited: " + Files.readString(run.resolve("kamailio.log")));
            }
            List<String> users = SipLoadRun.agentUsers("last", agents);
            return measure("kamailio", server.pid(), plan(sipPort, users, rate, measured, warmUp, prefix()), rate);
        } finally {
            server.destroy(); // SIGTERM: kamailio stops its children
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String prefix() {
        return "ref-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    private static Result measure(String name, long pid, LoadPlan plan, double rate) throws Exception {
        var self = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] cpu = new double[4];
        Map<String, Double> threadsBefore = new HashMap<>();
        Map<String, Double> threadsAfter = new HashMap<>();
        SipLoadRun.Report report = SipLoadRun.execute(
                plan,
                OUT,
                () -> {
                    cpu[0] = cpuOf(pid);
                    threadsBefore.putAll(threadsOf(name, pid));
                    cpu[2] = self.getProcessCpuTime() / 1e9;
                    OUT.println("  measured calls start, loadavg " + loadavg());
                },
                () -> {
                    cpu[1] = cpuOf(pid);
                    threadsAfter.putAll(threadsOf(name, pid));
                    cpu[3] = self.getProcessCpuTime() / 1e9;
                    OUT.println("  measured calls placed, loadavg " + loadavg());
                });
        report.print(OUT);
        Result result = new Result(name, rate, report, cpu[1] - cpu[0], cpu[3] - cpu[2]);
        OUT.println(result.line());
        if (!threadsAfter.isEmpty() && report.completed() > 0) {
            StringBuilder line = new StringBuilder("THREADS " + name + " CPU ms per completed call:");
            threadsAfter.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> line.append(String.format(
                            Locale.ROOT, " [%s] %.3f", e.getKey(), 1000 * e.getValue() / report.completed())));
            OUT.println(line);
        }
        return result;
    }

    private static double cpuOf(long pid) {
        try {
            return ProcessCpu.seconds(pid);
        } catch (IOException e) {
            throw new IllegalStateException("no /proc", e);
        }
    }

    /** Per thread group of the product's JVM (Kamailio's processes are measured as a whole). */
    private static Map<String, Double> threadsOf(String name, long pid) {
        try {
            return "product".equals(name) ? ProcessCpu.byThread(pid) : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
