package io.novasim.bench;

import io.novasim.model.server.Server;
import io.novasim.state.Cloud;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.Perform;
import io.novasim.state.rules.Operation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Commands per second on one thread. {@code serverCycle} runs create -> stop -> start -> delete, advancing the virtual
 * clock after each so that every asynchronous step completes (4 commands per invocation). {@code showServer} is the
 * baseline measured in the same run: one locked read of one server.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class LifecycleBenchmark {
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final CreateServer CREATE = new CreateServer("bench", BenchClouds.FLAVOR, BenchClouds.IMAGE);

    private Cloud cloud;
    private String existing;

    @Setup
    public void setUp() {
        cloud = BenchClouds.fresh();
        existing = cloud.execute(BenchClouds.USER, CREATE).server().id();
        cloud.advance(SETTLE);
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public Server serverCycle() {
        String id = cloud.execute(BenchClouds.USER, CREATE).server().id();
        cloud.advance(SETTLE);
        cloud.execute(BenchClouds.USER, new Perform(id, Operation.STOP));
        cloud.advance(SETTLE);
        cloud.execute(BenchClouds.USER, new Perform(id, Operation.START));
        cloud.advance(SETTLE);
        Server last = cloud.execute(BenchClouds.USER, new Perform(id, Operation.DELETE)).server();
        cloud.advance(SETTLE);
        return last;
    }

    @Benchmark
    public Server showServer() {
        return cloud.server(BenchClouds.USER, existing);
    }
}
