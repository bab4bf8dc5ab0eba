package io.novasim.http.javalin;

import io.javalin.http.Context;
import io.novasim.ApiResponse;
import io.novasim.state.faults.TransportFault;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.FutureCallback;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Answers lost on the way, as a fault rule decided (WireMock's connection faults, and a stall): the connection is
 * reset, or closed with nothing, or with half of the body, or with bytes that are not HTTP; or the head goes out and
 * then nothing, until the client gives up. The request was handled before: only its answer is lost.
 */
final class LostAnswers {
    /** How long a stalled answer keeps its connection at most, if the client waits that long without closing it. */
    static final Duration LONGEST_STALL = Duration.ofMinutes(10);

    /** What a malformed answer sends: no status line, no headers, bytes no HTTP parser takes. */
    private static final byte[] GARBAGE = "\u0000\u00ff\u00fe novasim: these bytes are not HTTP \u0007\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private LostAnswers() {
    }

    /** Bytes straight onto the connection, past Jetty's HTTP handling. */
    private static void writeRaw(EndPoint endPoint, byte[] bytes) {
        FutureCallback written = new FutureCallback();
        endPoint.write(written, ByteBuffer.wrap(bytes));
        try {
            written.get(5, TimeUnit.SECONDS);
        } catch (Exception unwritable) {
            // the client went already: nothing to tell it
        }
    }

    /** The status line and headers of an answer with no body, as HTTP/1.1 writes them. */
    private static byte[] headOf(ApiResponse response) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(io.novasim.http.support.Errors.reasonPhrase(response.status())).append("\r\n");
        for (io.novasim.ApiRequest.Header header : response.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        head.append("Content-Length: 0\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static void carryOut(Context ctx, ApiResponse response, TransportFault fault) throws IOException {
        EndPoint endPoint = Request.getBaseRequest(ctx.req()).getHttpChannel().getEndPoint();
        switch (fault) {
            case RESET -> {
                if (endPoint instanceof SocketChannelEndPoint socket) {
                    // no lingering on close: the peer gets a RST, not a FIN
                    socket.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
                }
                endPoint.close();
            }
            case EMPTY -> endPoint.close();
            case TRUNCATED -> {
                if (response.body().length == 0) {
                    // nothing to cut short but the head: half of it goes out, then the connection is closed
                    byte[] head = headOf(response);
                    writeRaw(endPoint, java.util.Arrays.copyOf(head, head.length / 2));
                    endPoint.close();
                    return;
                }
                byte[] body = JavalinServer.head(ctx, response);
                ctx.res().getOutputStream().write(body, 0, body.length / 2);
                ctx.res().flushBuffer();
                endPoint.close();
            }
            case MALFORMED -> {
                writeRaw(endPoint, GARBAGE);
                endPoint.close();
            }
            case STALL -> {
                JavalinServer.head(ctx, response);
                ctx.res().flushBuffer(); // the status and headers go out; the body never does
                CompletableFuture<Void> ended = new CompletableFuture<>();
                // the client closing its end (or anything it sends) ends the stall: the connection is not kept
                endPoint.tryFillInterested(org.eclipse.jetty.util.Callback.from(() -> ended.complete(null),
                        failed -> ended.complete(null)));
                ctx.future(() -> ended.completeOnTimeout(null, LONGEST_STALL.toMillis(), TimeUnit.MILLISECONDS)
                        .thenRun(endPoint::close));
            }
            default -> throw new IllegalArgumentException(fault.name());
        }
    }
}
