package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.ApiRequest;
import io.novasim.ApiResponse;
import io.novasim.CloudSetup;
import io.novasim.NovaSimulator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore loses nothing and keeps nothing it should not: random requests, a snapshot, more random requests, a
 * restore; then every GET of every API answers exactly as it did when the snapshot was taken (the same status, body
 * and headers, but the request ids each answer has anew), for each user of the demo world.
 */
class SnapshotRestoreProperties {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final String PRIVATE_NETWORK = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";
    private static final List<String> USERS = List.of("demo", "alt", "admin");

    /** One random request: which user sends it, and which of the world's resources it picks (by index). */
    record Step(int kind, int user, int pick, int other, int number) {
        @Override
        public String toString() {
            return KINDS.get(kind) + "(user " + user + ", pick " + pick + ", other " + other + ", " + number + ")";
        }
    }

    private static final List<String> KINDS = List.of("create-server", "multi-create", "server-action",
            "update-server", "delete-server", "create-keypair", "delete-keypair", "create-port", "delete-port",
            "attach-interface", "detach-interface", "create-volume", "delete-volume", "attach-volume",
            "detach-volume", "lock", "advance", "add-fault", "remove-fault", "tag-less-update", "set-metadata",
            "delete-metadata", "tag");

    private static final List<String> ACTIONS = List.of("{\"os-stop\": null}", "{\"os-start\": null}",
            "{\"reboot\": {\"type\": \"SOFT\"}}", "{\"reboot\": {\"type\": \"HARD\"}}", "{\"pause\": null}",
            "{\"unpause\": null}", "{\"suspend\": null}", "{\"resume\": null}", "{\"rescue\": null}",
            "{\"unrescue\": null}", "{\"shelve\": null}", "{\"unshelve\": null}", "{\"unlock\": null}");

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, KINDS.size() - 1),
                Arbitraries.integers().between(0, USERS.size() - 1), Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 1000)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 60)
    void everyGetAnswersAsAtTheSnapshot(@ForAll("steps") List<Step> before, @ForAll("steps") List<Step> after)
            throws IOException {
        try (NovaSimulator sim = NovaSimulator.builder().seed(11).controlToken("control").build()) {
            World world = new World(sim);
            before.forEach(world::run);
            String snapshot = world.control("GET", "/__sim/v1/snapshot", null).text();
            List<String[]> gets = world.everyGet();
            Map<String, String> atSnapshot = world.answers(gets);

            after.forEach(world::run);
            ApiResponse restored = world.control("POST", "/__sim/v1/restore", snapshot);
            assertThat(restored.status()).as(restored.text()).isEqualTo(200);

            Map<String, String> atRestore = world.answers(gets);
            atSnapshot.forEach((request, answer) ->
                    assertThat(atRestore.get(request)).as(request).isEqualTo(answer));
        }
    }

    /** The simulator, its users' tokens, and what the requests so far created (ids that may since be gone). */
    private static final class World {
        private final NovaSimulator sim;
        private final Map<String, String> tokens = new LinkedHashMap<>();
        private final List<String> servers = new ArrayList<>();
        private final List<String> ports = new ArrayList<>();
        private final List<String> volumes = new ArrayList<>();
        private final List<String> keypairs = new ArrayList<>();
        private final List<String> faults = new ArrayList<>();

        World(NovaSimulator sim) {
            this.sim = sim;
            for (String user : USERS) {
                String project = user.equals("admin") ? "admin" : user;
                ApiResponse token = sim.exchange(ApiRequest.of("POST", "/identity/v3/auth/tokens").json("""
                        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                         "domain": {"name": "Default"}, "password": "secret"}}},
                         "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}"""
                        .formatted(user, project)));
                tokens.put(user, token.header("X-Subject-Token"));
            }
            for (JsonNode volume : json(send("demo", "GET", "/volume/v3/" + CloudSetup.DEMO_PROJECT
                    + "/volumes", null)).path("volumes")) {
                volumes.add(volume.path("id").asText());
            }
        }

        private static String pick(List<String> ids, int index) {
            return ids.isEmpty() ? "none" : ids.get(index % ids.size());
        }

        void run(Step step) {
            String user = USERS.get(step.user());
            String server = pick(servers, step.pick());
            switch (KINDS.get(step.kind())) {
                case "create-server" -> created(servers, send(user, "POST", "/v2.1/servers", """
                        {"server": {"name": "s%d", "imageRef": "%s", "flavorRef": "1", "metadata": {"k": "%d"},
                         "key_name": %s}}""".formatted(step.number(), IMAGE, step.other(),
                        step.other() % 3 == 0 && !keypairs.isEmpty()
                                ? "\"" + pick(keypairs, step.other()) + "\"" : "null")), "/server/id");
                case "multi-create" -> {
                    ApiResponse answer = send(user, "POST", "/v2.1/servers", """
                            {"server": {"name": "m%d", "imageRef": "%s", "flavorRef": "1", "min_count": 2,
                             "max_count": 3, "description": "d%d"}}""".formatted(step.number(), IMAGE,
                            step.other()), "2.19");
                    if (answer.status() == 202) {
                        for (JsonNode each : json(send(user, "GET", "/v2.1/servers?name=m" + step.number(),
                                null)).path("servers")) {
                            servers.add(each.path("id").asText());
                        }
                    }
                }
                case "server-action" -> send(user, "POST", "/v2.1/servers/" + server + "/action",
                        ACTIONS.get(step.other() % ACTIONS.size()));
                case "update-server" -> send(user, "PUT", "/v2.1/servers/" + server, """
                        {"server": {"name": "r%d", "description": "about %d", "hostname": "h%d"}}"""
                        .formatted(step.number(), step.other(), step.other()), "2.90");
                case "tag-less-update" -> send(user, "PUT", "/v2.1/servers/" + server, """
                        {"server": {"description": null}}""", "2.19");
                case "delete-server" -> send(user, "DELETE", "/v2.1/servers/" + server, null);
                case "set-metadata" -> send(user, step.other() % 2 == 0 ? "POST" : "PUT", "/v2.1/servers/" + server
                        + "/metadata", """
                        {"metadata": {"k%d": "v%d"}}""".formatted(step.other() % 3, step.number()));
                case "tag" -> send(user, step.other() % 2 == 0 ? "PUT" : "DELETE", "/v2.1/servers/" + server
                        + "/tags/t" + step.other() % 3, null, "2.26");
                case "delete-metadata" -> send(user, "DELETE", "/v2.1/servers/" + server + "/metadata/k"
                        + step.other() % 3, null);
                case "create-keypair" -> {
                    String name = "key-" + step.number();
                    if (send(user, "POST", "/v2.1/os-keypairs", """
                            {"keypair": {"name": "%s"}}""".formatted(name)).status() < 300) {
                        keypairs.add(name);
                    }
                }
                case "delete-keypair" -> send(user, "DELETE", "/v2.1/os-keypairs/" + pick(keypairs, step.pick()),
                        null);
                case "create-port" -> created(ports, send(user, "POST", "/network/v2.0/ports", """
                        {"port": {"network_id": "%s", "name": "p%d"}}""".formatted(PRIVATE_NETWORK,
                        step.number())), "/port/id");
                case "delete-port" -> send(user, "DELETE", "/network/v2.0/ports/" + pick(ports, step.pick()),
                        null);
                case "attach-interface" -> send(user, "POST", "/v2.1/servers/" + server + "/os-interface", """
                        {"interfaceAttachment": {"port_id": "%s"}}""".formatted(pick(ports, step.other())));
                case "detach-interface" -> send(user, "DELETE", "/v2.1/servers/" + server + "/os-interface/"
                        + pick(ports, step.other()), null);
                case "create-volume" -> created(volumes, send(user, "POST", "/volume/v3/" + project(user)
                        + "/volumes", """
                        {"volume": {"size": %d, "name": "v%d", "description": "vol %d",
                         "metadata": {"m": "%d"}}}""".formatted(1 + step.other() % 5, step.number(),
                        step.number(), step.other())), "/volume/id");
                case "delete-volume" -> send(user, "DELETE", "/volume/v3/" + project(user) + "/volumes/"
                        + pick(volumes, step.pick()), null);
                case "attach-volume" -> send(user, "POST", "/v2.1/servers/" + server + "/os-volume_attachments",
                        """
                        {"volumeAttachment": {"volumeId": "%s"}}""".formatted(pick(volumes, step.other())));
                case "detach-volume" -> send(user, "DELETE", "/v2.1/servers/" + server
                        + "/os-volume_attachments/" + pick(volumes, step.other()), null);
                case "lock" -> send(user, "POST", "/v2.1/servers/" + server + "/action", """
                        {"lock": {"locked_reason": "r%d"}}""".formatted(step.other()), "2.73");
                case "advance" -> control("POST", "/__sim/v1/clock/advance", """
                        {"seconds": %d}""".formatted(step.number() % 40));
                case "add-fault" -> {
                    String id = "f" + step.number();
                    if (control("POST", "/__sim/v1/faults", """
                            {"id": "%s", "match": {"operations": ["detach_volume", "reboot"]},
                             "effect": {"type": "fail", "message": "busy"}, "trigger": {"times": %d}}"""
                            .formatted(id, 1 + step.other() % 3)).status() == 200) {
                        faults.add(id);
                    }
                }
                case "remove-fault" -> control("DELETE", "/__sim/v1/faults/" + pick(faults, step.pick()), null);
                default -> throw new IllegalStateException(KINDS.get(step.kind()));
            }
        }

        private static String project(String user) {
            return switch (user) {
                case "demo" -> CloudSetup.DEMO_PROJECT;
                case "alt" -> CloudSetup.ALT_PROJECT;
                default -> CloudSetup.ADMIN_PROJECT;
            };
        }

        private static void created(List<String> ids, ApiResponse answer, String pointer) {
            if (answer.status() < 300) {
                ids.add(json(answer).at(pointer).asText());
            }
        }

        /**
         * Every GET of every API, as each user sees it: lists, and each resource the requests ever created (gone
         * ones too: their 404s must agree), as {user, path}; "control" for the control plane.
         */
        List<String[]> everyGet() {
            List<String> paths = new ArrayList<>(List.of("/", "/v2.1/", "/v2.1/servers", "/v2.1/servers/detail",
                    "/v2.1/servers/detail?all_tenants=1", "/v2.1/flavors/detail", "/v2.1/os-keypairs",
                    "/network/v2.0/networks", "/network/v2.0/subnets", "/network/v2.0/ports", "/image/v2/images"));
            for (String server : servers) {
                for (String tail : List.of("", "/ips", "/os-interface", "/os-volume_attachments",
                        "/os-instance-actions", "/metadata", "/metadata/k", "/tags")) {
                    paths.add("/v2.1/servers/" + server + tail);
                }
            }
            keypairs.forEach(name -> paths.add("/v2.1/os-keypairs/" + name));
            ports.forEach(port -> paths.add("/network/v2.0/ports/" + port));
            List<String[]> gets = new ArrayList<>();
            for (String user : USERS) {
                paths.forEach(path -> gets.add(new String[]{user, path}));
                gets.add(new String[]{user, "/volume/v3/" + project(user) + "/volumes/detail"});
                volumes.forEach(volume -> gets.add(new String[]{user, "/volume/v3/" + project(user) + "/volumes/"
                        + volume}));
                for (String server : servers) {
                    for (JsonNode action : json(send(user, "GET", "/v2.1/servers/" + server
                            + "/os-instance-actions", null)).path("instanceActions")) {
                        gets.add(new String[]{user, "/v2.1/servers/" + server + "/os-instance-actions/"
                                + action.path("request_id").asText()});
                    }
                }
            }
            for (String path : List.of("/__sim/v1/state", "/__sim/v1/clock", "/__sim/v1/faults",
                    "/__sim/v1/faults/fired", "/__sim/v1/settings")) {
                gets.add(new String[]{"control", path});
            }
            return gets;
        }

        /** The answers to {@code gets}: status, headers (but the request ids) and body, by user and path. */
        Map<String, String> answers(List<String[]> gets) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (String[] get : gets) {
                ApiResponse answer = get[0].equals("control") ? control("GET", get[1], null)
                        : send(get[0], "GET", get[1], null, "latest");
                answers.put(get[0] + " GET " + get[1], describe(answer));
            }
            return answers;
        }

        private static String describe(ApiResponse answer) {
            StringBuilder text = new StringBuilder().append(answer.status());
            answer.headers().stream().filter(h -> !h.name().toLowerCase().endsWith("request-id"))
                    .forEach(h -> text.append('\n').append(h.name()).append(": ").append(h.value()));
            return text.append('\n').append(answer.text()).toString();
        }

        ApiResponse send(String user, String method, String path, String body) {
            return send(user, method, path, body, null);
        }

        ApiResponse send(String user, String method, String path, String body, String microversion) {
            ApiRequest.Built request = ApiRequest.of(method, path).header("X-Auth-Token", tokens.get(user));
            if (microversion != null) {
                request = request.header("OpenStack-API-Version", "compute " + microversion);
            }
            return sim.exchange(body == null ? request : request.json(body));
        }

        ApiResponse control(String method, String path, String body) {
            ApiRequest.Built request = ApiRequest.of(method, path).header("X-Auth-Token", "control");
            return sim.exchange(body == null ? request : request.json(body));
        }

        private static JsonNode json(ApiResponse answer) {
            try {
                return Client.JSON.readTree(answer.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8)
                        : answer.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + answer, e);
            }
        }
    }
}
