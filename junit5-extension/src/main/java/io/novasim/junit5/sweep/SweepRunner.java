package io.novasim.junit5.sweep;

import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/** Runs one sweep: the run without faults, then one run per (call, kind), on lanes of their own. */
final class SweepRunner<T> {
    private final FaultSweep.SweepSettings settings;
    private final FaultSweep.Setup<T> setup;
    private final FaultSweep.GivenBody<T> body;

    SweepRunner(FaultSweep.SweepSettings settings, FaultSweep.Setup<T> setup, FaultSweep.GivenBody<T> body) {
        this.settings = settings;
        this.setup = setup;
        this.body = body;
    }

    SweepReport sweep() {
        List<SweepLane> lanes = new ArrayList<>();
        try {
            SweepLane first = new SweepLane(settings.simulator());
            lanes.add(first);
            SweepLane.Attempt baseline = first.attempt(setup, body, null, settings.runTimeout());
            if (baseline.failure() != null) {
                throw new AssertionError("novasim fault sweep: the code under test fails without any fault, so "
                        + "there is nothing to sweep: " + baseline.failure() + "\n  transcript:\n"
                        + indent(baseline.transcript()));
            }
            List<SweepCall> calls = baseline.calls();
            if (calls.isEmpty()) {
                throw new AssertionError("novasim fault sweep: the code under test made no call a fault rule can "
                        + "match (an accepted create, server action, attach or detach), so no fault could be "
                        + "injected and the sweep proves nothing. Its requests:\n" + indent(baseline.transcript()));
            }
            FaultSweep.Plan plan = settings.plan(calls);
            if (plan.points().isEmpty()) {
                throw new AssertionError("novasim fault sweep: no run is left to make: the calls were "
                        + calls.stream().map(call -> call.number() + " " + call.operation())
                        .collect(Collectors.joining(", "))
                        + "; the sweep was narrowed to operations " + settings.operations() + ", kinds "
                        + settings.kinds() + (settings.only() == null ? "" : " and the one run " + settings.only()));
            }
            while (lanes.size() < Math.min(settings.parallelism(), plan.points().size())) {
                lanes.add(new SweepLane(settings.simulator()));
            }
            return new SweepReport(calls, runAll(plan.points(), calls, lanes), plan.leftOut());
        } finally {
            lanes.forEach(SweepLane::close);
        }
    }

    private List<SweepRun> runAll(List<SweepPoint> points, List<SweepCall> calls, List<SweepLane> lanes) {
        if (lanes.size() == 1) {
            return points.stream().map(point -> runOne(point, calls, lanes.get(0))).toList();
        }
        BlockingQueue<SweepLane> idle = new ArrayBlockingQueue<>(lanes.size(), false, lanes);
        ExecutorService pool = Executors.newFixedThreadPool(lanes.size(), task -> {
            Thread thread = new Thread(task, "novasim-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<SweepRun>> futures = new ArrayList<>();
            for (SweepPoint point : points) {
                futures.add(pool.submit(() -> {
                    SweepLane lane = idle.take();
                    try {
                        return runOne(point, calls, lane);
                    } finally {
                        idle.add(lane);
                    }
                }));
            }
            List<SweepRun> runs = new ArrayList<>();
            for (Future<SweepRun> future : futures) {
                runs.add(future.get());
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("novasim fault sweep: interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("novasim fault sweep: a run broke the sweep itself", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private SweepRun runOne(SweepPoint point, List<SweepCall> calls, SweepLane lane) {
        SweepCall call = calls.get(point.call() - 1);
        FaultRule rule = ruleFor(point, call, calls);
        SweepLane.Attempt attempt = lane.attempt(setup, body, rule, settings.runTimeout());
        SweepRun.Outcome outcome = attempt.firedAt() != call.number()
                ? SweepRun.Outcome.NOT_REACHED
                : attempt.failure() == null ? SweepRun.Outcome.PASSED : SweepRun.Outcome.FAILED;
        String failure = outcome == SweepRun.Outcome.NOT_REACHED
                ? (attempt.firedAt() == 0 ? "the fault never fired" : "the fault fired at call " + attempt.firedAt())
                + ": this run's calls up to call " + call.number() + " were not those of the run without faults (is "
                + "the code under test deterministic?)"
                + (attempt.failure() == null ? "" : "; it also failed: " + attempt.failure())
                : attempt.failure();
        return new SweepRun(point, call, outcome, failure, attempt.transcript());
    }

    /**
     * A rule that fires once, on exactly this call: it matches calls like it, and lets pass those like it that came
     * before it in the run without faults.
     */
    private FaultRule ruleFor(SweepPoint point, SweepCall call, List<SweepCall> calls) {
        FaultMatch match = FaultMatch.like(call.target());
        int earlier = (int) calls.stream()
                .filter(c -> c.number() < call.number() && match.matches(c.target())).count();
        return new FaultRule("sweep-" + point.call() + "-" + point.kind().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'), match,
                point.kind().effect(call.number(), settings.stuckFor(), settings.delay()),
                new Trigger(earlier, 1, 1.0));
    }

    private static String indent(List<String> lines) {
        return lines.stream().map(line -> "    " + line).collect(Collectors.joining("\n"));
    }
}
