package io.novasim.cli;

import io.novasim.cli.scenario.InvalidScenarioException;
import io.novasim.cli.scenario.Scenario;
import io.novasim.cli.scenario.ScenarioReader;
import io.novasim.cli.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code novasim run SCENARIO.yaml}: runs a scenario in-process on virtual time and prints its transcript. Exit codes:
 * 0 every expectation met, 1 an expectation failed, 2 usage error, 3 invalid scenario file.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run a scenario file on virtual time and print its transcript.")
public final class RunCommand implements Callable<Integer> {
    static final int EXIT_EXPECTATION_FAILED = 1;
    static final int EXIT_INVALID_SCENARIO = 3;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "A YAML scenario file (see examples/).")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Scenario scenario = ScenarioReader.read(file);
            ScenarioRunner.Result result = ScenarioRunner.run(scenario);
            out.print(result.transcript());
            out.flush();
            return result.passed() ? 0 : EXIT_EXPECTATION_FAILED;
        } catch (InvalidScenarioException invalid) {
            err.println("novasim: invalid scenario: " + invalid.getMessage());
            err.flush();
            return EXIT_INVALID_SCENARIO;
        }
    }
}
