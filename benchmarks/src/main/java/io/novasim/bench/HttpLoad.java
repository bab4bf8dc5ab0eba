package io.novasim.bench;

import io.javalin.Javalin;
import io.novasim.NovaSimulator;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load run against the running simulator, compared in the same run with a bare Javalin endpoint that answers a
 * fixed body of the same size: GET show-interface and GET server detail at 16 connections (wrk), and attach + detach
 * cycles on one connection against two bare round trips. Then a long GET run to see that memory stays flat.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.novasim.bench.HttpLoad [seconds per run] [long-run requests]}
 * (needs {@code wrk}, Debian package {@code wrk}).
 */
public final class HttpLoad {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long longRun = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Timings timings = Timings.defaults().with(Operation.DETACH_INTERFACE, Duration.ZERO);
        try (NovaSimulator sim = NovaSimulator.builder().seed(1).timings(timings).build().start()) {
            String base = sim.baseUri().toString();
            String token = authenticate(base);
            String server = send("POST", base + "/v2.1/servers", token, """
                    {"server": {"name": "load", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                    .body().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
            sim.control().advance(Duration.ofSeconds(5));
            String ifaces = send("GET", base + "/v2.1/servers/" + server + "/os-interface", token, null).body();
            String port = ifaces.replaceAll("(?s).*\"port_id\":\"([0-9a-f-]{36})\".*", "$1");
            String showInterface = base + "/v2.1/servers/" + server + "/os-interface/" + port;
            String serverDetail = base + "/v2.1/servers/" + server;
            byte[] interfaceBody = send("GET", showInterface, token, null).body().getBytes(StandardCharsets.UTF_8);
            byte[] serverBody = send("GET", serverDetail, token, null).body().getBytes(StandardCharsets.UTF_8);

            Javalin bare = Javalin.create(config -> config.showJavalinBanner = false)
                    .get("/interface", ctx -> ctx.contentType("application/json").result(interfaceBody))
                    .get("/server", ctx -> ctx.contentType("application/json").result(serverBody))
                    .post("/roundtrip", ctx -> ctx.contentType("application/json").result("{}"))
                    .start("127.0.0.1", 0);
            String bareBase = "http://127.0.0.1:" + bare.port();
            try {
                // Warm both servers up first, so the JIT has compiled what is measured.
                wrk(showInterface, token, seconds);
                wrk(serverDetail, token, seconds);
                wrk(bareBase + "/interface", token, seconds);
                List<String> lines = new ArrayList<>();
                compare(lines, "GET show-interface", wrk(showInterface, token, seconds),
                        wrk(bareBase + "/interface", token, seconds));
                compare(lines, "GET server detail", wrk(serverDetail, token, seconds),
                        wrk(bareBase + "/server", token, seconds));
                attachDetachCycle(base, server, token, seconds); // warm-up
                roundTrip(bareBase + "/roundtrip", token, seconds);
                double cycle = attachDetachCycle(base, server, token, seconds);
                double roundTrip = roundTrip(bareBase + "/roundtrip", token, seconds);
                lines.add(String.format(Locale.ROOT, "  %-28s %8.1f us per cycle; bare round trip %6.1f us; "
                        + "cycle / (2 x round trip) = %.2f", "attach+detach (1 conn)", cycle, roundTrip,
                        cycle / (2 * roundTrip)));
                if (longRun > 0) {
                    lines.add(memoryRun(serverDetail, token, longRun));
                }
                System.out.println();
                System.out.println("novasim HTTP load (same run, same machine)");
                lines.forEach(System.out::println);
            } finally {
                bare.stop();
            }
        }
    }

    record WrkResult(double requestsPerSecond, double p99Millis, long requests) {
    }

    private static void compare(List<String> lines, String what, WrkResult sim, WrkResult bare) {
        lines.add(String.format(Locale.ROOT, "  %-28s %9.0f req/s (p99 %6.2f ms); bare %9.0f req/s (p99 %6.2f ms);"
                        + " ratio %.2f", what, sim.requestsPerSecond(), sim.p99Millis(), bare.requestsPerSecond(),
                bare.p99Millis(), sim.requestsPerSecond() / bare.requestsPerSecond()));
    }

    private static WrkResult wrk(String url, String token, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency",
                "-H", "X-Auth-Token: " + token, url).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                out.append(line).append('\n');
            }
        }
        process.waitFor();
        String text = out.toString();
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(text);
        Matcher p99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(text);
        Matcher total = Pattern.compile("(\\d+) requests in").matcher(text);
        if (!rps.find() || !p99.find() || !total.find()) {
            throw new IllegalStateException("cannot read wrk's output:\n" + text);
        }
        double latency = Double.parseDouble(p99.group(1));
        latency = switch (p99.group(2)) {
            case "us" -> latency / 1000;
            case "s" -> latency * 1000;
            default -> latency;
        };
        if (text.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw errors:\n" + text);
        }
        return new WrkResult(Double.parseDouble(rps.group(1)), latency, Long.parseLong(total.group(1)));
    }

    /** Microseconds per attach (by network) + detach on one connection; the detach completes at once here. */
    private static double attachDetachCycle(String base, String server, String token, int seconds)
            throws IOException, InterruptedException {
        String path = base + "/v2.1/servers/" + server + "/os-interface";
        String body = "{\"interfaceAttachment\": {\"net_id\": \"3cb9bc59-5699-4588-a4b1-b87f96708bc6\"}}";
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long cycles = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> attached = send("POST", path, token, body);
            String port = attached.body().replaceAll("(?s).*\"port_id\":\"([0-9a-f-]{36})\".*", "$1");
            HttpResponse<String> detached = send("DELETE", path + "/" + port, token, null);
            if (attached.statusCode() != 200 || detached.statusCode() != 202) {
                throw new IllegalStateException("cycle failed: " + attached.statusCode() + " " + attached.body());
            }
            cycles++;
        }
        return (System.nanoTime() - start) / 1000.0 / cycles;
    }

    private static double roundTrip(String url, String token, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long trips = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            send("POST", url, token, "{\"interfaceAttachment\": {}}");
            trips++;
        }
        return (System.nanoTime() - start) / 1000.0 / trips;
    }

    /** Used heap after a full collection, before and after {@code requests} more GETs. */
    private static String memoryRun(String url, String token, long requests) throws IOException,
            InterruptedException {
        long before = usedAfterGc();
        long done = 0;
        while (done < requests) {
            done += wrk(url, token, 30).requests();
        }
        long after = usedAfterGc();
        return String.format(Locale.ROOT, "  %-28s %,d requests; heap after GC %.1f MiB -> %.1f MiB",
                "memory over a long run", done, before / 1048576.0, after / 1048576.0);
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static String authenticate(String base) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", base + "/identity/v3/auth/tokens", null, """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                 "domain": {"name": "Default"}, "password": "secret"}}},
                 "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}""");
        return response.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static HttpResponse<String> send(String method, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
