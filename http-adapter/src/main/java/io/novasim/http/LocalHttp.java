package io.novasim.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpTester;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP/1.1 exchanges with a running simulator in memory: the same routes and answers as over the network, without a
 * socket, a client library or a thread hand-off: the calling thread runs the request itself. A scenario run sends its
 * 100 000 requests this way. A plain request (a method with or without a body, a path with nothing to decode, headers
 * that only the request's handler reads, no compressed answer accepted) goes straight to Javalin's servlet
 * ({@link ServletExchange}); any other goes as bytes on one kept-alive connection, through Jetty's parser. Every way gives the network's answer, header for header ({@code LocalHttpTest}). Threads
 * may share it.
 */
public final class LocalHttp {
    private static final Set<String> PLAIN_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    /** Headers a connection, not a request's handler, acts on (lower case). */
    private static final Set<String> CONNECTION_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "keep-alive", "proxy-connection", "expect", "upgrade", "http2-settings", "te", "trailer");
    private final InlineConnector connector;
    private final String host;
    /**
     * Plain requests whose answer is not compressed skip Jetty: they go straight to Javalin's servlet. Null when Jetty
     * writes headers of its own (a server version, X-Powered-By), which only its writer adds.
     */
    private final ServletExchange direct;

    private LocalHttp(InlineConnector connector, String host, ServletExchange direct) {
        this.connector = connector;
        this.host = host;
        this.direct = direct;
    }

    /**
     * Adds an in-memory connector to a started Jetty server, speaking with the configuration of its first (network)
     * connector, so answers are the same bytes.
     *
     * @param jetty   the simulator's started server
     * @param servlet the servlet it serves (Javalin's), which plain requests go to directly
     * @param host    the {@code Host} header to send, so links in answers name the simulator's network address
     * @return a sender through it
     */
    public static LocalHttp attach(org.eclipse.jetty.server.Server jetty, jakarta.servlet.Servlet servlet,
                                   String host) {
        org.eclipse.jetty.server.HttpConfiguration http = jetty.getConnectors()[0]
                .getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class).getHttpConfiguration();
        InlineConnector connector = new InlineConnector(jetty, new org.eclipse.jetty.server.HttpConnectionFactory(http));
        // Added last: Javalin takes the first connector for the network one.
        jetty.addConnector(connector);
        try {
            connector.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-memory connector", e);
        }
        boolean plainWriter = !http.getSendServerVersion() && !http.getSendXPoweredBy();
        ServletExchange direct = new ServletExchange(servlet, http.getOutputAggregationSize(),
                () -> http.getSendDateHeader() ? jetty.getDateField().getValue() : null);
        return new LocalHttp(connector, host, plainWriter ? direct : null);
    }

    /**
     * An answer: its status, headers (names as sent, in order) and body.
     *
     * @param status  the status code
     * @param headers each header's values, by name as the server wrote it
     * @param body    the body, decoded as UTF-8
     */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        /**
         * The first value of a header, whatever the case of its name.
         *
         * @param name e.g. {@code Content-Type}
         * @return the value, or empty when absent
         */
        public Optional<String> header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue().stream().findFirst();
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Sends one request and waits for its whole answer.
     *
     * @param method  e.g. {@code POST}
     * @param target  the path and query, e.g. {@code /v2.1/servers?limit=2}
     * @param headers request headers (not {@code Host} or {@code Content-Length}, which are set here)
     * @param body    the body, or null for none
     * @return the answer
     */
    public Response send(String method, String target, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        boolean sized = body != null || !"GET".equals(method) && !"HEAD".equals(method);
        if (direct != null && parsedAlready(method, target, headers) && !compressible(headers)) {
            int query = target.indexOf('?');
            return response(direct.exchange(method, query < 0 ? target : target.substring(0, query),
                    query < 0 ? null : target.substring(query + 1), host, headers, content, sized));
        }
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (sized) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer request = ByteBuffer.allocate(start.length + content.length).put(start).put(content).flip();
        ByteBuffer raw;
        try {
            raw = connector.exchange(request, "HEAD".equals(method));
        } catch (Exception e) {
            throw new IllegalStateException("the simulator did not answer " + method + " " + target, e);
        }
        if (raw == null) {
            throw new IllegalStateException("the simulator did not answer " + method + " " + target);
        }
        // Read back as written: Jetty's parser would otherwise give the spelling of its own copy of a common header
        // whose value differs only in case (text/html;charset=iso-8859-1 comes back as ...ISO-8859-1).
        HttpTester.Response parsed = new HttpTester.Response();
        HttpParser parser = new HttpParser(parsed);
        parser.setHeaderCacheCaseSensitive(true);
        parser.parseNext(raw);
        Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
        for (HttpField field : parsed) {
            answerHeaders.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        byte[] answer = parsed.getContentBytes();
        return new Response(parsed.getStatus(), answerHeaders, answer == null ? ""
                : new String(answer, StandardCharsets.UTF_8));
    }

    private static Response response(ServletExchange.Answer answer) {
        Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
        for (String[] field : answer.headers()) {
            answerHeaders.computeIfAbsent(field[0], name -> new ArrayList<>(1)).add(field[1]);
        }
        return new Response(answer.status(), answerHeaders, new String(answer.body(), StandardCharsets.UTF_8));
    }

    /** Whether the client accepts a compressed answer, which Javalin may then write in pieces of its own. */
    private static boolean compressible(Map<String, String> headers) {
        for (String name : headers.keySet()) {
            if (name.equalsIgnoreCase("Accept-Encoding")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether Jetty's parser would give this request as it is written, leaving nothing to a connection: a method
     * with a body or none (not HEAD, whose answer a connection cuts), a plain path, and headers of plain names and
     * values, none of those a connection acts on. Anything else goes as bytes, through the parser.
     */
    private static boolean parsedAlready(String method, String target, Map<String, String> headers) {
        if (!PLAIN_METHODS.contains(method) || !plainTarget(target)) {
            return false;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            if (name.isEmpty() || !token(name) || CONNECTION_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                    || value.isEmpty() || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' '
                    || !printable(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A path (and query) with nothing to decode or resolve: no escapes, no {@code .} or {@code ..} segment, no empty
     * one, no parameters or fragment. What else a client may send goes through the parser and the URI checks.
     */
    private static boolean plainTarget(String target) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return false;
        }
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (path.contains("//") || path.contains("/./") || path.contains("/../") || path.endsWith("/.")
                || path.endsWith("/..")) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~/?=&,:@+!$'()*".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean token(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~"
                    .indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
