package io.novasim.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code novasim} command line in-process and keeps what it printed. */
final class Cli {
    final CommandLine commandLine = new CommandLine(new Main());
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    int exitCode = -1;

    Cli() {
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }

    static Cli run(String... args) {
        Cli cli = new Cli();
        cli.exitCode = cli.commandLine.execute(args);
        return cli;
    }

    ServeCommand serve() {
        return commandLine.getSubcommands().get("serve").getCommand();
    }
}
