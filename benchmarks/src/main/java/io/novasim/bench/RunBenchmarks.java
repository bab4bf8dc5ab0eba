package io.novasim.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

import java.util.Collection;
import java.util.Locale;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [JMH options]}: runs the JMH benchmarks (JMH's own options are
 * accepted, e.g. a benchmark name regex), then measures heap bytes per idle server at 100,000 servers.
 */
public final class RunBenchmarks {
    private static final int HEAP_SERVERS = 100_000;

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println("novasim core figures");
        for (RunResult result : results) {
            System.out.printf(Locale.ROOT, "  %-45s %,15.0f %s%n", result.getParams().getBenchmark(),
                    result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit());
        }
        double perServer = HeapPerServer.measure(HEAP_SERVERS);
        System.out.printf(Locale.ROOT, "  %-45s %,15.0f bytes/server (at %,d servers)%n", "heap per idle server",
                perServer, HEAP_SERVERS);
    }
}
