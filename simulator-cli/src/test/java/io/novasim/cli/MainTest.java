package io.novasim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class MainTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheCommands() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out.toString()).contains("Usage: novasim", "serve", "help");
    }

    @Test
    void helpSubcommandDescribesServe() {
        Cli cli = Cli.run("help", "serve");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out.toString()).contains("--port", "--clock-speed", "--duration", "--setup",
                "--control-token", "DETACH_INTERFACE");
    }

    @Test
    void versionIsTheProjectVersion() {
        Cli cli = Cli.run("--version");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out.toString()).startsWith("novasim ").doesNotContain("${");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli cli = Cli.run();

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("Missing a command", "Usage: novasim");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli cli = Cli.run("serve", "--bogus");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void unknownOperationInDurationIsAUsageError() {
        Cli cli = Cli.run("serve", "--duration", "teleport=2s");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("unknown operation 'teleport'", "DETACH_INTERFACE");
    }

    @Test
    void badDurationIsAUsageError() {
        Cli cli = Cli.run("serve", "--duration", "create=soon");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("not a duration: 'soon'");
    }

    @Test
    void aReclaimIntervalMustBeADurationOverZero() {
        Cli zero = Cli.run("serve", "--reclaim-instance-interval", "0");
        assertThat(zero.exitCode).isEqualTo(2);
        assertThat(zero.err.toString()).contains("--reclaim-instance-interval must be more than 0, not 0");
        Cli bad = Cli.run("serve", "--reclaim-instance-interval", "soon");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err.toString()).contains("--reclaim-instance-interval: not a duration: 'soon'");
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        Cli cli = Cli.run("serve", "--port", "70000");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--port must be between 0 and 65535");
    }

    @Test
    void negativeClockSpeedIsAUsageError() {
        Cli cli = Cli.run("serve", "--clock-speed", "-1");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--clock-speed must be 0 or more");
    }

    @Test
    void invalidSetupFileExitsWith3AndNamesTheField() throws IOException {
        Path setup = Files.writeString(dir.resolve("world.yaml"), """
                projects:
                  - name: demo
                flavors:
                  - {name: m1.tiny, vcpus: two, ram_mb: 512}
                """);

        Cli cli = Cli.run("serve", "--port", "0", "--setup", setup.toString());

        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err.toString()).contains("invalid setup file", "world.yaml",
                "flavors[0].vcpus: expected a whole number, not 'two'");
        assertThat(cli.out.toString()).doesNotContain("listening");
    }

    @Test
    void aPortInUseExitsWith1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli cli = Cli.run("serve", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(cli.exitCode).isEqualTo(1);
            assertThat(cli.err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void missingSetupFileExitsWith3() {
        Cli cli = Cli.run("serve", "--port", "0", "--setup", dir.resolve("absent.yaml").toString());

        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err.toString()).contains("absent.yaml: no such file");
    }
}
