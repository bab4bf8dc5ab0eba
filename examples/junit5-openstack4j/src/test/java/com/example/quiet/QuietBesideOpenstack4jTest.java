package com.example.quiet;

import io.novasim.NovaSimulator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * novasim beside openstack4j in one test class path, through novasim-bom: one SLF4J 2 with the project's own provider,
 * one Jackson, and a simulator that starts without a word on the console. This build fails if either comes apart.
 */
class QuietBesideOpenstack4jTest {

    @Test
    void oneSlf4jAndOneJacksonReleaseAreOnTheClassPath() {
        assertThat(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName())
                .as("the project's SLF4J provider, not SLF4J 1.7's missing binder or the no-op fallback")
                .isEqualTo("org.slf4j.simple.SimpleLoggerFactory");
        // a Version equals only its own artifact's: the numbers are what must agree
        assertThat(com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION.toString())
                .isEqualTo(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .isEqualTo(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
    }

    @Test
    void aSimulatorStartsAndStopsWithoutAWordOnTheConsole() {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            assertThat(sim.baseUri()).isNotNull();
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("logger", "SLF4J", "Javalin");
    }
}
