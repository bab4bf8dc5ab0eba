package io.novasim.bench;

import io.novasim.state.Cloud;
import io.novasim.state.command.CreateServer;

import java.time.Duration;

/**
 * Retained heap per idle server: the heap after creating N active servers (and completing their builds) minus the
 * heap of an empty cloud, divided by N. Measured after repeated full collections, so it counts what stays reachable.
 */
public final class HeapPerServer {
    private HeapPerServer() {
    }

    public static double measure(int servers) {
        Cloud cloud = BenchClouds.fresh();
        long empty = usedAfterGc();
        for (int i = 0; i < servers; i++) {
            cloud.execute(BenchClouds.USER, new CreateServer("server-" + i, BenchClouds.FLAVOR, BenchClouds.IMAGE));
        }
        cloud.advance(Duration.ofMinutes(1));
        long full = usedAfterGc();
        if (cloud.servers(BenchClouds.USER).size() != servers) {
            throw new IllegalStateException("expected " + servers + " servers");
        }
        return (double) (full - empty) / servers;
    }

    /** The heap in use after repeated full collections: what stays reachable. */
    static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
