package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;
import io.novasim.model.network.ServerAddress;
import io.novasim.model.server.Server;
import io.novasim.state.Cloud;
import io.novasim.state.ServerReadout;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.Networks;
import io.novasim.state.command.NewRootVolume;
import io.novasim.state.command.Perform;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.UpdateServer;
import io.novasim.state.rules.AdminPolicy;
import io.novasim.state.rules.Operation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code /servers}: create, list, detail, show, update, delete and {@code ips}. Show and detail answer in the shape of
 * the call's dialect ({@link ComputeDialect#serverShape()}), made from Nova's view.
 */
final class ServersRoutes {
    /** The fields of a create's {@code server} at 2.1 (Nova's {@code create} schema); others come and go later. */
    private static final Set<String> CREATE_KEYS = Set.of("name", "imageRef", "flavorRef", "adminPass", "metadata",
            "networks", "OS-DCF:diskConfig", "accessIPv4", "accessIPv6", "personality", "availability_zone",
            "block_device_mapping", "block_device_mapping_v2", "config_drive", "key_name", "min_count", "max_count",
            "return_reservation_id", "security_groups", "user_data");
    /** Nova's {@code parameter_types.hostname}. */
    private static final String HOSTNAME = "^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$";

    /** The fields a create may have at the call's microversion: any other is refused, as Nova's schema does. */
    private static Set<String> createKeys(Call call) {
        Set<String> keys = new java.util.HashSet<>(CREATE_KEYS);
        if (call.atLeast(19)) {
            keys.add("description");
        }
        if (call.atLeast(52)) {
            keys.add("tags");
        }
        if (call.atLeast(57)) {
            keys.remove("personality");
        }
        if (call.atLeast(63)) {
            keys.add("trusted_image_certificates");
        }
        if (call.atLeast(74)) {
            keys.add("host");
            keys.add("hypervisor_hostname");
        }
        if (call.atLeast(90)) {
            keys.add("hostname");
        }
        return keys;
    }

    /** The most servers one multi-create makes. */
    static final int MAX_COUNT = 100_000;

    private final Simulation simulation;

    ServersRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/servers", call -> list(call, false));
        api.route("GET", "/servers/detail", call -> list(call, true));
        api.route("POST", "/servers", this::create);
        api.route("GET", "/servers/{server_id}", this::show);
        api.route("PUT", "/servers/{server_id}", this::update);
        api.route("DELETE", "/servers/{server_id}", this::delete);
        api.route("GET", "/servers/{server_id}/ips", this::ips);
        api.route("GET", "/servers/{server_id}/ips/{network}", this::ipsOfNetwork);
    }

    /** Hints the scheduler here does not follow: a create naming one is answered 501, never placed as if it did not. */
    private static final Set<String> HINTS_NOT_SIMULATED = Set.of("same_host", "different_host", "query",
            "target_cell", "build_near_host_ip", "cidr", "different_cell");

    private Reply create(Call call) {
        JsonNode body = call.body();
        Schema.object(body, null);
        Schema.required(body, null, "server");
        Schema.onlyKeys(body, null, Set.of("server", "os:scheduler_hints", "OS-SCH-HNT:scheduler_hints"));
        String group = schedulerGroup(body.has("os:scheduler_hints") ? body.get("os:scheduler_hints")
                : body.get("OS-SCH-HNT:scheduler_hints"));
        JsonNode server = body.get("server");
        Schema.object(server, "server");
        Schema.onlyKeys(server, "server", createKeys(call));
        Schema.required(server, "server", "name");
        String name = Schema.string(server, "name", false, 1, 255);
        String flavorRef = lastSegment(textOrNumber(Schema.required(server, "server", "flavorRef"), "flavorRef"));
        String imageRef = server.has("imageRef") ? lastSegment(Schema.string(server, "imageRef", false, 0, 255))
                : null;
        if (imageRef != null && imageRef.isEmpty()) {
            imageRef = null;
        }
        JsonNode root = rootMapping(server);
        String bootVolume = root != null && "volume".equals(root.path("source_type").asText()) ? root.path("uuid")
                .asText(null) : null;
        NewRootVolume newRootVolume = newRootVolume(root);
        if (imageRef == null && root != null && "image".equals(root.path("source_type").asText())
                && !"volume".equals(root.path("destination_type").asText("local"))) {
            imageRef = root.path("uuid").asText(null); // an image booted as local disk through a mapping
        }
        if (call.atLeast(37) && !server.has("networks")) {
            throw Schema.fail("server", server, Refusal.Reason.REQUIRED.text("networks"));
        }
        Networks networks = networks(server.get("networks"));
        Map<String, String> metadata = server.has("metadata")
                ? MetadataSchema.items(server.get("metadata"), "metadata", 0, Integer.MAX_VALUE) : Map.of();
        String zone = Schema.string(server, "availability_zone", true, 1, 255);
        String keyName = Schema.string(server, "key_name", true, 1, 255);
        // Nova describes a server by its name until 2.19 lets the request say (servers.py, create)
        String description = call.atLeast(19) ? Schema.string(server, "description", true, 0, 255) : name;
        List<String> tags = new ArrayList<>();
        if (call.atLeast(52) && server.has("tags") && server.get("tags").isArray()) {
            server.get("tags").forEach(t -> tags.add(t.asText()));
        }

        String userData = Schema.string(server, "user_data", true, 0, 65535);
        boolean reservationOnly = Boolean.TRUE.equals(Schema.bool(server, "return_reservation_id"));
        String hostname = call.atLeast(90) ? hostname(server) : null;
        CreateServer command = new CreateServer(name, flavorRef, imageRef, bootVolume, zone == null ? "nova" : zone,
                metadata, networks, 1, keyName, userData, description, tags, hostname, newRootVolume, group);
        int[] counts = counts(server);
        command = command.between(counts[0], counts[1]).inSecurityGroups(securityGroups(server));
        Receipt receipt = simulation.cloud().execute(call.caller(), command, call.requestId());
        Server created = receipt.server();
        if (reservationOnly) {
            return Reply.json(202, Json.object("reservation_id", created.reservationId()));
        }
        Map<String, Object> view = Json.object();
        view.put("OS-DCF:diskConfig", "MANUAL");
        view.put("adminPass", receipt.adminPass());
        view.put("id", created.id());
        view.put("links", Links.of(call, "servers", created.id()));
        // Nova echoes the request's groups, as the request gave them: its ports are not made yet
        view.put("security_groups", server.has("security_groups") ? server.get("security_groups")
                : List.of(Json.object("name", "default")));
        return Reply.json(202, Json.object("server", view))
                .withHeader("Location", Links.of(call, "servers", created.id()).get(0).get("href").toString());
    }

    /** A create's {@code security_groups}: objects with a {@code name} each (an id may stand for one), in order. */
    private static List<String> securityGroups(JsonNode server) {
        JsonNode groups = server.get("security_groups");
        if (groups == null) {
            return List.of();
        }
        if (!groups.isArray()) {
            throw Schema.fail("security_groups", groups, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(groups),
                    "'array'"));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode group : groups) {
            Schema.object(group, "security_groups");
            Schema.onlyKeys(group, "security_groups", Set.of("name"));
            String name = Schema.string(group, "name", false, 1, 255);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The server group a create's scheduler hints name ({@code group}, a UUID), or null; hints the simulator's
     * scheduler does not follow are not simulated (501), others are ignored, as Nova's schema lets any through.
     */
    private static String schedulerGroup(JsonNode hints) {
        if (hints == null) {
            return null;
        }
        Schema.object(hints, "os:scheduler_hints");
        for (String hint : HINTS_NOT_SIMULATED) {
            if (hints.has(hint)) {
                throw Refusal.NOT_SIMULATED.exception("the scheduler hint", hint);
            }
        }
        return Schema.uuid(hints, "group", false);
    }

    /** A hostname as Nova's schema takes it (2.90 on), or null when the body has none. */
    static String hostname(JsonNode body) {
        if (!body.has("hostname")) {
            return null;
        }
        Schema.string(body, "hostname", false, 2, 63);
        return Schema.pattern(body, "hostname", HOSTNAME, 63);
    }

    /**
     * How many servers a create asks for: at least {@code min_count}, at most {@code max_count} (1 and min_count by
     * default); the project's quota decides how many of them it makes. The simulator refuses more than
     * {@value #MAX_COUNT} at once.
     */
    private static int[] counts(JsonNode server) {
        Integer min = Schema.integer(server, "min_count", 1);
        Integer max = Schema.integer(server, "max_count", 1);
        int atLeast = min == null ? 1 : min;
        int atMost = max == null ? atLeast : max;
        if (atLeast > atMost) {
            throw Refusal.MIN_COUNT_OVER_MAX_COUNT.exception();
        }
        if (atMost > MAX_COUNT) {
            throw Schema.fail("max_count", server.get(max == null ? "min_count" : "max_count"),
                    Refusal.Reason.ABOVE_NOVASIM_MAXIMUM.text(atMost, MAX_COUNT));
        }
        return new int[]{atLeast, atMost};
    }

    private static String textOrNumber(JsonNode value, String field) {
        if (value.isTextual() || value.isIntegralNumber()) {
            return value.asText();
        }
        throw Schema.fail(field, value, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(value), "'string', 'integer'"));
    }

    /** A reference may be a bare id or a URL ending in the id. */
    private static String lastSegment(String ref) {
        if (ref == null) {
            return null;
        }
        int slash = ref.lastIndexOf('/');
        return slash < 0 ? ref : ref.substring(slash + 1);
    }

    /** The mapping of {@code block_device_mapping_v2} the server boots from (boot index 0), or null. */
    private static JsonNode rootMapping(JsonNode server) {
        JsonNode mappings = server.get("block_device_mapping_v2");
        if (mappings == null || !mappings.isArray()) {
            return null;
        }
        for (JsonNode mapping : mappings) {
            if (mapping.path("boot_index").asText("").equals("0")) {
                return mapping;
            }
        }
        return null;
    }

    /**
     * A root volume Nova is to make: a mapping of source {@code image} or {@code blank} and destination
     * {@code volume}, as openstackclient's {@code --boot-from-volume} sends it; null for any other root.
     */
    private static NewRootVolume newRootVolume(JsonNode root) {
        if (root == null || !"volume".equals(root.path("destination_type").asText())) {
            return null;
        }
        String source = root.path("source_type").asText();
        if (!source.equals("image") && !source.equals("blank")) {
            return null;
        }
        int size = 0;
        JsonNode volumeSize = root.get("volume_size");
        if (volumeSize != null && !volumeSize.isNull()) {
            if (!volumeSize.asText().matches("[0-9]+")) {
                throw Schema.fail("volume_size", volumeSize, Refusal.Reason.NO_MATCH.text(Schema.repr(volumeSize),
                        "^[0-9]+$"));
            }
            // Nova's maximum is its database's largest integer
            size = (int) Math.min(Integer.MAX_VALUE, new java.math.BigInteger(volumeSize.asText()).min(
                    java.math.BigInteger.valueOf(Integer.MAX_VALUE)).longValue());
        }
        boolean deleteOnTermination = Boolean.TRUE.equals(Schema.bool(root, "delete_on_termination"));
        return new NewRootVolume(source.equals("image") ? root.path("uuid").asText(null) : null, size,
                deleteOnTermination);
    }

    private static Networks networks(JsonNode networks) {
        if (networks == null || networks.isNull()) {
            return Networks.AUTO;
        }
        if (networks.isTextual()) {
            return switch (networks.textValue()) {
                case "auto" -> Networks.AUTO;
                case "none" -> Networks.NONE;
                default -> throw Schema.fail("networks", networks,
                        Refusal.Reason.NOT_ONE_OF.text(Schema.repr(networks), "['none', 'auto']"));
            };
        }
        if (!networks.isArray()) {
            throw Schema.fail("networks", networks, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(networks), "'array'"));
        }
        if (networks.isEmpty()) {
            return Networks.NONE;
        }
        List<Networks.NetworkRequest> requests = new ArrayList<>();
        for (JsonNode entry : networks) {
            Schema.object(entry, "networks");
            Schema.onlyKeys(entry, "networks", Set.of("uuid", "port", "fixed_ip", "tag"));
            requests.add(new Networks.NetworkRequest(Schema.string(entry, "uuid", true, 0, 255),
                    Schema.string(entry, "port", true, 0, 255), Schema.string(entry, "fixed_ip", true, 0, 255)));
        }
        return new Networks(Networks.Mode.LIST, requests);
    }

    private Reply list(Call call, boolean detail) {
        Cloud cloud = simulation.cloud();
        boolean allTenants = truthy(call.query("all_tenants"));
        if (allTenants) {
            AdminPolicy.allTenants(detail).enforce(call.caller().admin());
        }
        Pattern name = namePattern(call.query("name"));
        String status = call.query("status");
        List<ServerReadout> matching = new ArrayList<>();
        for (ServerReadout readout : cloud.readServers(call.caller())) {
            Server server = readout.server();
            if (!allTenants && !server.projectId().equals(call.caller().projectId())) {
                continue;
            }
            if (name != null && !name.matcher(server.name()).find()) {
                continue;
            }
            if (status != null && !server.status().name().equalsIgnoreCase(status)) {
                continue;
            }
            if (call.query("image") != null && !call.query("image").equals(server.imageId())) {
                continue;
            }
            if (call.query("flavor") != null && !call.query("flavor").equals(server.flavorId())) {
                continue;
            }
            if (call.query("reservation_id") != null
                    && !call.query("reservation_id").equals(server.reservationId())) {
                continue;
            }
            matching.add(readout);
        }
        List<ServerReadout> page = Pages.page(matching, r -> r.server().id(), call.query("marker"),
                call.query("limit"));
        List<Object> views = new ArrayList<>();
        DialectServerShape shape = ComputeDialect.of(call).serverShape();
        for (ServerReadout readout : page) {
            views.add(detail ? shape.shape(call, cloud, readout,
                    ServerView.full(call, cloud, readout, ServerView.Form.DETAIL))
                    : ServerView.brief(call, readout.server()));
        }
        Map<String, Object> body = Json.object("servers", views);
        Pages.nextLink(call, page, matching, r -> r.server().id(),
                        Links.collection(call, detail ? "servers/detail" : "servers"))
                .ifPresent(link -> body.put("servers_links", List.of(link)));
        return Reply.ok(body);
    }

    private static boolean truthy(String value) {
        return value != null && (value.isEmpty() || Set.of("1", "true", "yes", "on", "t", "y")
                .contains(value.toLowerCase()));
    }

    /** Nova treats the name filter as a regular expression. */
    private static Pattern namePattern(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Pattern.compile(name);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(name));
        }
    }

    private Reply show(Call call) {
        Cloud cloud = simulation.cloud();
        ServerReadout readout = cloud.readServer(call.caller(), call.path("server_id"));
        return Reply.ok(Json.object("server", ComputeDialect.of(call).serverShape().shape(call, cloud, readout,
                ServerView.full(call, cloud, readout, ServerView.Form.SHOW))));
    }

    private Reply update(Call call) {
        JsonNode update = Schema.envelope(call.body(), "server");
        Schema.object(update, "server");
        Set<String> allowed = call.atLeast(90) ? Set.of("name", "description", "accessIPv4", "accessIPv6",
                "OS-DCF:diskConfig", "hostname") : call.atLeast(19) ? Set.of("name", "description", "accessIPv4",
                "accessIPv6", "OS-DCF:diskConfig") : Set.of("name", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig");
        Schema.onlyKeys(update, "server", allowed);
        String hostname = call.atLeast(90) ? hostname(update) : null;
        Cloud cloud = simulation.cloud();
        String serverId = call.path("server_id");
        cloud.server(call.caller(), serverId);
        String name = Schema.string(update, "name", false, 1, 255);
        boolean describes = call.atLeast(19) && update.has("description");
        String description = describes ? Schema.string(update, "description", true, 0, 255) : null;
        // Everything is checked before anything changes, and the engine applies the fields together.
        cloud.execute(call.caller(), new UpdateServer(serverId, name, description, describes, hostname),
                call.requestId());
        return Reply.ok(Json.object("server", ServerView.full(call, cloud,
                cloud.readServer(call.caller(), serverId), ServerView.Form.UPDATE)));
    }

    private Reply delete(Call call) {
        simulation.cloud().execute(call.caller(), new Perform(call.path("server_id"), Operation.DELETE),
                call.requestId());
        return Reply.empty(204);
    }

    private Reply ips(Call call) {
        Map<String, List<ServerAddress>> addresses = simulation.cloud().addresses(call.caller(),
                call.path("server_id"));
        return Reply.ok(Json.object("addresses", ServerView.addresses(addresses, false)));
    }

    private Reply ipsOfNetwork(Call call) {
        Map<String, List<ServerAddress>> addresses = simulation.cloud().addresses(call.caller(),
                call.path("server_id"));
        String network = call.path("network");
        if (!addresses.containsKey(network)) {
            throw Refusal.INSTANCE_NOT_ON_NETWORK.exception();
        }
        return Reply.ok(ServerView.addresses(Map.of(network, addresses.get(network)), false));
    }
}
