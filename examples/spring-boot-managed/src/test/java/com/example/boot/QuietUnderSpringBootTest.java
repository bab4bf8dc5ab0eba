package com.example.boot;

import io.novasim.NovaSimulator;
import io.novasim.junit5.NovaSimulatorTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * novasim on Spring Boot's managed versions (Logback behind SLF4J 2, Boot's Jackson): one Jackson release, Boot's
 * logger, a simulator that starts without Javalin's hint, and answers as it should.
 */
@NovaSimulatorTest(seed = 1, clock = "client")
class QuietUnderSpringBootTest {

    @Test
    void oneJacksonReleaseAndSpringBootsLogger() {
        assertThat(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName())
                .isEqualTo("ch.qos.logback.classic.LoggerContext");
        assertThat(com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION.toString())
                .isEqualTo(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    }

    @Test
    void aSimulatorStartsWithoutJavalinsHintAndAnswers(NovaSimulator sim) throws Exception {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try (NovaSimulator another = NovaSimulator.builder().build().start()) {
            assertThat(another.baseUri()).isNotNull();
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("don't have a logger", "SLF4J:");

        HttpResponse<String> versions = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sim.baseUri() + "/v2.1/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(versions.body()).contains("\"version\"");
    }
}
