package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import de.buergerservice.telephony.bench.SipLoadRun.LoadFixture;

/**
 * Issue 11, "Crash and restart": the product as a separate process on a temporary data directory, agents' phones
 * registered and answering, callers calling — then {@code kill -9} (Process.destroyForcibly is SIGKILL on Linux)
 * in the middle of the traffic, and a restart on the same data directory. Afterwards every call whose 200 a caller
 * received has its ANSWERED event, no call is left without an end, and the agents' phones ring again without having
 * registered anew.
 *
 * <p>Runs in the failsafe phase of {@code ./mvnw verify}, on the packaged jar when it exists (else the test JVM's
 * class path): {@code ./mvnw verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashRestartIT}.
 */
class CrashRestartIT {

    static final String NUMBER = "+4954190030";
    static final String PASSWORD = "crash-pw";
    static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

    final HttpClient http = HttpClient.newHttpClient();
    int httpPort;

    @Test
    void givenKillDuringCalls_whenRestarted_thenNoAnsweredCallMissingNoCallOpenAndAgentsReachable() throws Exception {
        Path dir = Files.createTempDirectory("crash-restart");
        httpPort = TestPorts.freeUdpAndTcpPort();
        int sipPort = TestPorts.freeUdpAndTcpPort();
        while (sipPort == httpPort) {
            sipPort = TestPorts.freeUdpAndTcpPort();
        }
        List<TestPhone> agents = new ArrayList<>();
        List<TestPhone> callers = new ArrayList<>();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Process first = start(dir, sipPort, "first.log");
        try {
            awaitHealthy(first, dir.resolve("first.log"));
            send("POST", "/api/v1/tenants", LoadFixture.tenant("absturz", "Gemeinde Absturz", "03459962", NUMBER), 201);
            send("PUT", "/api/v1/tenants/absturz/telephony", LoadFixture.line("Absturz"), 200);
            List<String> users = List.of("crash-a1", "crash-a2", "crash-a3", "crash-a4");
            send("POST", "/api/v1/telephony/agents/bulk", LoadFixture.agents(users, PASSWORD, "absturz"), 201);
            for (String user : users) {
                TestPhone phone = new TestPhone(user, "127.0.0.1", sipPort);
                phone.autoAnswer = true;
                agents.add(phone);
                assertThat(phone.register(PASSWORD, 3600)).isEqualTo(200);
            }
            for (int i = 0; i < 6; i++) {
                callers.add(new TestPhone("buerger-crash-" + i, "127.0.0.1", sipPort));
            }
            AtomicBoolean calling = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (TestPhone caller : callers) {
                Thread thread = new Thread(() -> callRepeatedly(caller, calling, answered), "caller-" + caller.user());
                thread.start();
                threads.add(thread);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (answered.size() < 15 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            first.destroyForcibly(); // SIGKILL, in the middle of the calls
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            calling.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
            // callers retransmitting an INVITE would place new calls at the restarted server: they hang up for good
            closeAll(callers);
            assertThat(answered).as("calls answered before the kill").hasSizeGreaterThanOrEqualTo(5);
        } finally {
            first.destroyForcibly();
        }

        Process second = start(dir, sipPort, "second.log");
        String afterRestart;
        try {
            awaitHealthy(second, dir.resolve("second.log"));
            agents.forEach(phone -> phone.requests.clear());
            try (TestPhone citizen = new TestPhone("buerger-danach", "127.0.0.1", sipPort)) {
                citizen.call(NUMBER);
                afterRestart = citizen.callId();
                Response ok = citizen.awaitResponse(Response.OK, 10);
                assertThat(ok)
                        .as("an agent's phone rings and answers without having registered again")
                        .isNotNull();
                citizen.ack(ok);
                assertThat(agents.stream().anyMatch(a -> a.requests.stream()
                                .anyMatch(r -> r.getMethod().equals(Request.INVITE))))
                        .isTrue();
                citizen.bye();
                assertThat(citizen.awaitResponse(Response.OK, 5)).isNotNull();
            }
        } finally {
            second.destroy(); // graceful: the event log drains
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
            closeAll(agents);
        }

        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("db/buergerservice") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "sa",
                "")) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(db, true));
            for (String callId : answered) {
                assertThat(jdbc.queryForObject(
                                "select count(*) from call_event where call_id = ? and type = 'ANSWERED'",
                                Integer.class,
                                callId))
                        .as("ANSWERED of %s, whose 200 the caller received", callId)
                        .isEqualTo(1);
            }
            assertThat(jdbc.queryForList(
                            "select call_id from call_event where call_id is not null and type <> 'AGENT_STATE_CHANGED'"
                                    + " group by call_id having sum(case when type in ('ENDED', 'ABANDONED',"
                                    + " 'TRANSFERRED', 'REJECTED_CLOSED') then 1 else 0 end) = 0",
                            String.class))
                    .as("calls without an end")
                    .isEmpty();
            assertThat(jdbc.queryForList(
                            "select type from call_event where call_id = ? and type <> 'AGENT_STATE_CHANGED'"
                                    + " order by sequence",
                            String.class,
                            afterRestart))
                    .containsExactly("CALL_OFFERED", "QUEUED", "AGENT_RINGING", "ANSWERED", "ENDED");
            assertThat(jdbc.queryForObject(
                            "select count(*) from call_event where type = 'AGENT_STATE_CHANGED'"
                                    + " and agent_state = 'LOGGED_OUT' and detail = 'restart'",
                            Integer.class))
                    .as("agents the killed run left logged in are logged out by the restart")
                    .isPositive();
            List<Long> sequences = jdbc.queryForList("select sequence from call_event order by sequence", Long.class);
            assertThat(sequences).doesNotHaveDuplicates();
            System.out.printf(
                    "CRASH answered before the kill %d; closed by the restart: %s%n",
                    answered.size(),
                    jdbc.queryForList(
                            "select type || '/' || coalesce(agent_state, '-') || ': ' || count(*) from call_event"
                                    + " where detail = 'restart' group by type, agent_state",
                            String.class));
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** One caller: call, wait for the answer, ACK, talk briefly, hang up — again and again until told to stop. */
    static void callRepeatedly(TestPhone caller, AtomicBoolean calling, Set<String> answered) {
        while (calling.get()) {
            try {
                caller.responses.clear();
                caller.call(NUMBER);
                Response ok = caller.awaitResponse(Response.OK, 5);
                if (ok == null) {
                    continue;
                }
                answered.add(caller.callId());
                caller.ack(ok);
                Thread.sleep(150);
                caller.bye();
                caller.awaitResponse(Response.OK, 2);
            } catch (Exception e) {
                // the server was killed under this call: the next one goes to the restarted server, if any
            }
        }
    }

    static void closeAll(List<TestPhone> phones) throws InterruptedException {
        List<Thread> closing = new ArrayList<>();
        for (TestPhone phone : phones) {
            Thread thread = new Thread(phone::close);
            thread.start();
            closing.add(thread);
        }
        for (Thread thread : closing) {
            thread.join(10_000);
        }
    }

    // --- the product as a process --------------------------------------------------------------------------

    Process start(Path dir, int sipPort, String logName) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; this test measures nothing
        Path jar = packagedJar();
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of(
                    "-cp", System.getProperty("java.class.path"), "de.buergerservice.BuergerserviceApplication"));
        }
        command.addAll(List.of(
                "--buergerservice.data-dir=" + dir,
                "--buergerservice.demo.trial-phase=false",
                "--server.port=" + httpPort,
                "--buergerservice.sip.host=127.0.0.1",
                "--buergerservice.sip.port=" + sipPort));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile())
                .start();
    }

    static Path packagedJar() throws IOException {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("buergerservice-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElse(null);
        }
    }

    void awaitHealthy(Process server, Path log) throws Exception {
        // -Dit.startMinutes=… for a machine whose cores are shared with other builds (a start then takes minutes)
        long minutes = Long.getLong("it.startMinutes", 3);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited with " + server.exitValue() + ":\n" + tail(log));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(uri("/actuator/health"))
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server not healthy within " + minutes + " minutes:\n" + tail(log));
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    void send(String method, String path, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", ADMIN)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(expected);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }
}
