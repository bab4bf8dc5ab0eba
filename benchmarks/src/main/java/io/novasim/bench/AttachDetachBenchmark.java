package io.novasim.bench;

import io.novasim.model.volume.VolumeAttachment;
import io.novasim.state.Cloud;
import io.novasim.state.command.AttachInterface;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachVolume;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Attach + detach cycles per second on one thread, each with its detach completed by advancing the virtual clock:
 * a user's port through {@code os-interface}, and a volume through {@code os-volume_attachments} (whose attach also
 * completes: reserved, attaching, in-use, detaching, available).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AttachDetachBenchmark {
    private static final Duration ATTACH = Duration.ofSeconds(2);
    private static final Duration DETACH = Duration.ofSeconds(1);

    private Cloud cloud;
    private String server;
    private AttachInterface attachPort;
    private DetachInterface detachPort;
    private AttachVolume attachVolume;
    private DetachVolume detachVolume;

    @Setup
    public void setUp() {
        cloud = BenchClouds.fresh();
        server = cloud.execute(BenchClouds.USER, new CreateServer("bench", BenchClouds.FLAVOR, BenchClouds.IMAGE))
                .server().id();
        String port = cloud.execute(BenchClouds.USER, new CreatePort(BenchClouds.NETWORK, "bench", null)).port().id();
        String volume = cloud.execute(BenchClouds.USER, new CreateVolume("bench", 1, false, false)).volume().id();
        cloud.runUntilIdle();
        attachPort = AttachInterface.port(server, port);
        detachPort = new DetachInterface(server, port);
        attachVolume = AttachVolume.of(server, volume);
        detachVolume = DetachVolume.of(server, volume);
    }

    @Benchmark
    public Object interfaceAttachDetachCycle() {
        Object port = cloud.execute(BenchClouds.USER, attachPort).port();
        cloud.execute(BenchClouds.USER, detachPort);
        cloud.advance(DETACH);
        return port;
    }

    @Benchmark
    public VolumeAttachment volumeAttachDetachCycle() {
        VolumeAttachment attachment = cloud.execute(BenchClouds.USER, attachVolume).volumeAttachment();
        cloud.advance(ATTACH);
        cloud.execute(BenchClouds.USER, detachVolume);
        cloud.advance(DETACH);
        return attachment;
    }
}
