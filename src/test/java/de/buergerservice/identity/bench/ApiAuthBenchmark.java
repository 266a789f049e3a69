package de.buergerservice.identity.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client (not a test; see docs/benchmarks.md "REST API: cost of authentication"): knowledge search over HTTP
 * against a running product, once per way a client proves who it is — the web session's cookie, HTTP Basic
 * ({@code agent1:demo}) and an API token of agent1 (created here through the admin API) — with {@code clients}
 * threads, each its own connection, after a warm-up. Prints throughput and latency percentiles per method.
 *
 * <p>Arguments (all optional): base URL ({@code http://127.0.0.1:18080}), clients (8), warm-up seconds (5),
 * measured seconds (20). Only ever point it at 127.0.0.1.
 */
public final class ApiAuthBenchmark {

    static final String[] QUERIES = {
        "Personalausweis",
        "Perso verloren",
        "Reisepass",
        "Hundesteuer",
        "Sperrmüll",
        "Wohnsitz ummelden",
        "Führungszeugnis",
        "Gewerbe anmelden",
        "Auto zulassen",
        "Geburtsurkunde"
    };
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ApiAuthBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        if (!URI.create(base).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("load only against 127.0.0.1");
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString("agent1:demo".getBytes(StandardCharsets.UTF_8));
        String token = "Bearer " + createToken(base);
        System.out.printf(
                "cores=%d, java=%s, clients=%d, warm-up %d s, measured %d s, GET %s/api/v1/tenants/oldenburg/"
                        + "knowledge/search?q=…&limit=5%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                clients,
                warmUp,
                measured,
                base);
        run("session", base, clients, warmUp, measured, c -> sessionClient(base));
        run("basic", base, clients, warmUp, measured, c -> headerClient(basic));
        run("token", base, clients, warmUp, measured, c -> headerClient(token));
    }

    /** One client: its own HTTP connection and, for the session, its own sign-in. */
    record Client(HttpClient http, String authorization) {}

    static Client headerClient(String authorization) {
        return new Client(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), authorization);
    }

    static Client sessionClient(String base) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            String page = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher csrf = CSRF.matcher(page);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on /login");
            }
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=agent1&password=demo&_csrf="
                                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302) {
                throw new IllegalStateException("sign-in failed: " + login.statusCode());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return new Client(http, null);
    }

    static String createToken(String base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String admin = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        String users = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/users"))
                                .header("Authorization", admin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher agent = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"username\":\"agent1\"")
                .matcher(users);
        if (!agent.find()) {
            throw new IllegalStateException("agent1 not found: " + users);
        }
        String created = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/users/" + agent.group(1) + "/tokens"))
                                .header("Authorization", admin)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Benchmark\", \"expiresOn\": \""
                                        + LocalDate.now().plusDays(1) + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("\"token\":\"(bst_[^\"]+)\"").matcher(created);
        if (!token.find()) {
            throw new IllegalStateException("no token created: " + created);
        }
        return token.group(1);
    }

    static void run(String name, String base, int clients, int warmUp, int measured, Function<Integer, Client> make)
            throws InterruptedException {
        List<Client> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            all.add(make.apply(c));
        }
        // the first request of each client (BCrypt for Basic, session set-up) is part of the warm-up
        load(name, base, all, warmUp, false);
        load(name, base, all, measured, true);
    }

    static void load(String name, String base, List<Client> clients, int seconds, boolean report)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients.size()];
        CountDownLatch done = new CountDownLatch(clients.size());
        for (int c = 0; c < clients.size(); c++) {
            long[] mine = new long[seconds * 20_000];
            latencies.add(mine);
            Client client = clients.get(c);
            int index = c;
            Thread thread = new Thread(() -> {
                int n = 0;
                try {
                    while (running.get() && n < mine.length) {
                        String q = URLEncoder.encode(QUERIES[(n + index) % QUERIES.length], StandardCharsets.UTF_8);
                        HttpRequest.Builder request = HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/tenants/oldenburg/knowledge/search?limit=5&q=" + q));
                        if (client.authorization() != null) {
                            request.header("Authorization", client.authorization());
                        }
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response =
                                client.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        mine[n++] = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    failures.incrementAndGet();
                } finally {
                    counts[index] = n;
                    done.countDown();
                }
            });
            thread.start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        int total = Arrays.stream(counts).sum();
        long[] sorted = new long[total];
        int at = 0;
        for (int c = 0; c < clients.size(); c++) {
            System.arraycopy(latencies.get(c), 0, sorted, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(sorted);
        System.out.printf(
                "%-7s %d clients, %.0f s: %d requests (%d not 200), %.0f requests/s, p50 %.2f ms, p90 %.2f ms,"
                        + " p99 %.2f ms (machine load average %.1f on %d cores)%n",
                name,
                clients.size(),
                elapsed,
                total,
                failures.get(),
                total / elapsed,
                ms(sorted, 0.50),
                ms(sorted, 0.90),
                ms(sorted, 0.99),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    static double ms(long[] sorted, double percentile) {
        return sorted.length == 0
                ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile * sorted.length) - 1)] / 1e6;
    }
}
