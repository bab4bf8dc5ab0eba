package io.novasim.http;

import io.novasim.ApiRequest;
import io.novasim.ApiResponse;
import io.novasim.NovaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network's answer is the API's answer plus only what the transport adds: two simulators of the same seed get
 * the same requests, one over a socket (read here byte by byte, without Jetty's parser), the other in memory through
 * {@link NovaSimulator#exchange}. Status and body must match (a gzipped body once unzipped), and so must the headers,
 * less those the transport adds ({@code Date}, {@code Content-Length}, {@code Transfer-Encoding}, and
 * {@code Content-Encoding} with its {@code Vary}); links name each simulator's own address.
 */
@Timeout(60)
class TransportParityTest {
    /** What Jetty and Javalin add to an answer on the way out. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("date", "content-length", "transfer-encoding",
            "content-encoding");

    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";

    private NovaSimulator network;
    private NovaSimulator memory;
    private Socket socket;
    private String token;

    @BeforeEach
    void start() throws IOException {
        // twelve servers, more than Nova's default instances quota lets one project have
        io.novasim.CloudSetup roomy = io.novasim.CloudSetup.demo().withQuotaDefaults(java.util.Map.of("instances", 20));
        network = NovaSimulator.builder().seed(7).setup(roomy).build().start();
        memory = NovaSimulator.builder().seed(7).setup(roomy).build();
        socket = new Socket("127.0.0.1", network.port());
        socket.setSoTimeout(10_000);
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        network.close();
        memory.close();
    }

    /**
     * An answer with the sender's own address shown as {base}: its status, its headers as "Name: value" less the
     * transport's, each name's values in order and the names sorted (Jetty moves Content-Type up), and its body.
     */
    private record Answer(int status, List<String> headers, String body) {
        String header(String name) {
            return headers.stream().filter(field -> field.regionMatches(true, 0, name + ": ", 0, name.length() + 2))
                    .findFirst().map(field -> field.substring(name.length() + 2)).orElse(null);
        }
    }

    private Answer both(String method, String target, Map<String, String> headers, String body) throws IOException {
        Network overNetwork = overNetwork(method, target, headers, body);
        if (overNetwork.refusedByTransport()) {
            return overNetwork.answer(); // Jetty refused the target before any API saw it
        }
        ApiRequest.Built request = ApiRequest.of(method, target);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            request = request.header(header.getKey(), header.getValue());
        }
        if (body != null) {
            request = request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        ApiResponse local = memory.exchange(request);
        String localBody = local.text();
        if (method.equals("HEAD")) {
            assertThat(overNetwork.answer().body()).as("a HEAD answer has no body on the wire").isEmpty();
            localBody = ""; // the transport leaves out the body of a HEAD answer
        }
        List<String> fields = new ArrayList<>();
        local.headers().forEach(header -> fields.add(header.name() + ": " + header.value()));
        assertThat(fields).as("the API adds no transport header").noneMatch(TransportParityTest::transport);
        // A simulator not started is reached at its builder's address: 127.0.0.1, port 8774 for a free port.
        Answer inMemory = normalise("127.0.0.1:8774", local.status(), fields, localBody);
        assertThat(inMemory).as(method + " " + target).isEqualTo(overNetwork.answer());
        return inMemory;
    }

    private static boolean transport(String field) {
        return TRANSPORT_HEADERS.contains(field.substring(0, field.indexOf(':')).toLowerCase(java.util.Locale.ROOT));
    }

    private Answer both(String method, String target, String body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (token != null) {
            headers.put("X-Auth-Token", token);
        }
        return both(method, target, headers, body);
    }

    private static Answer normalise(String base, int status, List<String> fields, String body) {
        List<String> headers = new ArrayList<>();
        for (String field : fields) {
            headers.add(field.replace(base, "{base}"));
        }
        // Sorted by name, keeping each name's values in order: a stable sort on the name alone.
        headers.sort(java.util.Comparator.comparing(field -> field.substring(0, field.indexOf(':'))
                .toLowerCase(java.util.Locale.ROOT)));
        return new Answer(status, headers, body.replace(base, "{base}"));
    }

    /** An answer over the network, and whether the transport itself refused the request. */
    private record Network(Answer answer, boolean refusedByTransport) {
    }

    /** The request, written to a socket; the answer read as a client would, by hand. */
    private Network overNetwork(String method, String target, Map<String, String> headers, String body)
            throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(network.baseUri().getAuthority()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null || !"GET".equals(method) && !"HEAD".equals(method)) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        List<String> fields = new ArrayList<>();
        long length = -1;
        boolean chunked = false;
        boolean gzip = false;
        boolean dated = false;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Content-Encoding")) {
                gzip = value.equalsIgnoreCase("gzip");
            } else if (name.equalsIgnoreCase("Date")) {
                dated = value.matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
            }
            if (!transport(name + ":") && !(gzip && name.equalsIgnoreCase("Vary")
                    && value.equalsIgnoreCase("Accept-Encoding"))) {
                fields.add(name + ": " + value);
            }
        }

        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        if ("HEAD".equals(method) || status == 204 || status == 304) {
            length = 0;
        }
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).trim(), 16)) {
                answer.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (length >= 0) {
            answer.write(in.readNBytes((int) length));
        } else {
            answer.write(in.readAllBytes());
        }
        boolean closed = fields.contains("Connection: close");
        fields.remove("Connection: close");
        if (closed) {
            socket.close();
            socket = new Socket("127.0.0.1", network.port());
            socket.setSoTimeout(10_000);
        }
        byte[] bytes = answer.toByteArray();
        if (gzip) {
            bytes = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        // Jetty's own 400 for a target it will not take: an HTML page, and the connection closed.
        boolean refused = status == 400 && closed && !text.startsWith("{");
        assertThat(dated || refused).as("Jetty dates every answer it lets through").isTrue();
        return new Network(normalise(network.baseUri().getAuthority(), status, fields, text), refused);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed mid-line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private void logIn() throws IOException {
        logIn("demo", "demo");
    }

    private void logIn(String user, String project) throws IOException {
        Answer tokens = both("POST", "/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                 "domain": {"name": "Default"}, "password": "secret"}}},
                 "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}""".formatted(user, project));
        assertThat(tokens.status()).isEqualTo(201);
        token = tokens.header("X-Subject-Token");
    }

    private String create(String name) throws IOException {
        Answer created = both("POST", "/v2.1/servers", """
                {"server": {"name": "%s", "imageRef": "%s", "flavorRef": "1"}}""".formatted(name, IMAGE));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        return Client.JSON.readTree(created.body()).at("/server/id").asText();
    }

    @Test
    void answersAsTheNetworkDoes() throws IOException {
        both("GET", "/v2.1/", null);
        both("GET", "/v2.1/servers", null); // no token: 401
        logIn();
        both("GET", "/v2.1/servers", null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(create("node-" + i));
        }
        network.control().runUntilIdle();
        memory.control().runUntilIdle();
        Answer detail = both("GET", "/v2.1/servers/detail", null);
        // Jetty holds back writes of up to 8 KiB: a shorter answer has a length, a longer one is chunked, also when
        // it fits Jetty's 32 KiB buffer.
        assertThat(detail.body().length()).isBetween(8 * 1024 + 1, 32 * 1024);
        both("GET", "/v2.1/servers/" + ids.get(0), null);
        both("GET", "/v2.1/servers?limit=2&name=node", null);
        assertThat(both("POST", "/v2.1/servers/" + ids.get(1) + "/action", "{\"reboot\": {\"type\": \"SOFT\"}}")
                .status()).isEqualTo(202);
        both("POST", "/v2.1/servers/" + ids.get(1) + "/action", "{\"reboot\": {\"type\": \"SOFT\"}}"); // 409
        both("POST", "/v2.1/servers/" + ids.get(2) + "/action", "{\"reboot\": "); // not JSON
        both("PUT", "/v2.1/servers/" + ids.get(3), "{\"server\": {\"name\": \"renamed\"}}");
        assertThat(both("DELETE", "/v2.1/servers/" + ids.get(4), null).status()).isEqualTo(204);
        both("GET", "/v2.1/nothing-here", null);
        both("PATCH", "/v2.1/servers", "{}");
        both("PROPFIND", "/v2.1/servers", null); // a method no web framework knows: Nova's 404 all the same
        both("TRACE", "/v2.1/servers", null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        headers.put("x-auth-token", token);
        headers.put("OpenStack-API-Version", "compute 2.79");
        both("GET", "/v2.1/servers/" + ids.get(5), headers, null);
        headers.put("Content-Type", "text/plain");
        both("POST", "/v2.1/servers/" + ids.get(5) + "/action", headers, "{\"os-stop\": null}");
        headers.put("Content-Type", "application/json");
        headers.put("Accept-Encoding", "gzip");
        both("GET", "/v2.1/servers/detail", headers, null);
        headers.remove("Accept-Encoding");
        headers.put("X-Odd", "  spaced  value ");
        both("GET", "/v2.1/servers/" + ids.get(6), headers, null);
        headers.remove("X-Odd");
        both("POST", "/v2.1/servers", headers, "{\"server\": {\"name\": \"" + "x".repeat(40_000) + "\"}}");
        both("HEAD", "/v2.1/servers", headers, null);
        both("GET", "/v2.1/servers/detail?all_tenants=1&limit=3", headers, null);
        headers.put("Connection", "close");
        both("GET", "/v2.1/servers/" + ids.get(7), headers, null);
    }

    @Test
    void everyApiAnswersAsTheNetworkDoes() throws IOException {
        for (String path : List.of("/", "/identity", "/identity/v3/", "/v2.1", "/v2.1/", "/network/", "/volume/",
                "/image/", "/nowhere")) {
            both("GET", path, null);
        }
        both("POST", "/identity/v3/auth/tokens", "{\"auth\": {}}");
        both("POST", "/identity/v3/auth/tokens", "not json");
        logIn();
        Map<String, String> validate = new LinkedHashMap<>();
        validate.put("X-Auth-Token", token);
        validate.put("X-Subject-Token", token);
        both("GET", "/identity/v3/auth/tokens", validate, null);
        String server = create("web");
        network.control().runUntilIdle();
        memory.control().runUntilIdle();
        for (String path : List.of("/v2.1/flavors", "/v2.1/flavors/detail", "/v2.1/flavors/1",
                "/v2.1/flavors/1/os-extra_specs", "/v2.1/os-keypairs", "/v2.1/servers/" + server + "/ips",
                "/v2.1/servers/" + server + "/os-interface", "/v2.1/servers/" + server + "/os-instance-actions",
                "/v2.1/servers/" + server + "/os-volume_attachments", "/v2.1/servers/no-such-server",
                "/network/v2.0/networks", "/network/v2.0/subnets", "/network/v2.0/ports", "/network/v2.0/extensions",
                "/image/v2/images", "/image/v2/images?limit=1")) {
            both("GET", path, null);
        }
        both("POST", "/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"k1\"}}");
        both("GET", "/v2.1/os-keypairs/k1", null);
        both("POST", "/v2.1/servers/" + server + "/action", "{\"os-stop\": null}");
        both("POST", "/v2.1/servers/" + server + "/action", "{\"no-such-action\": null}");
        both("POST", "/v2.1/servers", "{\"server\": {}}");
        both("POST", "/network/v2.0/ports", "{\"port\": {\"name\": \"p\"}}");
        Answer project = both("GET", "/identity/v3/auth/tokens", validate, null);
        String projectId = Client.JSON.readTree(project.body()).at("/token/project/id").asText();
        both("GET", "/volume/v3/" + projectId + "/volumes/detail", null);
        both("POST", "/volume/v3/" + projectId + "/volumes", "{\"volume\": {\"size\": 1, \"name\": \"v\"}}");
        both("GET", "/__sim/v1/clock", null); // not an admin
        both("DELETE", "/identity/v3/auth/tokens", validate, null);
        both("GET", "/v2.1/servers", null); // the token is gone
        logIn("admin", "admin");
        both("GET", "/__sim/v1/clock", null);
        both("GET", "/__sim/v1/settings", null);
        both("GET", "/__sim/v1/faults", null);
        both("POST", "/__sim/v1/clock/advance", "{\"seconds\": 30}");
        both("POST", "/__sim/v1/faults", "{\"nonsense\": true}");
        both("GET", "/v2.1/servers/detail?all_tenants=1", null);
        both("PUT", "/v2.1/os-keypairs", "{}");
        // Targets the parser or the URI checks refuse, or that need decoding.
        for (String odd : List.of("/v2.1/servers/%zz", "/v2.1/servers/%41", "/v2.1/servers/../flavors",
                "/v2.1//servers", "/v2.1/./servers", "/v2.1/servers?name=a%20b", "/v2.1/servers/a;b",
                "/v2.1/servers/%2F", "/v2.1/servers/\u00e9", "/v2.1/servers/{x}", "/v2.1/servers#frag")) {
            both("GET", odd, null);
        }
        both("GET", "/v2.1/servers", null); // and on as before
    }
}
