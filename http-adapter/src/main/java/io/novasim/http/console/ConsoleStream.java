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
 * {@code events} shows it, and every journaled request, as its {@code requests} shows it ({@code {"type":
 * "Request", "request": ...}}), pushed to the page as it happens (server-sent events). An admin only, by the console's
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
    private static final String RESYNC = "{\"type\":\"resync\"}";

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
        Simulation.Follower follower = new Simulation.Follower() {
            @Override
            public void event(SimEvent event) {
                if (!queue.offer(Json.write(EventJson.of(event)))) {
                    queue.clear();
                    queue.offer(RESYNC);
                }
            }

            @Override
            public void replaced() {
                queue.clear();
                queue.offer(RESYNC);
            }

            @Override
            public void requested(io.novasim.RecordedRequest request) {
                if (!queue.offer(Json.write(Json.object("type", "Request", "request", request)))) {
                    queue.clear();
                    queue.offer(RESYNC);
                }
            }
        };
        AutoCloseable following = simulation.follow(follower);
        Thread sending = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    String next = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                    if (next == null) {
                        sender.heartbeat();
                    } else {
                        sender.send(next);
                    }
                }
            } catch (IOException | InterruptedException | RuntimeException gone) {
                // the page went, or the feed was closed: stop sending
            } finally {
                close(following);
            }
        }, "novasim-console-stream");
        sending.setDaemon(true);
        sending.start();
        return () -> {
            sending.interrupt();
            close(following);
        };
    }

    private static void close(AutoCloseable following) {
        try {
            following.close();
        } catch (Exception ignored) {
            // removing a follower cannot fail
        }
    }
}
