package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.novasim.NovaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * python-openstackclient (Debian's {@code python3-openstackclient}) against a started simulator, as a user runs it.
 * Skipped where the client is not installed, unless {@code NOVASIM_REQUIRE_OPENSTACK_CLIENT} is set: CI installs it
 * and sets that, so there the test cannot be skipped.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenStackClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private NovaSimulator sim;
    private Path cloudsYaml;

    @BeforeAll
    void start() throws IOException {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/openstack"));
        if (System.getenv("NOVASIM_REQUIRE_OPENSTACK_CLIENT") != null) {
            assertThat(installed).as("python-openstackclient is required here (/usr/bin/openstack)").isTrue();
        }
        assumeTrue(installed, "python-openstackclient is not installed");
        sim = NovaSimulator.builder().seed(11).build().start();
        cloudsYaml = Files.createTempFile("clouds", ".yaml");
        Files.writeString(cloudsYaml, sim.cloudsYaml());
    }

    /** Each test starts from the demo world: a network one test makes would make another's boot ambiguous. */
    @BeforeEach
    void reset() {
        sim.control().reset();
    }

    @AfterAll
    void stop() throws IOException {
        if (sim != null) {
            sim.close();
            Files.deleteIfExists(cloudsYaml);
        }
    }

    /** What one {@code openstack} command printed and how it ended. */
    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Run openstack(String... args) throws IOException, InterruptedException {
        return openstack(cloudsYaml, args);
    }

    private Run openstack(Path clouds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openstack", "--os-cloud", "novasim"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("OS_"));
        env.put("OS_CLIENT_CONFIG_FILE", clouds.toString());
        Path out = Files.createTempFile("openstack", ".out");
        Path err = Files.createTempFile("openstack", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openstack " + String.join(" ", args) + " did not end in 60 s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void aServerIsCreatedDescribedGivenPropertiesAndListed() throws Exception {
        Run created = openstack("server", "create", "--image", "cirros-0.6.2-x86_64-disk", "--flavor", "m1.tiny",
                "cli-web", "-f", "json");
        assertThat(created.exit()).as(created.err()).isZero();
        String id = created.json().get("id").asText();
        sim.control().advance(Duration.ofSeconds(10));
        Run shown = openstack("--os-compute-api-version", "2.19", "server", "show", id, "-f", "json");
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown.json().get("description").asText()).as("created below 2.19: described by its name")
                .isEqualTo("cli-web");
        Run set = openstack("server", "set", "--property", "role=db", "--property", "tier=2", id);
        assertThat(set.exit()).as(set.err()).isZero();
        Run unset = openstack("server", "unset", "--property", "tier", id);
        assertThat(unset.exit()).as(unset.err()).isZero();
        assertThat(sim.control().state().servers().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow().metadata()).isEqualTo(Map.of("role", "db"));
        Run listed = openstack("server", "list", "-f", "json");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.json().findValuesAsText("Name")).contains("cli-web");
    }

    @Test
    void aNetworkAndSubnetAreCreatedAndAServerBootsOnThem() throws Exception {
        Run network = openstack("network", "create", "cli-net", "-f", "json");
        assertThat(network.exit()).as(network.err()).isZero();
        assertThat(network.json().get("status").asText()).isEqualTo("ACTIVE");
        Run subnet = openstack("subnet", "create", "--network", "cli-net", "--subnet-range", "10.20.0.0/24",
                "cli-sub", "-f", "json");
        assertThat(subnet.exit()).as(subnet.err()).isZero();
        assertThat(subnet.json().get("gateway_ip").asText()).isEqualTo("10.20.0.1");
        Run server = openstack("server", "create", "--image", "cirros-0.6.2-x86_64-disk", "--flavor", "m1.tiny",
                "--network", "cli-net", "cli-netvm", "-f", "json");
        assertThat(server.exit()).as(server.err()).isZero();
        sim.control().advance(Duration.ofSeconds(10));
        Run shown = openstack("server", "show", "cli-netvm", "-f", "json");
        assertThat(shown.json().get("addresses").toString()).contains("10.20.0.2");
        Run group = openstack("security", "group", "create", "cli-web", "-f", "json");
        assertThat(group.exit()).as(group.err()).isZero();
        Run rule = openstack("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22",
                "cli-web", "-f", "json");
        assertThat(rule.exit()).as(rule.err()).isZero();
        Run groups = openstack("security", "group", "list", "-f", "json");
        assertThat(groups.json().findValuesAsText("Name")).contains("default", "cli-web");
        Run guarded = openstack("server", "create", "--image", "cirros-0.6.2-x86_64-disk", "--flavor", "m1.tiny",
                "--network", "cli-net", "--security-group", "cli-web", "cli-guarded", "-f", "json");
        assertThat(guarded.exit()).as(guarded.err()).isZero();
        Run guardedShown = openstack("server", "show", "cli-guarded", "-f", "json");
        assertThat(guardedShown.json().get("security_groups").toString()).contains("cli-web")
                .doesNotContain("default");
        Run port = openstack("port", "create", "--network", "cli-net", "--security-group", "cli-web",
                "--description", "spare", "cli-port", "-f", "json");
        assertThat(port.exit()).as(port.err()).isZero();
        Run set = openstack("port", "set", "--no-security-group", "--security-group", "default", "cli-port");
        assertThat(set.exit()).as(set.err()).isZero();
        Run portShown = openstack("port", "show", "cli-port", "-f", "json");
        assertThat(portShown.json().get("description").asText()).isEqualTo("spare");
        assertThat(portShown.json().get("security_group_ids").toString())
                .doesNotContain(group.json().get("id").asText());
        Run inUse = openstack("network", "delete", "cli-net");
        assertThat(inUse.exit()).isNotZero();
        assertThat(inUse.err()).contains("There are one or more ports still in use on the network.");
    }

    @Test
    void aServerBootsFromAVolumeNovaMakesFromTheImage() throws Exception {
        Run created = openstack("server", "create", "--boot-from-volume", "1", "--image", "cirros-0.6.2-x86_64-disk",
                "--flavor", "m1.tiny", "cli-bfv", "-f", "json");
        assertThat(created.exit()).as(created.err()).isZero();
        sim.control().advance(Duration.ofSeconds(10));
        Run volumes = openstack("volume", "list", "-f", "json");
        assertThat(volumes.exit()).as(volumes.err()).isZero();
        assertThat(volumes.json().findValuesAsText("Status")).contains("in-use");
        assertThat(volumes.out()).contains("/dev/vda");
    }

    /**
     * The lifecycle flows of a user's day, on a simulator whose clock runs 20 times faster so that the client's own
     * {@code --wait} polls see the work end, and whose deletes are soft (reclaim_instance_interval 1 h).
     */
    @Test
    void rebuildSnapshotResizeDeleteAndRestoreAsAUserRunsThem() throws Exception {
        try (NovaSimulator fast = NovaSimulator.builder().seed(12).clockSpeed(20)
                .timings(io.novasim.state.time.Timings.defaults()
                        .withReclaimInstanceInterval(java.util.Optional.of(Duration.ofHours(1))))
                .build().start()) {
            Path yaml = Files.createTempFile("clouds", ".yaml");
            Files.writeString(yaml, fast.cloudsYaml());
            try {
                Run created = openstack(yaml, "server", "create", "--image", "cirros-0.6.2-x86_64-disk",
                        "--flavor", "m1.tiny", "--wait", "day", "-f", "json");
                assertThat(created.exit()).as(created.err()).isZero();
                assertThat(created.json().get("status").asText()).isEqualTo("ACTIVE");

                Run rebuilt = openstack(yaml, "server", "rebuild", "--image", "cirros-0.6.2-x86_64-disk", "--wait",
                        "day");
                assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
                assertThat(status(yaml, "day")).isEqualTo("ACTIVE");

                Run snapshot = openstack(yaml, "server", "image", "create", "--name", "day-snap", "--wait", "day");
                assertThat(snapshot.exit()).as(snapshot.err()).isZero();
                Run image = openstack(yaml, "image", "show", "day-snap", "-f", "json");
                assertThat(image.exit()).as(image.err()).isZero();
                assertThat(image.json().get("status").asText()).isEqualTo("active");
                assertThat(image.json().get("visibility").asText()).isEqualTo("private");

                Run resized = openstack(yaml, "server", "resize", "--flavor", "m1.small", "--wait", "day");
                assertThat(resized.exit()).as(resized.err()).isZero();
                assertThat(status(yaml, "day")).isEqualTo("VERIFY_RESIZE");
                Run confirmed = openstack(yaml, "server", "resize", "confirm", "day");
                assertThat(confirmed.exit()).as(confirmed.err()).isZero();
                fast.control().advance(Duration.ofSeconds(2));
                assertThat(status(yaml, "day")).isEqualTo("ACTIVE");
                openstack(yaml, "server", "resize", "--flavor", "m1.medium", "--wait", "day");
                Run reverted = openstack(yaml, "server", "resize", "revert", "day");
                assertThat(reverted.exit()).as(reverted.err()).isZero();
                fast.control().advance(Duration.ofSeconds(5));
                Run flavor = openstack(yaml, "server", "show", "day", "-f", "json");
                assertThat(flavor.json().get("flavor").asText()).startsWith("m1.small");

                Run deleted = openstack(yaml, "server", "delete", "day");
                assertThat(deleted.exit()).as(deleted.err()).isZero();
                fast.control().advance(Duration.ofSeconds(5));
                assertThat(status(yaml, "day")).isEqualTo("SOFT_DELETED");
                Run restored = openstack(yaml, "server", "restore", "day");
                assertThat(restored.exit()).as(restored.err()).isZero();
                fast.control().advance(Duration.ofSeconds(5));
                assertThat(status(yaml, "day")).isEqualTo("ACTIVE");
            } finally {
                Files.deleteIfExists(yaml);
            }
        }
    }

    private String status(Path yaml, String server) throws IOException, InterruptedException {
        Run shown = openstack(yaml, "server", "show", server, "-f", "json");
        assertThat(shown.exit()).as(shown.err()).isZero();
        return shown.json().get("status").asText();
    }

    /** An admin's day on a two-host cloud: the hosts, a cold migration and its confirm, as the client runs them. */
    @Test
    void anAdminListsTheHostsAndMigratesAServer() throws Exception {
        try (NovaSimulator hosts = NovaSimulator.builder().seed(13).clockSpeed(20)
                .setup(io.novasim.CloudSetup.demo().withHosts(
                        new io.novasim.model.catalog.ComputeHost("compute-a", "nova"),
                        new io.novasim.model.catalog.ComputeHost("compute-b", "nova")))
                .build().start()) {
            Path yaml = adminClouds(hosts);
            try {
                Run hypervisors = openstack(yaml, "hypervisor", "list", "-f", "json");
                assertThat(hypervisors.exit()).as(hypervisors.err()).isZero();
                assertThat(hypervisors.json().findValuesAsText("Hypervisor Hostname"))
                        .containsExactly("compute-a", "compute-b");
                Run services = openstack(yaml, "compute", "service", "list", "-f", "json");
                assertThat(services.exit()).as(services.err()).isZero();
                assertThat(services.json().findValuesAsText("Binary")).contains("nova-compute", "nova-scheduler");
                Run created = openstack(yaml, "server", "create", "--image", "cirros-0.6.2-x86_64-disk", "--flavor",
                        "m1.tiny", "--network", "public", "--wait", "moving", "-f", "json");
                assertThat(created.exit()).as(created.err()).isZero();
                String from = created.json().get("OS-EXT-SRV-ATTR:host").asText();
                Run migrated = openstack(yaml, "server", "migrate", "--wait", "moving");
                assertThat(migrated.exit()).as(migrated.err()).isZero();
                Run shown = openstack(yaml, "server", "show", "moving", "-f", "json");
                assertThat(shown.json().get("status").asText()).isEqualTo("VERIFY_RESIZE");
                assertThat(shown.json().get("OS-EXT-SRV-ATTR:host").asText()).isNotEqualTo(from);
                Run confirmed = openstack(yaml, "server", "migration", "confirm", "moving");
                assertThat(confirmed.exit()).as(confirmed.err()).isZero();
            } finally {
                Files.deleteIfExists(yaml);
            }
        }
    }

    /** A clouds.yaml for the admin of a simulator's demo world. */
    private static Path adminClouds(NovaSimulator simulator) throws IOException {
        Path yaml = Files.createTempFile("clouds", ".yaml");
        String auth = simulator.baseUri().toString().replaceAll("/$", "") + "/identity/v3";
        Files.writeString(yaml, """
                clouds:
                  novasim:
                    auth:
                      auth_url: %s
                      username: admin
                      password: secret
                      project_name: admin
                      user_domain_name: Default
                      project_domain_name: Default
                    region_name: RegionOne
                    identity_api_version: 3
                """.formatted(auth));
        return yaml;
    }

    @Test
    void anAdminSetsAProjectsQuotasAndACreateOverThemIsRefused() throws Exception {
        Path admin = adminClouds(sim);
        try {
            Run set = openstack(admin, "quota", "set", "--instances", "1", "--cores", "4", "demo");
            assertThat(set.exit()).as(set.err()).isZero();
            Run first = openstack("server", "create", "--image", "cirros-0.6.2-x86_64-disk", "--flavor", "m1.tiny",
                    "first", "-f", "json");
            assertThat(first.exit()).as(first.err()).isZero();
            Run second = openstack("server", "create", "--image", "cirros-0.6.2-x86_64-disk", "--flavor", "m1.tiny",
                    "second", "-f", "json");
            assertThat(second.exit()).isNotZero();
            assertThat(second.err()).contains("Quota exceeded for instances: Requested 1, but already used 1 of 1 "
                    + "instances (HTTP 403)");
            Run projects = openstack(admin, "project", "list", "-f", "json");
            assertThat(projects.json().findValuesAsText("Name")).contains("demo", "alt", "admin");

            Run network = openstack(admin, "quota", "set", "--ports", "1", "--volumes", "2", "demo");
            assertThat(network.exit()).as(network.err()).isZero();
            Run shown = openstack("quota", "show", "-f", "json");
            assertThat(shown.exit()).as(shown.err()).isZero();
            assertThat(shown.json().get("instances").asInt()).isEqualTo(1);
            assertThat(shown.json().get("ports").asInt()).isEqualTo(1);
            assertThat(shown.json().get("volumes").asInt()).isEqualTo(2);
            Run port = openstack("port", "create", "--network", "private", "extra");
            assertThat(port.exit()).isNotZero();
            assertThat(port.err()).contains("Quota exceeded for resources: ['port'].");
            Run volume = openstack("volume", "create", "--size", "1", "third");
            assertThat(volume.err()).contains("VolumeLimitExceeded: Maximum number of volumes allowed (2) exceeded "
                    + "for quota 'volumes'.");
            Run limits = openstack("limits", "show", "--absolute", "-f", "json");
            assertThat(limits.exit()).as(limits.err()).isZero();
            Map<String, Integer> absolute = new java.util.HashMap<>();
            limits.json().forEach(row -> absolute.put(row.get("Name").asText(), row.get("Value").asInt()));
            assertThat(absolute).containsEntry("maxTotalInstances", 1).containsEntry("totalInstancesUsed", 1)
                    .containsEntry("maxTotalVolumes", 2).containsEntry("totalVolumesUsed", 2);
        } finally {
            Files.deleteIfExists(admin);
        }
    }

    @Test
    void anImageIsUploadedAndAServerBootsFromIt() throws Exception {
        Path data = Files.createTempFile("image", ".qcow2");
        try {
            byte[] bytes = new byte[200_000];
            new java.util.Random(3).nextBytes(bytes);
            Files.write(data, bytes);
            Run created = openstack("image", "create", "--file", data.toString(), "--disk-format", "qcow2",
                    "--container-format", "bare", "cli-image", "-f", "json");
            assertThat(created.exit()).as(created.err()).isZero();
            Run shown = openstack("image", "show", "cli-image", "-f", "json");
            assertThat(shown.json().get("status").asText()).isEqualTo("active");
            assertThat(shown.json().get("size").asLong()).isEqualTo(bytes.length);
            assertThat(shown.json().get("checksum").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("MD5").digest(bytes)));
            Run booted = openstack("server", "create", "--image", "cli-image", "--flavor", "m1.tiny",
                    "from-image", "-f", "json");
            assertThat(booted.exit()).as(booted.err()).isZero();
            sim.control().advance(Duration.ofSeconds(10));
            Run server = openstack("server", "show", "from-image", "-f", "json");
            assertThat(server.json().get("status").asText()).isEqualTo("ACTIVE");
            assertThat(server.json().get("image").asText()).startsWith("cli-image");
            Run deleted = openstack("image", "delete", "cli-image");
            assertThat(deleted.exit()).as(deleted.err()).isZero();
        } finally {
            Files.deleteIfExists(data);
        }
    }

    @Test
    void aServerGroupIsCreatedAndAServerBootsIntoIt() throws Exception {
        Run group = openstack("--os-compute-api-version", "2.64", "server", "group", "create", "--policy",
                "anti-affinity", "--rule", "max_server_per_host=2", "cli-group", "-f", "json");
        assertThat(group.exit()).as(group.err()).isZero();
        assertThat(group.json().get("rules").toString()).isEqualTo("{\"max_server_per_host\":2}");
        String id = group.json().get("id").asText();
        Run server = openstack("server", "create", "--image", "cirros-0.6.2-x86_64-disk", "--flavor", "m1.tiny",
                "--hint", "group=" + id, "grouped", "-f", "json");
        assertThat(server.exit()).as(server.err()).isZero();
        Run shown = openstack("server", "group", "show", "cli-group", "-f", "json");
        assertThat(shown.json().get("members").toString()).contains(server.json().get("id").asText());
        Run deleted = openstack("server", "group", "delete", "cli-group");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
    }

    @Test
    void whatNovasimDoesNotSimulateSaysSo() throws Exception {
        Run routers = openstack("router", "list");
        assertThat(routers.exit()).isNotZero();
        assertThat(routers.err()).contains("501").contains("novasim does not simulate GET /v2.0/routers");
        Run usage = openstack("usage", "list");
        assertThat(usage.exit()).isNotZero();
        assertThat(usage.err()).contains("novasim does not simulate GET /v2.1/os-simple-tenant-usage")
                .contains("HTTP 501");
    }
}
