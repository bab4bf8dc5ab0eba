package io.novasim.cli.explore;

import io.novasim.cli.Version;
import io.novasim.cli.scenario.InvalidScenarioException;
import io.novasim.cli.scenario.Scenario;
import io.novasim.cli.scenario.ScenarioReader;
import io.novasim.cli.scenario.ScenarioRunner;
import io.novasim.state.explore.Exploration;
import io.novasim.state.explore.ExploreFault;
import io.novasim.state.explore.Explorer;
import io.novasim.state.explore.Invariant;
import io.novasim.state.explore.Step;
import io.novasim.state.explore.Steps;
import io.novasim.state.rules.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code novasim explore}: every sequence of steps up to a depth from a small world, breadth first, every state
 * checked against the engine's invariants. Exit codes: 0 no invariant broken, 1 one was (each written as a scenario
 * that reproduces it) or the heap ran out, 2 usage error, 3 invalid world file.
 */
@Command(name = "explore", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Explore every sequence of operations, completions and faults up to a depth from a small "
                + "world, check every state reached against the engine's invariants, and draw the state graph.")
public final class ExploreCommand implements Callable<Integer> {
    static final List<String> DEFAULT_OPERATIONS = List.of("attach-interface", "detach-interface", "attach-volume",
            "detach-volume", "media-attach", "media-detach", "reboot", "stop", "start", "delete");
    static final List<String> DEFAULT_FAULTS = List.of("fail", "stuck");
    private static final String DEFAULT_WORLD = "/io/novasim/cli/explore/default-world.yaml";

    /** The output formats. */
    enum Format {
        text, dot, mermaid, json, html
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--world", paramLabel = "FILE", description = "A scenario file whose world (seed, preset or "
            + "world, timings) to start from; its steps are not run. Default: one server with a spare port, one "
            + "volume and one medium.")
    Path world;

    @Option(names = "--operations", paramLabel = "LIST", split = ",", description = "The operations to try from "
            + "every state, e.g. stop,start,reboot,pause,unpause. Default: attach-interface, detach-interface, "
            + "attach-volume, detach-volume, media-attach, media-detach, reboot, stop, start, delete.")
    List<String> operations;

    @Option(names = "--faults", paramLabel = "LIST", split = ",", description = "The faults injected into each "
            + "call: error, fail, stuck, delay, or none. Default: fail,stuck.")
    List<String> faults;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "6",
            description = "How many steps at most, 1 to 12 (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, dot, mermaid, json or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the graph here instead of to the standard output (the summary still goes there).")
    Path output;

    @Option(names = "--violations", paramLabel = "DIR", defaultValue = ".", description = "Where to write each "
            + "broken invariant's shortest trace as a scenario file (default: the current directory).")
    Path violations;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (depth < 1 || depth > 12) {
            throw new ParameterException(spec.commandLine(), "--depth must be 1 to 12, not " + depth);
        }
        Format chosen = format();
        List<Operation> ops = operations();
        List<ExploreFault> injected = faults();
        ExploredWorld explored;
        try {
            Path file = world == null ? Path.of("default-world.yaml") : world;
            Scenario scenario = world == null ? ScenarioReader.parse(defaultWorld(), file) : ScenarioReader.read(world);
            explored = ExploredWorld.of(scenario, ScenarioRunner.start(scenario, file));
        } catch (InvalidScenarioException | IllegalArgumentException invalid) {
            err.println("novasim: invalid world: " + invalid.getMessage());
            err.flush();
            return 3;
        }
        List<Step> steps = Steps.of(explored.explore(), ops, injected);
        Explorer explorer = new Explorer(explored.explore(), steps, depth, EnumSet.allOf(Invariant.class));
        long started = System.nanoTime();
        Exploration found;
        try {
            found = explorer.explore();
        } catch (OutOfMemoryError full) {
            // Every state found is kept, with its transitions: a deep exploration of a big world can fill the heap.
            err.println("novasim: out of memory while exploring to depth " + depth + ": give the JVM more heap "
                    + "(NOVASIM_JAVA_OPTS=-Xmx4g ./novasim explore ...), or explore fewer operations, faults or steps");
            err.flush();
            return 1;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        try {
            Map<Invariant, String> written = writeViolations(explored, explorer, found);
            String summary = ExplorationText.summary(explored, found, ops.stream().map(Steps::name).toList(),
                    injected.stream().map(ExploreFault::label).toList(), written);
            String timing = String.format(Locale.ROOT, "explored in %,d ms%n", millis);
            if (output != null) {
                try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    render(chosen, explored, found, summary, file);
                }
                out.print(summary);
                out.print(timing);
                out.println("written: " + output);
            } else {
                // On the terminal the text form says how long it took; a file stays the same from run to run.
                render(chosen, explored, found, chosen == Format.text ? summary + timing : summary, out);
                if (chosen != Format.text) {
                    err.print(summary + timing);
                }
            }
        } catch (IOException e) {
            err.println("novasim: cannot write: " + e.getMessage());
            err.flush();
            return 2;
        } catch (OutOfMemoryError full) {
            err.println("novasim: out of memory while writing the graph of " + found.states().size() + " states: give "
                    + "the JVM more heap (NOVASIM_JAVA_OPTS=-Xmx4g ./novasim explore ...), or explore less");
            err.flush();
            return 1;
        }
        out.flush();
        err.flush();
        return found.violations().isEmpty() ? 0 : 1;
    }

    private static void render(Format format, ExploredWorld explored, Exploration found, String summary, Writer out)
            throws IOException {
        switch (format) {
            case text -> ExplorationText.full(summary, found, out);
            case dot -> ExplorationGraph.dot(found, out);
            case mermaid -> ExplorationGraph.mermaid(found, out);
            case json -> ExplorationJson.write(explored, found, out);
            case html -> ExplorationHtml.write(explored, found, summary, out);
        }
    }

    /** The shortest trace of each broken invariant, as a scenario file; by invariant, the file's path. */
    private Map<Invariant, String> writeViolations(ExploredWorld explored, Explorer explorer, Exploration found)
            throws IOException {
        Map<Invariant, String> written = new EnumMap<>(Invariant.class);
        for (Exploration.Violation violation : found.violations()) {
            if (written.containsKey(violation.invariant())) {
                continue;
            }
            Files.createDirectories(violations);
            Path file = violations.resolve("explore-" + violation.invariant().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-') + ".yaml");
            List<String> comments = new ArrayList<>();
            comments.add("novasim explore found this: " + violation.invariant().description() + " does not hold.");
            violation.details().forEach(detail -> comments.add("  " + detail));
            comments.add("The shortest trace to it: " + ExplorationText.trace(violation.trace()) + ".");
            comments.add("`novasim run` plays it; the last check is the state that breaks the invariant.");
            Files.writeString(file, TraceScenario.write(explored, explorer.walk(violation.trace()), comments));
            written.put(violation.invariant(), file.toString());
        }
        return written;
    }

    private Format format() {
        try {
            return Format.valueOf(format.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Unknown format '" + format
                    + "': use text, dot, mermaid, json or html.");
        }
    }

    /** Every name an operation may be given: its own ({@code reboot-soft}) and the scenario's ({@code reboot}). */
    static Map<String, Operation> operationNames() {
        Map<String, Operation> names = new LinkedHashMap<>();
        for (Operation operation : Steps.SUPPORTED) {
            names.put(Steps.name(operation), operation);
        }
        names.put("reboot", Operation.REBOOT_SOFT);
        return names;
    }

    private List<Operation> operations() {
        Map<String, Operation> names = operationNames();
        List<Operation> chosen = new ArrayList<>();
        for (String name : operations == null ? DEFAULT_OPERATIONS : operations) {
            Operation operation = names.get(name.trim().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (operation == null) {
                throw new ParameterException(spec.commandLine(), "Unknown operation '" + name + "'. Operations: "
                        + String.join(", ", names.keySet()));
            }
            if (!chosen.contains(operation)) {
                chosen.add(operation);
            }
        }
        return chosen;
    }

    private List<ExploreFault> faults() {
        List<ExploreFault> chosen = new ArrayList<>();
        for (String name : faults == null ? DEFAULT_FAULTS : faults) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            if (wanted.equals("none")) {
                continue;
            }
            ExploreFault fault = java.util.Arrays.stream(ExploreFault.values()).filter(f -> f.label().equals(wanted))
                    .findFirst().orElseThrow(() -> new ParameterException(spec.commandLine(), "Unknown fault '" + name
                            + "'. Faults: error, fail, stuck, delay (or none)."));
            if (!chosen.contains(fault)) {
                chosen.add(fault);
            }
        }
        return chosen;
    }

    private static String defaultWorld() {
        try (InputStream in = ExploreCommand.class.getResourceAsStream(DEFAULT_WORLD)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the default world is missing from the jar: " + DEFAULT_WORLD, e);
        }
    }
}
