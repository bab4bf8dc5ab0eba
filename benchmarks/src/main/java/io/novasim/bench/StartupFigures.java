package io.novasim.bench;

import io.javalin.Javalin;
import io.novasim.NovaSimulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Arrays;

/**
 * How fast an embedded simulator is ready, and what an idle one costs, against the targets of "Embedding novasim in
 * tests": the first start in a fresh JVM (measured before anything else runs, so it pays for class loading and JIT
 * warm-up), one more start in a warm JVM (the median of {@value #RUNS} starts one after another, after
 * {@value #WARMUP} warm-up starts), and the heap of one idle started simulator (used heap after full collections with
 * it running, minus before; and, as a check, the same with {@value #HEAP_SAMPLE} running, divided by that).
 * "Ready" means {@code start()} returned and {@code GET /v2.1/} answered 200. The baseline, measured the same way in
 * the same run, is a bare Javalin server with that one route.
 *
 * <p>Run: {@code mvn -B -q package -DskipTests -pl benchmarks -am && java -cp benchmarks/target/benchmarks.jar
 * io.novasim.bench.StartupFigures}
 */
public final class StartupFigures {
    private static final int WARMUP = 30;
    private static final int RUNS = 50;
    private static final int HEAP_SAMPLE = 10;
    private static final double WARM_TARGET_MS = 20;
    private static final double FIRST_TARGET_MS = 600;
    private static final double HEAP_TARGET_MIB = 30;

    private StartupFigures() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        NovaSimulator first = NovaSimulator.builder().build();
        long built = System.nanoTime();
        first.start();
        long started = System.nanoTime();
        probe(first);
        long ready = System.nanoTime();
        first.close();
        double firstMs = ms(ready - t0);

        for (int i = 0; i < WARMUP; i++) {
            try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
                probe(sim);
            }
        }
        double[] warm = new double[RUNS];
        double[] warmBuild = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long a = System.nanoTime();
            NovaSimulator sim = NovaSimulator.builder().build();
            long b = System.nanoTime();
            sim.start();
            probe(sim);
            long c = System.nanoTime();
            sim.close();
            warm[i] = ms(c - a);
            warmBuild[i] = ms(b - a);
        }
        double[] bare = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long a = System.nanoTime();
            Javalin javalin = Javalin.create(config -> config.showJavalinBanner = false)
                    .get("/v2.1/", ctx -> ctx.result("{}")).start("127.0.0.1", 0);
            probe(URI.create("http://127.0.0.1:" + javalin.port()));
            long c = System.nanoTime();
            javalin.stop();
            if (i >= WARMUP) {
                bare[i - WARMUP] = ms(c - a);
            }
        }
        double[] inProcess = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long a = System.nanoTime();
            NovaSimulator.builder().build().exchange(io.novasim.ApiRequest.of("GET", "/v2.1/"));
            inProcess[i] = ms(System.nanoTime() - a);
        }

        long before = usedAfterGc();
        NovaSimulator idle = NovaSimulator.builder().build().start();
        probe(idle);
        long withOne = usedAfterGc();
        double heapMib = (withOne - before) / (1024.0 * 1024.0);
        NovaSimulator[] more = new NovaSimulator[HEAP_SAMPLE - 1];
        for (int i = 0; i < more.length; i++) {
            more[i] = NovaSimulator.builder().build().start();
            probe(more[i]);
        }
        long withMore = usedAfterGc();
        double heapEachMib = (withMore - before) / (1024.0 * 1024.0) / HEAP_SAMPLE;
        idle.close();
        for (NovaSimulator sim : more) {
            sim.close();
        }

        System.out.printf("first start in a fresh JVM: %.1f ms to ready (build %.1f, start %.1f, first GET %.1f)"
                        + " [target < %.0f ms: %s]%n", firstMs, ms(built - t0), ms(started - built),
                ms(ready - started), FIRST_TARGET_MS, verdict(firstMs < FIRST_TARGET_MS));
        System.out.printf("one more start in a warm JVM: median %.2f ms to ready over %d starts (min %.2f, p90 %.2f;"
                        + " build median %.2f) [target < %.0f ms: %s]%n", median(warm), RUNS, min(warm),
                percentile(warm, 0.9), median(warmBuild), WARM_TARGET_MS, verdict(median(warm) < WARM_TARGET_MS));
        System.out.printf("baseline, a bare Javalin server, warm: median %.2f ms to ready (novasim / bare = %.2f)%n",
                median(bare), median(warm) / median(bare));
        System.out.printf("in memory (build, then GET /v2.1/ through exchange), warm: median %.2f ms%n",
                median(inProcess));
        System.out.printf("heap of one idle embedded simulator: %.2f MiB (%.2f MiB each with %d running)"
                        + " [target < %.0f MiB: %s]%n", heapMib, heapEachMib, HEAP_SAMPLE, HEAP_TARGET_MIB,
                verdict(Math.max(heapMib, heapEachMib) < HEAP_TARGET_MIB));
    }

    /** GET /v2.1/ (Nova's version document, no token needed); fails unless it answers 200. */
    private static void probe(NovaSimulator sim) throws IOException {
        probe(sim.baseUri());
    }

    private static void probe(URI base) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + "/v2.1/").toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(5_000);
        int status = connection.getResponseCode();
        try (InputStream body = connection.getInputStream()) {
            body.readAllBytes();
        }
        if (status != 200) {
            throw new IllegalStateException("GET /v2.1/ answered " + status);
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (p == 0.5 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
