package io.novasim.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.HttpInput;
import org.eclipse.jetty.server.HttpTransport;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Jetty's in-memory connector, run in the caller's thread: the request is routed and answered by the thread that
 * sends it, with no acceptor or pool thread in between. Two thread hand-offs, or a new connection, per request would
 * cost more than the request itself. One request at a time.
 *
 * <p>Two ways in. {@link #exchange(ByteBuffer, boolean)} writes raw HTTP/1.1 to one kept-alive connection, which
 * Jetty parses and answers as it does a socket's. {@link #exchange(MetaData.Request, byte[])} skips the bytes: it
 * hands the request, already parsed, to a Jetty channel of its own, which runs it through the same server, handlers,
 * servlet and response as a connection's channel does, and it takes the answer as Jetty's response left it (status,
 * headers, body) rather than as bytes to parse again. Only what Jetty's HTTP/1.1 writer adds to the headers, the
 * body's length or chunking, is added here, as that writer does.
 */
final class InlineConnector extends LocalConnector {
    private LocalEndPoint endPoint;
    private Channel channel;

    InlineConnector(Server server, HttpConnectionFactory http) {
        super(server, Runnable::run, null, null, 0, http);
    }

    /**
     * One request, answered before this returns, on the open connection (a new one when the server closed it).
     *
     * @param request the raw request, head and body
     * @param head    whether it is a HEAD request (whose answer has no body)
     * @return the raw answer
     */
    synchronized ByteBuffer exchange(ByteBuffer request, boolean head) throws Exception {
        if (endPoint == null || !endPoint.isOpen()) {
            endPoint = new LocalEndPoint();
            Connection connection = getDefaultConnectionFactory().newConnection(this, endPoint);
            endPoint.setConnection(connection);
            endPoint.onOpen();
            onEndPointOpened(endPoint);
            connection.onOpen();
        }
        endPoint.addInput(request);
        return endPoint.waitForResponse(head, 30, TimeUnit.SECONDS);
    }

    /**
     * An answer as Jetty's response gave it.
     *
     * @param status  the status code
     * @param headers each header as the HTTP/1.1 writer would send it, in order: name and value
     * @param body    the body's bytes
     */
    record Answer(int status, List<String[]> headers, byte[] body) {
    }

    /**
     * One request, parsed already, answered before this returns. The caller leaves out of it what only a connection
     * deals with (a HEAD, {@code Connection}, {@code Expect}, {@code Transfer-Encoding}, an upgrade), and what needs
     * the parser's checks; those go as raw bytes.
     *
     * @param request the method, target (path and query, no host), HTTP/1.1 and headers, {@code Host} and
     *                {@code Content-Length} among them as the parser would have given them
     * @param body    the body's bytes (none for none)
     * @return the answer
     */
    synchronized Answer exchange(MetaData.Request request, byte[] body) throws Exception {
        if (channel == null) {
            LocalEndPoint local = new LocalEndPoint();
            local.onOpen();
            channel = new Channel(this, local);
        }
        return channel.exchange(request, body);
    }

    /** Jetty refused the request before running it: it should go as bytes, to get the connection's answer. */
    static final class Unparsed extends RuntimeException {
        Unparsed(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** A channel without a connection: the request is given whole, the answer is kept as Jetty's response made it. */
    private static final class Channel extends HttpChannel {
        private static final HttpInput.Content EOF = new HttpInput.EofContent();

        private HttpInput.Content content;
        private int status;
        private HttpFields committed;
        private long declaredLength;
        private boolean lastAtCommit;
        private byte[] answer = new byte[8192];
        private int answered;
        private boolean complete;
        private Throwable abortedBy;

        Channel(InlineConnector connector, LocalEndPoint endPoint) {
            this(connector, endPoint, new Transport());
        }

        private Channel(InlineConnector connector, LocalEndPoint endPoint, Transport transport) {
            super(connector, connector.getDefaultConnectionFactory() instanceof HttpConnectionFactory http
                    ? http.getHttpConfiguration() : null, endPoint, transport);
            transport.channel = this;
        }

        Answer exchange(MetaData.Request request, byte[] body) throws InterruptedException {
            committed = null;
            answered = 0;
            complete = false;
            abortedBy = null;
            content = body.length == 0 ? null : new HttpInput.Content(ByteBuffer.wrap(body));
            try {
                onRequest(request);
            } catch (RuntimeException refused) {
                // A target or header that Jetty refuses as it reads the request (a bad escape, an ambiguous
                // path): over a connection the refusal is an error answer, which only the bytes' way gives.
                recycle();
                throw new Unparsed(refused);
            }
            if (content != null) {
                onContent(content);
            }
            onContentComplete();
            onRequestComplete();
            handle();
            synchronized (this) {
                // An answer completed from another thread (an async handler) arrives later.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!complete) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException("no answer within 30 s");
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }
            if (abortedBy != null || committed == null) {
                throw new IllegalStateException("the request was aborted", abortedBy);
            }
            return new Answer(status, headers(), Arrays.copyOf(answer, answered));
        }

        /** The headers as Jetty's HTTP/1.1 writer sends them: the response's, then the body's length or chunking. */
        private List<String[]> headers() {
            List<String[]> headers = new ArrayList<>(committed.size() + 1);
            for (HttpField field : committed) {
                HttpHeader header = field.getHeader();
                if (header != HttpHeader.CONTENT_LENGTH && header != HttpHeader.TRANSFER_ENCODING) {
                    // As written and read back: a known header under its own spelling, line breaks and characters
                    // beyond Latin-1 as spaces, no spaces around the value.
                    headers.add(new String[] {header != null ? header.asString() : sanitised(field.getName()),
                            trimmed(sanitised(field.getValue()))});
                }
            }
            boolean bodiless = status < 200 || status == 204 || status == 304;
            if (!bodiless) {
                if (declaredLength > 0) {
                    headers.add(new String[] {HttpHeader.CONTENT_LENGTH.asString(), Long.toString(declaredLength)});
                } else if (lastAtCommit) {
                    headers.add(new String[] {HttpHeader.CONTENT_LENGTH.asString(), Integer.toString(answered)});
                } else {
                    headers.add(new String[] {HttpHeader.TRANSFER_ENCODING.asString(), "chunked"});
                }
            }
            return headers;
        }

        /** Without the spaces and tabs a parser drops around a header's value. */
        private static String trimmed(String value) {
            int start = 0;
            int end = value.length();
            while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
                start++;
            }
            while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
                end--;
            }
            return value.substring(start, end);
        }

        /** Text as Jetty's HTTP/1.1 writer puts it in a header: CR, LF and what Latin-1 lacks become spaces. */
        private static String sanitised(String text) {
            if (text == null) {
                return "";
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c > 0xff || c == '\r' || c == '\n') {
                    StringBuilder clean = new StringBuilder(text);
                    for (int j = i; j < clean.length(); j++) {
                        char d = clean.charAt(j);
                        if (d > 0xff || d == '\r' || d == '\n') {
                            clean.setCharAt(j, ' ');
                        }
                    }
                    return clean.toString();
                }
            }
            return text;
        }

        private synchronized void send(MetaData.Response response, ByteBuffer bytes, boolean last,
                                       Callback callback) {
            if (response != null) {
                status = response.getStatus();
                committed = response.getFields().asImmutable();
                declaredLength = response.getContentLength();
                lastAtCommit = last;
            }
            if (bytes != null && bytes.hasRemaining()) {
                int length = bytes.remaining();
                if (answered + length > answer.length) {
                    answer = Arrays.copyOf(answer, Math.max(answer.length * 2, answered + length));
                }
                bytes.get(answer, answered, length);
                answered += length;
            }
            if (last) {
                complete = true;
                notifyAll();
            }
            callback.succeeded();
        }

        @Override
        public boolean needContent() {
            return content != null;
        }

        @Override
        public HttpInput.Content produceContent() {
            HttpInput.Content next = content;
            if (next != null && !next.isSpecial()) {
                content = next.isEof() ? EOF : null;
            }
            return next;
        }

        @Override
        public boolean failAllContent(Throwable failure) {
            if (content != null && content.isSpecial()) {
                return content.isEof();
            }
            if (content != null) {
                content.failed(failure);
            }
            content = EOF;
            return true;
        }

        @Override
        public boolean failed(Throwable failure) {
            if (content != null && !content.isSpecial()) {
                content.failed(failure);
            }
            content = new HttpInput.ErrorContent(failure);
            return getRequest().getHttpInput().onContentProducible();
        }

        @Override
        protected boolean eof() {
            content = content == null ? EOF : new HttpInput.WrappingContent(content, true);
            return false;
        }

        /** The answer will not come: Jetty gave up on it. */
        synchronized void aborted(Throwable failure) {
            abortedBy = failure;
            complete = true;
            notifyAll();
        }
    }

    /** The channel's transport, handed to its constructor before the channel exists. */
    private static final class Transport implements HttpTransport {
        private Channel channel;

        @Override
        public void send(MetaData.Request request, MetaData.Response response, ByteBuffer content,
                         boolean lastContent, Callback callback) {
            channel.send(response, content, lastContent, callback);
        }

        @Override
        public boolean isPushSupported() {
            return false;
        }

        @Override
        public void push(MetaData.Request request) {
        }

        @Override
        public void onCompleted() {
            channel.recycle();
        }

        @Override
        public void abort(Throwable failure) {
            channel.aborted(failure);
        }
    }
}
