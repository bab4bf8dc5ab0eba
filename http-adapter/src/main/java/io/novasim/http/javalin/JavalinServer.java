package io.novasim.http.javalin;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.novasim.http.console.ConsoleStream;
import io.javalin.util.JavalinBindException;
import io.javalin.http.HandlerType;
import io.novasim.ApiRequest;
import io.novasim.ApiResponse;
import io.novasim.http.Api;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.zip.GZIPOutputStream;

/**
 * The simulator's APIs over HTTP: a Javalin server whose one handler hands every request to {@link Api#handle} and
 * writes its answer back. Javalin and Jetty add what a transport adds ({@code Date}, the length or chunking, and gzip
 * for a client that asks for it); everything else is the API's.
 */
public final class JavalinServer {
    /** Every method goes to the API; INVALID is Javalin's name for any it does not know (PROPFIND), which Nova answers. */
    private static final HandlerType[] METHODS = {HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.TRACE,
            HandlerType.CONNECT, HandlerType.INVALID};

    private final Javalin app;

    private JavalinServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts serving {@code api}.
     *
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     * @return the started server
     * @throws UncheckedIOException with a {@link BindException} when it cannot listen there
     */
    public static JavalinServer start(Api api, ConsoleStream stream, String host, int port) {
        QueuedThreadPool requestThreads = new QueuedThreadPool(maxThreads(), 2, 60_000, -1, null, null);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            // Few threads up front: one more simulator in a warm JVM starts in milliseconds (Javalin's default
            // pool starts 8 threads at once). Every request is work for the CPU, never a wait (the engine is in
            // memory), so threads beyond the cores only take turns: see maxThreads.
            config.jetty.threadPool = requestThreads;
            config.http.disableCompression(); // the answer is written below, gzipped when the client asks
            // Javalin copies each answer to Jetty through a buffer of this size, new for every answer: 32 KiB by
            // default, more garbage per request than all the rest. One byte more than Jetty's aggregation size gives
            // the same answers: Jetty holds back a write up to that size (an answer that small gets a
            // Content-Length), and one larger, the first of a longer answer, goes out at once, chunked.
            config.jetty.modifyHttpConfiguration(http ->
                    config.http.responseBufferSize = http.getOutputAggregationSize() + 1);
            config.router.ignoreTrailingSlashes = false;
            config.router.mount(router -> {
                for (HandlerType method : METHODS) {
                    // "*", not "/*": Javalin takes "*" without a regular expression, and it matches each request's
                    // path three times (a regex over a path with two UUIDs cost 7 % of the CPU per request)
                    router.addHttpHandler(method, "*", ctx -> {
                        if (method == HandlerType.GET && ctx.path().equals(ConsoleStream.PATH)) {
                            follow(stream, api, ctx);
                        } else {
                            answer(api, ctx, requestThreads);
                        }
                    });
                }
            });
        });
        try {
            return new JavalinServer(app.start(host, port));
        } catch (JavalinBindException e) {
            throw new UncheckedIOException(new BindException("cannot listen on " + host + ":" + port + ": "
                    + bindProblem(e)));
        }
    }

    /** Javalin says "port already in use" for any bind failure; the cause tells an unknown host apart. */
    private static String bindProblem(JavalinBindException e) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            cause = t;
        }
        if (cause == null) {
            return e.getMessage();
        }
        String name = cause.getClass().getSimpleName(); // e.g. UnresolvedAddressException, which has no message
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }

    /**
     * Two threads a core, and two more for Jetty's acceptor and selector. A request never waits on anything (the
     * engine is in memory), so more threads would not answer more: they only take turns on the cores, and take them
     * from the JIT compiler. With Javalin's 250, on one core under load, the compiler got a twentieth of it and the
     * request path took a minute to compile; with four, about twenty seconds (capacity.sh: see the README).
     */
    static int maxThreads() {
        return 2 + 2 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * The console's feed as server-sent events: the connection stays open (asynchronously: it holds no thread), and
     * the feed writes each event to it from a thread of its own.
     */
    private static void follow(ConsoleStream stream, Api api, Context ctx) throws Exception {
        if (!stream.admits(ctx.header("X-Auth-Token"), ctx.header("Cookie"))) {
            ApiResponse refused = stream.unauthorized();
            ctx.status(refused.status());
            for (ApiRequest.Header header : refused.headers()) {
                ctx.header(header.name(), header.value());
            }
            ctx.result(refused.body());
            return;
        }
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            ctx.status(406).contentType("application/json")
                    .result("{\"error\": {\"code\": 406, \"message\": \"the stream is server-sent events: ask for "
                            + "Accept: text/event-stream\"}}");
            return;
        }
        new SseHandler(client -> {
            client.keepAlive();
            AutoCloseable feed = stream.open(new ConsoleStream.Sender() {
                @Override
                public void send(String json) throws IOException {
                    synchronized (client) {
                        client.sendEvent("sim", json);
                        if (client.terminated()) {
                            throw new IOException("the page went");
                        }
                    }
                }

                @Override
                public void heartbeat() throws IOException {
                    synchronized (client) {
                        client.sendComment("still here");
                        if (client.terminated()) {
                            throw new IOException("the page went");
                        }
                    }
                }

                @Override
                public void close() {
                    synchronized (client) {
                        client.close();
                    }
                }
            });
            client.onClose(() -> {
                try {
                    feed.close();
                } catch (Exception ignored) {
                    // closing the feed cannot fail
                }
            });
        }).handle(ctx);
    }

    /** Answers a request; a slow answer is written later by one of the request threads, holding none meanwhile. */
    private static void answer(Api api, Context ctx, java.util.concurrent.Executor threads) throws IOException {
        ApiResponse response = api.handle(new ContextRequest(ctx, Api.maxBodyBytes()));
        ApiResponse.Delivery delivery = response.delivery();
        if (delivery.lostTo() != null) {
            LostAnswers.carryOut(ctx, response, delivery.lostTo());
        } else if (!delivery.holdFor().isZero()) {
            // held without a thread: the answer is written when the time is up, and other requests go on meanwhile
            java.util.concurrent.Executor later = java.util.concurrent.CompletableFuture.delayedExecutor(
                    delivery.holdFor().toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS, threads);
            ctx.future(() -> java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    write(ctx, response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, later));
        } else {
            write(ctx, response);
        }
    }

    private static void write(Context ctx, ApiResponse response) throws IOException {
        byte[] body = head(ctx, response);
        if (body.length > 0) {
            try {
                ctx.res().getOutputStream().write(body);
            } catch (IOException closed) {
                // The connection closed under the write (the client went, or stop() closed it while Jetty was still
                // completing a send the client had read): no one is left to answer, and it is not a fault to log.
            }
        }
    }

    /**
     * Sets the answer's status and headers, and gives back the body to write (gzipped when the client accepts it; its
     * length already set).
     */
    static byte[] head(Context ctx, ApiResponse response) throws IOException {
        HttpServletResponse servlet = ctx.res();
        servlet.setStatus(response.status());
        HttpFields.Mutable fields = servlet instanceof Response jetty ? jetty.getHttpFields() : null;
        for (ApiRequest.Header header : response.headers()) {
            if (header.name().equalsIgnoreCase("Content-Type")) {
                // Javalin set a default type: this one replaces it, byte for byte (Fields says why)
                servlet.setContentType(header.value());
                if (fields != null) {
                    fields.put(Fields.of(header));
                }
            } else if (fields != null) {
                fields.add(Fields.of(header));
            } else {
                servlet.addHeader(header.name(), header.value());
            }
        }
        byte[] body = response.body();
        if (body.length == 0) {
            return body; // Jetty answers Content-Length: 0 where a status allows a body
        }
        if (body.length >= GZIP_FROM && acceptsGzip(ctx.req().getHeader("Accept-Encoding"))) {
            servlet.addHeader("Content-Encoding", "gzip");
            servlet.addHeader("Vary", "Accept-Encoding");
            body = gzip(body);
        }
        servlet.setContentLength(body.length);
        return body;
    }

    /** Answers this long and longer are gzipped for a client that accepts it (Javalin's threshold). */
    private static final int GZIP_FROM = 1500;

    private static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(body);
        }
        return zipped.toByteArray();
    }

    /**
     * The port it listens on.
     *
     * @return the bound port
     */
    public int port() {
        return app.port();
    }

    /** Stops serving and frees the port. */
    public void stop() {
        app.stop();
    }
}
