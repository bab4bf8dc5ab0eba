package io.novasim.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Jetty's in-memory connector, run in the caller's thread: the connection is opened and the request parsed, routed
 * and answered by the thread that sends it, with no acceptor or pool thread in between. Two thread hand-offs per
 * request would cost more than the request itself.
 */
final class InlineConnector extends LocalConnector {

    InlineConnector(Server server, HttpConnectionFactory http) {
        super(server, Runnable::run, null, null, 0, http);
    }

    /**
     * One request on a fresh connection, answered before this returns.
     *
     * @param request the raw request, head and body
     * @param head    whether it is a HEAD request (whose answer has no body)
     * @return the raw answer
     */
    ByteBuffer exchange(ByteBuffer request, boolean head) throws Exception {
        LocalEndPoint endPoint = new LocalEndPoint();
        endPoint.addInput(request);
        Connection connection = getDefaultConnectionFactory().newConnection(this, endPoint);
        endPoint.setConnection(connection);
        endPoint.onOpen();
        onEndPointOpened(endPoint);
        connection.onOpen();
        return endPoint.waitForResponse(head, 30, TimeUnit.SECONDS);
    }
}
