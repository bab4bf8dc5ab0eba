package io.novasim.cli;

import io.novasim.cli.explain.ExplainCommand;
import io.novasim.cli.explore.ExploreCommand;
import io.novasim.cli.record.RecordCommand;
import io.novasim.cli.states.StatesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The {@code novasim} command: {@code serve}, {@code run}, {@code record}, {@code states}, {@code explain} and
 * {@code explore}. Exit
 * codes: 0 normal, 1 failure to start, an expectation failed or a simulator to record could not be read, 2 usage
 * error, 3 invalid setup or scenario file.
 */
@Command(name = "novasim", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An in-memory, deterministic OpenStack simulator: Keystone, Nova v2.1, Neutron, Cinder and "
                + "Glance endpoints on one port.",
        subcommands = {ServeCommand.class, RunCommand.class, RecordCommand.class, StatesCommand.class,
                ExplainCommand.class, ExploreCommand.class, HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** Runs only when no subcommand was given: that is a usage error, answered with the usage. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command, e.g. 'novasim serve'");
    }
}
