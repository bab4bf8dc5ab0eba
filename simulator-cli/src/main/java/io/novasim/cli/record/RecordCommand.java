package io.novasim.cli.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.novasim.cli.Version;
import io.novasim.RecordedRequest;
import io.novasim.http.support.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code novasim record}: reads the request journal of a running {@code novasim serve} through its control plane and
 * writes it as a scenario file, so that what a real client did can be replayed with {@code novasim run} and shared.
 * Exit codes: 0 written, 1 the simulator could not be reached or read (or the file written), 2 usage error.
 */
@Command(name = "record", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = "Write the requests a running simulator received as a scenario file, to replay with "
                + "'novasim run'.")
public final class RecordCommand implements Callable<Integer> {
    static final int EXIT_FAILED = 1;
    private static final String CONTROL = "/__sim/v1";

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8774", paramLabel = "URL",
            description = "Where the simulator serves. Default: ${DEFAULT-VALUE}.")
    String url;

    @Option(names = "--control-token", paramLabel = "TOKEN",
            description = "The control token the simulator was started with, instead of an admin's password.")
    String controlToken;

    @Option(names = "--user", paramLabel = "NAME",
            description = "An admin to read the control plane as. Default: admin (the built-in admin).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "That admin's password. Default: secret (the built-in admin's).")
    String password;

    @Option(names = "--project", paramLabel = "NAME",
            description = "The project in which that user is an admin. Default: admin.")
    String project;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The scenario file to write. Default: standard output.")
    Path output;

    @Option(names = "--since", paramLabel = "SEQUENCE", defaultValue = "1",
            description = "The first journal sequence number to write; the replay still starts from a fresh world. "
                    + "Default: ${DEFAULT-VALUE} (all).")
    long since;

    /** Made when the command runs, not when picocli builds the command tree for another subcommand. */
    private HttpClient http;

    /** Why recording stopped, as the one line to print. */
    static final class RecordingFailed extends Exception {
        RecordingFailed(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        URI base = checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            Recording recording = read(base);
            String scenario = ScenarioWriter.write(recording);
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(scenario);
                out.flush();
            } else {
                try {
                    Files.writeString(output, scenario);
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new RecordingFailed("cannot write " + output + ": no such directory");
                } catch (java.nio.file.AccessDeniedException e) {
                    throw new RecordingFailed("cannot write " + output + ": permission denied");
                } catch (IOException e) {
                    throw new RecordingFailed("cannot write " + output + ": " + e.getMessage());
                }
                long requests = recording.requests().stream().filter(r -> r.sequence() >= since).count();
                err.println("novasim record: wrote " + requests + (requests == 1 ? " request" : " requests")
                        + " to " + output + "; replay it with: novasim run " + output);
            }
            for (String warning : ScenarioWriter.warnings(recording)) {
                err.println("novasim record: warning: " + warning);
            }
            err.flush();
            return 0;
        } catch (RecordingFailed failed) {
            err.println("novasim record: " + failed.getMessage());
            err.flush();
            return EXIT_FAILED;
        }
    }

    /** Checks picocli cannot express, reported as usage errors (exit code 2); the base URL without a final slash. */
    private URI checkOptions() {
        URI base;
        try {
            base = URI.create(url.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--url is not a URL: " + url);
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--url must be http://HOST:PORT, not " + url);
        }
        if (controlToken != null && (user != null || password != null || project != null)) {
            throw new ParameterException(spec.commandLine(),
                    "give --control-token or --user/--password/--project, not both");
        }
        if (since < 1) {
            throw new ParameterException(spec.commandLine(), "--since is a journal sequence number, 1 or more");
        }
        return base;
    }

    private Recording read(URI base) throws RecordingFailed {
        String token = controlToken != null ? controlToken : login(base);
        JsonNode settings = control(base, token, "/settings");
        JsonNode journal = control(base, token, "/requests");
        // Made here, not when picocli builds the command tree for every subcommand: it starts Jackson.
        // A newer simulator may know fields and refusal ids this one does not: they are read as absent.
        ObjectReader reader = io.novasim.http.control.ControlJson.MAPPER.readerFor(RecordedRequest.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        List<RecordedRequest> requests = new ArrayList<>();
        for (JsonNode request : journal.path("requests")) {
            try {
                requests.add(reader.readValue(request));
            } catch (IOException e) {
                throw new RecordingFailed(base + " answered a journal entry novasim record cannot read: " + request);
            }
        }
        List<String> notes = new ArrayList<>();
        JsonNode history = null;
        HttpResponse<String> snapshot = get(base, CONTROL + "/snapshot", token);
        if (snapshot.statusCode() == 200) {
            history = parse(base, snapshot).path("history");
        } else {
            notes.add("the control plane's history could not be read (GET " + CONTROL + "/snapshot: "
                    + snapshot.statusCode() + " " + faultMessage(snapshot) + "), so fault rules, forced states and "
                    + "releases are not in this file");
        }
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new Recording(base, now, settings.path("seed").asLong(1), Instant.parse(settings.path("began").asText()),
                settings.path("clock_speed").asDouble(), requests, journal.path("dropped").asLong(), history, since,
                notes);
    }

    /** A Keystone token of the admin, scoped to its project. */
    private String login(URI base) throws RecordingFailed {
        String name = user == null ? "admin" : user;
        String scope = project == null ? "admin" : project;
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode login = identity.putObject("password").putObject("user");
        login.put("name", name).put("password", password == null ? "secret" : password);
        login.putObject("domain").put("name", "Default");
        auth.putObject("scope").putObject("project").put("name", scope).putObject("domain").put("name", "Default");
        HttpResponse<String> response = send(base, HttpRequest.newBuilder(URI.create(base
                        + "/identity/v3/auth/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
        String token = response.headers().firstValue("X-Subject-Token").orElse(null);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new RecordingFailed(base + " refused user '" + name + "' in project '" + scope + "' ("
                    + response.statusCode() + " " + faultMessage(response) + "): give an admin's --user and "
                    + "--password, or --control-token");
        }
        if (response.statusCode() != 201 || token == null) {
            throw new RecordingFailed(base + " is not a novasim simulator, or not one this version knows: POST "
                    + "/identity/v3/auth/tokens answered " + response.statusCode());
        }
        return token;
    }

    /** A control-plane route's JSON, or a failure that says why it was refused. */
    private JsonNode control(URI base, String token, String route) throws RecordingFailed {
        HttpResponse<String> response = get(base, CONTROL + route, token);
        switch (response.statusCode()) {
            case 200:
                return parse(base, response);
            case 401:
                throw new RecordingFailed(base + " refused the " + (controlToken != null ? "control token"
                        : "token of user '" + (user == null ? "admin" : user) + "'") + " (401): is it the one "
                        + "the simulator was started with?");
            case 403:
                throw new RecordingFailed(base + " refused user '" + (user == null ? "admin" : user) + "' the "
                        + "control plane (403): it needs an admin (a user with the admin role in --project), or "
                        + "--control-token");
            default:
                throw new RecordingFailed(base + " has no novasim control plane, or not one this version knows: GET "
                        + CONTROL + route + " answered " + response.statusCode());
        }
    }

    private HttpResponse<String> get(URI base, String path, String token) throws RecordingFailed {
        return send(base, HttpRequest.newBuilder(URI.create(base + path)).header("X-Auth-Token", token)
                .header("Accept", "application/json").GET());
    }

    private HttpResponse<String> send(URI base, HttpRequest.Builder request) throws RecordingFailed {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RecordingFailed("cannot reach a simulator at " + base + ": " + unreachable(e)
                    + " (is novasim serve running there? --url says where)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordingFailed("interrupted while reading " + base);
        }
    }

    /** Why a connection failed, in words: the JDK's exceptions often carry no message. */
    private static String unreachable(IOException e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no connection within 5 seconds";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within 60 seconds";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
        }
        return e.getMessage() != null ? e.getMessage() : "the connection failed";
    }

    private static JsonNode parse(URI base, HttpResponse<String> response) throws RecordingFailed {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new RecordingFailed(base + " answered " + response.request().uri().getPath() + " with no JSON");
        }
    }

    /** The message of a Keystone or Nova fault body, or the status alone. */
    private static String faultMessage(HttpResponse<String> response) {
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            JsonNode fault = body != null && body.size() == 1 ? body.elements().next() : null;
            return fault == null ? "" : fault.path("message").asText("");
        } catch (IOException notJson) {
            return "";
        }
    }
}
