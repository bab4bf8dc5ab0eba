package io.novasim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pytest plugin in {@code python/pytest-novasim}, run by Debian's pytest with Debian's openstacksdk as a Python
 * user runs it: its own tests start {@code novasim serve} (this build, from this module's classes) on a free port.
 * Required where {@code NOVASIM_REQUIRE_PYTHON} is set (CI installs the packages); skipped elsewhere without them.
 */
class PytestPluginTest {
    private static final Path PLUGIN = Path.of("..", "python", "pytest-novasim").toAbsolutePath().normalize();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void thePluginsOwnTestsPass() throws IOException, InterruptedException {
        boolean installed = python("import pytest, openstack") == 0;
        if (System.getenv("NOVASIM_REQUIRE_PYTHON") != null) {
            assertThat(installed).as("python3 with pytest and openstacksdk is required here").isTrue();
        }
        assumeTrue(installed, "python3 with pytest and openstacksdk is not installed");

        Path log = Files.createTempFile("pytest-novasim", ".log");
        ProcessBuilder pytest = new ProcessBuilder("/usr/bin/python3", "-m", "pytest", "-q", "-p",
                "pytest_novasim.plugin", "-p", "no:cacheprovider", "tests")
                .directory(PLUGIN.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pytest.environment().put("PYTHONPATH", PLUGIN.toString());
        pytest.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // the checkout stays as it was
        pytest.environment().put("NOVASIM_COMMAND", javaCommand());
        int exit = pytest.start().waitFor();
        String printed = Files.readString(log);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("7 passed");
    }

    /** This JVM, with this module's class path: the build under test, before its jar exists. */
    private static String javaCommand() {
        return String.join(" ", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
    }

    private static int python(String code) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return -1;
        }
        return new ProcessBuilder("/usr/bin/python3", "-c", code).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
