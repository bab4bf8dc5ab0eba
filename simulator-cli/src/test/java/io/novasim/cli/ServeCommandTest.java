package io.novasim.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Cli cli = new Cli();
    private CompletableFuture<Integer> serving;

    @AfterEach
    void stopServing() {
        cli.serve().stop(); // in case an assertion failed before the test stopped it
    }

    @Test
    void servesUntilStopped() throws Exception {
        serving = CompletableFuture.supplyAsync(
                () -> cli.commandLine.execute("serve", "--port", "0", "--clock-speed", "0"));
        String base = awaitBaseUrl();

        HttpResponse<String> identity = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/identity/v3")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(identity.statusCode()).isEqualTo(200);
        assertThat(identity.body()).contains("v3");

        cli.serve().stop();
        assertThat(serving.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(cli.out.toString()).contains("novasim: stopped");
    }

    @Test
    void aPortFileSaysWhichPortWasPicked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("port");
        serving = CompletableFuture.supplyAsync(() -> cli.commandLine.execute("serve", "--port", "0",
                "--port-file", file.toString(), "--clock", "client"));
        String base = awaitBaseUrl();
        for (int i = 0; i < 100 && !java.nio.file.Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(URI.create(base).getPort() + "\n");
        assertThat(cli.out.toString()).contains("clock follows the client");
        cli.serve().stop();
        assertThat(serving.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void printsEndpointsCredentialsAndClientSettings() throws Exception {
        serving = CompletableFuture.supplyAsync(() -> cli.commandLine.execute("serve", "--port", "0",
                "--clock-speed", "0", "--duration", "detach-interface=2s", "--control-token", "t0ken"));
        String base = awaitBaseUrl();
        String printed = cli.out.toString();

        assertThat(printed).contains(
                "identity  " + base + "/identity/v3",
                "compute   " + base + "/v2.1",
                "network   " + base + "/network",
                "volume    " + base + "/volume/v3",
                "image     " + base + "/image",
                "console   " + base + "/__sim/console (in a browser, as an admin)\n",
                "demo  / secret / demo\n",
                "admin / secret / demo (admin), admin (admin)",
                "clouds:\n  novasim:\n    auth:\n      auth_url: " + base + "/identity/v3\n",
                "      username: demo\n      password: secret\n      project_name: demo\n",
                "      user_domain_name: Default\n      project_domain_name: Default\n",
                "    region_name: RegionOne\n",
                "export OS_AUTH_URL=" + base + "/identity/v3\n",
                "export OS_USERNAME=demo\n", "export OS_PASSWORD=secret\n", "export OS_PROJECT_NAME=demo\n",
                "export OS_USER_DOMAIN_NAME=Default\n", "export OS_PROJECT_DOMAIN_NAME=Default\n",
                "export OS_REGION_NAME=RegionOne\n", "export OS_IDENTITY_API_VERSION=3\n",
                "Press Ctrl-C to stop.");

        cli.serve().stop();
        assertThat(serving.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void startsFromASnapshotFileAndGoesBackToItOnReset(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("snapshot.json");
        String serverId;
        try (io.novasim.NovaSimulator taken = io.novasim.NovaSimulator.builder().seed(9).build()) {
            String token = taken.exchange(io.novasim.ApiRequest.of("POST", "/identity/v3/auth/tokens").json("""
                    {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                     "domain": {"name": "Default"}, "password": "secret"}}},
                     "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}"""))
                    .header("X-Subject-Token");
            taken.exchange(io.novasim.ApiRequest.of("POST", "/v2.1/servers").header("X-Auth-Token", token).json("""
                    {"server": {"name": "kept", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b",
                     "flavorRef": "1"}}"""));
            serverId = taken.control().state().servers().get(0).id();
            java.nio.file.Files.writeString(file, taken.control().snapshot());
        }
        // The snapshot's seed, 9, is the simulator's: no --seed needed.
        serving = CompletableFuture.supplyAsync(() -> cli.commandLine.execute("serve", "--port", "0",
                "--clock-speed", "0", "--control-token", "ctl", "--restore", file.toString()));
        String base = awaitBaseUrl();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest state = HttpRequest.newBuilder(URI.create(base + "/__sim/v1/state"))
                .header("X-Auth-Token", "ctl").GET().build();
        assertThat(http.send(state, HttpResponse.BodyHandlers.ofString()).body()).contains(serverId, "\"kept\"");

        http.send(HttpRequest.newBuilder(URI.create(base + "/__sim/v1/reset")).header("X-Auth-Token", "ctl")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(http.send(state, HttpResponse.BodyHandlers.ofString()).body()).contains(serverId);
        cli.serve().stop();
        assertThat(serving.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aSnapshotOfAnotherSeedIsAnInvalidFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("snapshot.json");
        try (io.novasim.NovaSimulator taken = io.novasim.NovaSimulator.builder().seed(9).build()) {
            java.nio.file.Files.writeString(file, taken.control().snapshot());
        }
        assertThat(cli.commandLine.execute("serve", "--port", "0", "--seed", "2", "--restore", file.toString()))
                .isEqualTo(3);
        assertThat(cli.err.toString()).contains("invalid snapshot file", "taken with seed 9",
                "runs with seed 2");
        java.nio.file.Files.writeString(file, "{\"format\": \"something else\"}");
        assertThat(cli.commandLine.execute("serve", "--port", "0", "--restore", file.toString())).isEqualTo(3);
        assertThat(cli.err.toString()).contains("Not a novasim snapshot");
    }

    /** Polls what serve printed until the URL line appears (the only waiting these tests do). */
    private String awaitBaseUrl() throws InterruptedException {
        while (true) {
            Matcher m = LISTENING.matcher(cli.out.toString());
            if (m.find()) {
                return m.group(1);
            }
            assertThat(serving).as("serve ended early: " + cli.err).isNotDone();
            Thread.sleep(20);
        }
    }
}
