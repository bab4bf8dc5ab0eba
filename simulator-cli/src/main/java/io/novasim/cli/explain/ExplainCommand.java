package io.novasim.cli.explain;

import io.novasim.cli.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code novasim explain [OPERATION]}: in words, when an operation is accepted, what it changes at once and later,
 * every way it fails and where the dialects differ, generated from the simulator's own rules and error texts.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Explain an operation: the request, when it is accepted, what changes at once and later, "
                + "every failure (status, fault name, message) and how the dialects differ. Without a name, list "
                + "the operations.")
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "OPERATION",
            description = "e.g. detach-interface, detach-volume, media-detach, reboot, stop; scenario names and "
                    + "Operation names (DETACH_VOLUME) are accepted too, in any case.")
    String operation;

    @Override
    public Integer call() {
        Explainer explainer = Explainer.withDefaultTimings();
        PrintWriter out = spec.commandLine().getOut();
        if (operation == null) {
            out.print(ExplanationText.index(explainer.all()));
        } else {
            out.print(ExplanationText.render(explainer.explain(Explainer.operationNamed(operation).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "Unknown operation '" + operation + "'. Operations: "
                            + String.join(", ", Explainer.knownNames()))))));
        }
        out.flush();
        return 0;
    }
}
