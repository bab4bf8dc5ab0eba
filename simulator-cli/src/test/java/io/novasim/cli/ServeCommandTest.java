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
