package io.novasim.http.console;

import io.novasim.ApiRequest;
import io.novasim.ApiResponse;
import io.novasim.http.Simulation;
import io.novasim.http.control.EventJson;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Json;
import io.novasim.state.log.SimEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The console's live feed, {@code GET /__sim/v1/stream}: every event of the engine, as the control plane's
 * {@code events} shows it, pushed to the page as it happens (server-sent events); and the journaled requests, as its
 * {@code requests} shows them, in batches of the newest five times a second ({@code {"type": "Requests",
 * "requests": [...], "left_out": N}}). An admin only, by the console's
 * cookie or {@code X-Auth-Token}. It knows no web framework: the transport opens it with a {@link Sender}.
 *
 * <p>The engine tells a follower under its lock, so the feed only queues there; a thread of the feed's own sends.
 * A page that reads too slowly to keep up with a bounded queue is told to read the state afresh ({@code resync}),
 * as it is after a reset or a restore.
 */
@Singleton
public final class ConsoleStream {
    /** The feed's path. */
    public static final String PATH = "/__sim/v1/stream";
    private static final int QUEUED = 10_000;
    private static final long HEARTBEAT_SECONDS = 15;
    /**
     * Requests are sent together, at most this often: under load a server answers thousands a second, and a page
     * shows the newest {@value #REQUESTS_KEPT}. One event per request cost a loaded server two thirds of its
     * capacity (capacity.sh with a stream open); a batch five times a second costs it nothing measurable.
     */
    private static final long REQUESTS_EVERY_MILLIS = 200;
    private static final int REQUESTS_KEPT = 50;
    /** At most this many events go in one message ({@code {"type": "Batch", "events": [...]}}). */
    private static final int BATCHED = 1_000;
    private static final String RESYNC = "{\"type\":\"resync\"}";
    private static final String CLOCK_CHANGED = "{\"type\":\"ClockChanged\"}";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleStream.class);

    private final Simulation simulation;
    private final ConsoleRoutes console;

    @Inject
    public ConsoleStream(Simulation simulation, ConsoleRoutes console) {
        this.simulation = simulation;
        this.console = console;
    }

    /** Where the feed writes: the transport's connection to one page. */
    public interface Sender {
        /** One event: its JSON. */
        void send(String json) throws IOException;

        /** A comment that keeps the connection open and finds out when the page has gone. */
        void heartbeat() throws IOException;

        /** Ends the connection, when the feed stops. */
        void close();
    }

    /** Whether a request with this token or cookie may follow: an admin's only. */
    public boolean admits(String authToken, String cookieHeader) {
        String token = authToken != null ? authToken : ConsoleRoutes.cookieToken(cookieHeader);
        return console.admin(token).isPresent();
    }

    /** Keystone's 401, for a request {@link #admits} turns away. */
    public ApiResponse unauthorized() {
        return new ApiResponse(401, List.of(new ApiRequest.Header("Content-Type", "application/json"),
                new ApiRequest.Header("WWW-Authenticate", "Keystone uri=\"/identity\"")),
                Json.writeBytes(Errors.unauthorized().body()));
    }

    /**
     * Starts following the simulation for one page: from now on, each event goes to {@code sender}, from a thread of
     * the feed's own, until the returned handle is closed or a send fails (the page went).
     */
    public AutoCloseable open(Sender sender) {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUED);
        // The newest journaled request sent: the feed reads the journal after it, so a request costs the feed nothing
        // (a hook on each request, a lock taken by every request thread, had cost a loaded server 1 % of its CPU).
        java.util.concurrent.atomic.AtomicLong sentUpTo = new java.util.concurrent.atomic.AtomicLong(
                simulation.lastRequest());
        Simulation.Follower follower = new Simulation.Follower() {
            @Override
            public void event(SimEvent event) {
                if (!queue.offer(io.novasim.http.control.ControlJson.write(EventJson.of(event)))) {
                    queue.clear();
                    queue.offer(RESYNC);
                }
            }

            @Override
            public void replaced() {
                sentUpTo.set(simulation.lastRequest()); // a reset numbers the journal from 1 again
                queue.clear();
                queue.offer(RESYNC);
            }

            @Override
            public void clockChanged() {
                queue.offer(CLOCK_CHANGED);
            }
        };
        AutoCloseable following = simulation.follow(follower);
        Thread sending = new Thread(() -> {
            try {
                long quietSince = System.nanoTime();
                long caughtUp = System.nanoTime();
                while (!Thread.currentThread().isInterrupted()) {
                    if (System.nanoTime() - caughtUp > TimeUnit.MILLISECONDS.toNanos(REQUESTS_EVERY_MILLIS)) {
                        // A clock that follows the wall clock moves when someone asks the time; a page that watches
                        // must see what falls due while nobody does (a server's BUILD ending), so the feed asks.
                        try {
                            simulation.now();
                        } catch (RuntimeException failed) {
                            // the engine's own failure, which a request would meet too: the feed goes on
                            LOG.warn("the console's feed could not move the clock", failed);
                        }
                        caughtUp = System.nanoTime();
                    }
                    String next = queue.poll(REQUESTS_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        // What queued meanwhile goes in the same message: a thousand servers changing state at once
                        // are a few messages, not a thousand writes, each flushed.
                        List<String> more = new java.util.ArrayList<>();
                        queue.drainTo(more, BATCHED - 1);
                        sender.send(more.isEmpty() ? next
                                : "{\"type\":\"Batch\",\"events\":[" + next + "," + String.join(",", more) + "]}");
                        quietSince = System.nanoTime();
                    }
                    String batch = newRequests(sentUpTo);
                    if (batch != null) {
                        sender.send(batch);
                        quietSince = System.nanoTime();
                    } else if (next == null
                            && System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS)) {
                        sender.heartbeat();
                        quietSince = System.nanoTime();
                    }
                }
            } catch (IOException | InterruptedException | RuntimeException gone) {
                // the page went, or the feed was closed: stop sending
            } finally {
                close(following);
                sender.close(); // the page sees the stream end, and reconnects
            }
        }, "novasim-console-stream");
        sending.setDaemon(true);
        sending.start();
        return () -> {
            sending.interrupt();
            close(following);
        };
    }

    /**
     * The requests journaled since the last batch, the newest {@value #REQUESTS_KEPT} of them, as one {@code Requests}
     * event with how many it left out; null when none came.
     */
    private String newRequests(java.util.concurrent.atomic.AtomicLong sentUpTo) {
        io.novasim.http.RequestJournal.Newest newest = simulation.requestsAfter(sentUpTo.get(), REQUESTS_KEPT);
        if (newest.requests().isEmpty()) {
            return null;
        }
        sentUpTo.set(newest.last());
        return io.novasim.http.control.ControlJson.write(Json.object("type", "Requests", "requests",
                newest.requests(), "left_out", newest.leftOut()));
    }

    private static void close(AutoCloseable following) {
        try {
            following.close();
        } catch (Exception ignored) {
            // removing a follower cannot fail
        }
    }
}
