package io.novasim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same file and seed give the same transcript in another JVM too. Within one JVM that is easy; across JVMs,
 * anything that iterates a {@code Map.of} or {@code Set.of} (whose order is salted per JVM) would show.
 */
@Timeout(120)
class TranscriptsAcrossJvmsTest {

    /** Prints the transcripts of every example, one after the other (run in a child JVM by the test). */
    public static void main(String[] args) throws IOException {
        StringWriter all = new StringWriter();
        for (Path example : RunCommandTest.examples().toList()) {
            all.append(RunCommandTest.run("run", example.toString()).out());
        }
        System.out.print(all);
    }

    @Test
    void twoJvmsWriteTheSameTranscriptsByteForByte() throws Exception {
        String first = transcriptsInANewJvm();
        assertThat(first).contains("PASSED").doesNotContain("FAILED");
        assertThat(transcriptsInANewJvm()).isEqualTo(first);
    }

    private static String transcriptsInANewJvm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                TranscriptsAcrossJvmsTest.class.getName())).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
