package io.novasim.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Jetty's in-memory connector, run in the caller's thread: the request is routed and answered by the thread that
 * sends it, with no acceptor or pool thread in between. Two thread hand-offs, or a new connection, per request would
 * cost more than the request itself. One request at a time: raw HTTP/1.1 written to one kept-alive connection, which
 * Jetty parses and answers as it does a socket's.
 */
final class InlineConnector extends LocalConnector {
    private LocalEndPoint endPoint;

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
}
