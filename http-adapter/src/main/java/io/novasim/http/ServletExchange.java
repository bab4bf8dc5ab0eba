package io.novasim.http;

import jakarta.servlet.ReadListener;
import org.eclipse.jetty.http.MimeTypes;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A plain request handed straight to Javalin's servlet, without Jetty: the request and the response are plain
 * objects of this class, and the answer is what Jetty would have sent for it. What Jetty adds is added here as it
 * does: the {@code Date} first, the handlers' headers in their order (a header set again keeps its place), then the
 * body's length, or chunking for an answer longer than Jetty holds back ({@code aggregation} bytes; Javalin writes
 * an answer in pieces one byte longer than that, so a longer answer is chunked from its first piece).
 *
 * <p>Only requests whose answer is written that way come here: {@link LocalHttp} sends anything else (a HEAD, a
 * compressed answer, a target or header Jetty would parse or check) through Jetty. A servlet method this exchange
 * does not offer fails the request loudly rather than answering otherwise than Jetty would.
 */
final class ServletExchange {
    private final Servlet servlet;
    private final int aggregation;
    private final Supplier<String> date;

    /**
     * @param servlet     Javalin's servlet
     * @param aggregation the most bytes Jetty holds back before it commits (its output aggregation size)
     * @param date        the current {@code Date} header's value, as Jetty's server gives it
     */
    ServletExchange(Servlet servlet, int aggregation, Supplier<String> date) {
        this.servlet = servlet;
        this.aggregation = aggregation;
        this.date = date;
    }

    /**
     * An answer as Jetty would have sent it.
     *
     * @param status  the status code
     * @param headers each header as Jetty's HTTP/1.1 writer sends it, in order: name and value
     * @param body    the body's bytes
     */
    record Answer(int status, List<String[]> headers, byte[] body) {
    }

    /** The answer to one request: status, headers as sent (name, value) in order, body. */
    Answer exchange(String method, String path, String query, String host,
                                    Map<String, String> headers, byte[] body, boolean sized) {
        Request request = new Request(method, path, query, host, headers, body, sized);
        Response response = new Response(date.get());
        try {
            servlet.service(request, response);
        } catch (ServletException | IOException e) {
            throw new IllegalStateException("the simulator did not answer " + method + " " + path, e);
        }
        String unsupported = request.unsupportedCall() != null ? request.unsupportedCall()
                : response.unsupportedCall();
        if (unsupported != null) {
            throw new IllegalStateException("in memory, " + method + " " + path + " called " + unsupported
                    + ", which the in-memory exchange does not offer");
        }
        return response.answer(aggregation);
    }

    /** Throws for every method: the wrappers below override those an exchange offers. */
    private static <T> T unsupported(Class<T> type, String[] called) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            throw refuse(called, type.getSimpleName() + "." + m.getName());
        }));
    }

    /** Notes the first call the exchange does not offer (the request then fails), and the exception to throw. */
    private static UnsupportedOperationException refuse(String[] called, String what) {
        if (called[0] == null) {
            called[0] = what;
        }
        return new UnsupportedOperationException(what + " in memory");
    }

    private static final class Request extends HttpServletRequestWrapper {
        private final String method;
        private final String path;
        private final String query;
        private final String host;
        /** Header values by lower-case name, names as sent in order. */
        private final Map<String, List<String>> values = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final byte[] body;
        private final Map<String, Object> attributes = new LinkedHashMap<>(8);
        private final String[] called;
        private final boolean sized;
        private String characterEncoding;
        private ServletInputStream input;

        Request(String method, String path, String query, String host, Map<String, String> headers, byte[] body,
                boolean sized) {
            this(method, path, query, host, headers, body, sized, new String[1]);
        }

        private Request(String method, String path, String query, String host, Map<String, String> headers,
                        byte[] body, boolean sized, String[] called) {
            super(ServletExchange.unsupported(HttpServletRequest.class, called));
            this.sized = sized;
            this.called = called;
            this.method = method;
            this.path = path;
            this.query = query;
            this.host = host;
            this.body = body;
            add("Host", host);
            headers.forEach(this::add);
            if (sized) {
                add("Content-Length", Integer.toString(body.length));
            }
            String type = getContentType();
            characterEncoding = type == null ? null : MimeTypes.getCharsetFromContentType(type);
        }

        private void add(String name, String value) {
            values.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> {
                names.add(name);
                return new ArrayList<>(1);
            }).add(value);
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getRequestURI() {
            return path;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer("http://").append(host).append(path);
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public String getContextPath() {
            return "";
        }

        @Override
        public String getServletPath() {
            return "";
        }

        @Override
        public String getPathInfo() {
            return path;
        }

        @Override
        public String getScheme() {
            return "http";
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getServerName() {
            int colon = host.lastIndexOf(':');
            return colon < 0 ? host : host.substring(0, colon);
        }

        @Override
        public int getServerPort() {
            int colon = host.lastIndexOf(':');
            return colon < 0 ? 80 : Integer.parseInt(host.substring(colon + 1));
        }

        @Override
        public String getHeader(String name) {
            List<String> found = values.get(name.toLowerCase(Locale.ROOT));
            return found == null ? null : found.get(0);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            List<String> found = values.get(name.toLowerCase(Locale.ROOT));
            return Collections.enumeration(found == null ? List.of() : found);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(names);
        }

        @Override
        public int getIntHeader(String name) {
            String value = getHeader(name);
            return value == null ? -1 : Integer.parseInt(value);
        }

        @Override
        public String getContentType() {
            return getHeader("Content-Type");
        }

        @Override
        public int getContentLength() {
            return sized ? body.length : -1;
        }

        @Override
        public long getContentLengthLong() {
            return getContentLength();
        }

        @Override
        public String getCharacterEncoding() {
            return characterEncoding;
        }

        @Override
        public void setCharacterEncoding(String encoding) {
            characterEncoding = encoding;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (input == null) {
                ByteArrayInputStream bytes = new ByteArrayInputStream(body);
                input = new ServletInputStream() {
                    @Override
                    public boolean isFinished() {
                        return bytes.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw refuse(called, "ServletInputStream.setReadListener");
                    }

                    @Override
                    public int read() {
                        return bytes.read();
                    }

                    @Override
                    public int read(byte[] into, int offset, int length) {
                        return bytes.read(into, offset, length);
                    }

                    @Override
                    public byte[] readAllBytes() {
                        return bytes.readAllBytes();
                    }

                    @Override
                    public int available() {
                        return bytes.available();
                    }
                };
            }
            return input;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(new ArrayList<>(attributes.keySet()));
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public boolean isAsyncStarted() {
            return false;
        }

        @Override
        public boolean isAsyncSupported() {
            return false;
        }

        @Override
        public jakarta.servlet.DispatcherType getDispatcherType() {
            return jakarta.servlet.DispatcherType.REQUEST;
        }

        @Override
        public String getRemoteAddr() {
            return "127.0.0.1";
        }

        String unsupportedCall() {
            return called[0];
        }
    }

    private static final class Response extends HttpServletResponseWrapper {
        private final String[] called;
        /** Header names and values, in order; a header set again keeps its first place. */
        private final List<String[]> fields = new ArrayList<>(12);
        private final Body body = new Body();
        private int status = 200;
        private String contentType;
        private String characterEncoding;

        Response(String date) {
            this(date, new String[1]);
        }

        private Response(String date, String[] called) {
            super(ServletExchange.unsupported(HttpServletResponse.class, called));
            this.called = called;
            if (date != null) {
                fields.add(new String[] {"Date", date});
            }
        }

        private int find(String name) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i)[0].equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** As Jetty's fields do: the first of the name takes the value in its place, the others go. */
        private void put(String name, String value) {
            int first = find(name);
            if (value == null) {
                fields.removeIf(field -> field[0].equalsIgnoreCase(name));
                return;
            }
            if (first < 0) {
                fields.add(new String[] {name, value});
                return;
            }
            fields.set(first, new String[] {fields.get(first)[0], value});
            for (int i = fields.size() - 1; i > first; i--) {
                if (fields.get(i)[0].equalsIgnoreCase(name)) {
                    fields.remove(i);
                }
            }
        }

        private boolean special(String name, String value) {
            if (name.equalsIgnoreCase("Content-Type")) {
                setContentType(value);
                return true;
            }
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
                throw refuse(called, "HttpServletResponse.setHeader(" + name + ")");
            }
            return false;
        }

        @Override
        public void setStatus(int code) {
            status = code;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void setHeader(String name, String value) {
            if (!special(name, value)) {
                put(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!special(name, value) && value != null) {
                fields.add(new String[] {name, value});
            }
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, Integer.toString(value));
        }

        @Override
        public boolean containsHeader(String name) {
            return find(name) >= 0;
        }

        @Override
        public String getHeader(String name) {
            int at = find(name);
            return at < 0 ? null : fields.get(at)[1];
        }

        @Override
        public Collection<String> getHeaders(String name) {
            List<String> found = new ArrayList<>(1);
            for (String[] field : fields) {
                if (field[0].equalsIgnoreCase(name)) {
                    found.add(field[1]);
                }
            }
            return found;
        }

        @Override
        public Collection<String> getHeaderNames() {
            List<String> found = new ArrayList<>(fields.size());
            for (String[] field : fields) {
                if (!found.contains(field[0])) {
                    found.add(field[0]);
                }
            }
            return found;
        }

        /** The type as given, as {@code Replies.contentType} keeps it in Jetty's fields; its charset is noted. */
        @Override
        public void setContentType(String type) {
            contentType = type;
            put("Content-Type", type);
            characterEncoding = type == null ? null : MimeTypes.getCharsetFromContentType(type);
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        /** Jetty's: the type's charset, else the one Jetty assumes or infers for the type, else ISO-8859-1. */
        @Override
        public String getCharacterEncoding() {
            if (characterEncoding != null) {
                return characterEncoding;
            }
            String assumed = MimeTypes.getCharsetAssumedFromContentType(contentType);
            if (assumed != null) {
                return assumed;
            }
            String inferred = MimeTypes.getCharsetInferredFromContentType(contentType);
            return inferred != null ? inferred : "iso-8859-1";
        }

        @Override
        public void setCharacterEncoding(String encoding) {
            throw refuse(called, "HttpServletResponse.setCharacterEncoding");
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return body;
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public int getBufferSize() {
            return 32_768;
        }

        String unsupportedCall() {
            return called[0];
        }

        Answer answer(int aggregation) {
            List<String[]> headers = new ArrayList<>(fields.size() + 1);
            headers.addAll(fields);
            boolean bodiless = status < 200 || status == 204 || status == 304;
            if (!bodiless) {
                headers.add(body.length > aggregation ? new String[] {"Transfer-Encoding", "chunked"}
                        : new String[] {"Content-Length", Integer.toString(body.length)});
            }
            return new Answer(status, headers, bodiless ? new byte[0]
                    : Arrays.copyOf(body.bytes, body.length));
        }
    }

    /** The body, as written. */
    private static final class Body extends ServletOutputStream {
        private byte[] bytes = new byte[2048];
        private int length;

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("ServletOutputStream.setWriteListener in memory");
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] from, int offset, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(from, offset, bytes, length, count);
            length += count;
        }
    }

}
