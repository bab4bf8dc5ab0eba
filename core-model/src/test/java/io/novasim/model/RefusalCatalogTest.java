package io.novasim.model;

import io.novasim.model.error.Refusal;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog holds one text per refusal and nothing else: no two ids are one refusal spelt twice, and every id is
 * used by the simulator's code (core-model, state-machine, http-adapter), read from the sources next to this module.
 */
class RefusalCatalogTest {
    /** The modules that make up the simulator; the CLI, the JUnit extension and the benchmarks only read refusals. */
    private static final List<String> SIMULATOR = List.of("core-model", "state-machine", "http-adapter");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void eachTextIsOneIdsUnlessAnotherStatusOrShapeAnswersIt() {
        // Nova answers some texts as a 404 for what the URL names and as a 400 for what the body names, and Neutron
        // and Cinder share a few of Nova's: each such pair is two refusals, not one spelt twice.
        Map<String, List<Refusal>> byText = new HashMap<>();
        for (Refusal refusal : Refusal.values()) {
            byText.computeIfAbsent(refusal.template(), k -> new ArrayList<>()).add(refusal);
        }
        byText.values().stream().filter(ids -> ids.size() > 1).forEach(ids -> assertThat(ids)
                .as("%s share a text", ids).extracting(r -> r.body() + " " + r.status()).doesNotHaveDuplicates());
        List<String> reasons = Arrays.stream(Refusal.Reason.values()).map(Refusal.Reason::template).toList();
        assertThat(reasons).as("reasons").doesNotHaveDuplicates();
    }

    @Test
    void everyIdAndReasonIsUsedByTheSimulator() {
        String code = simulatorCode();
        List<String> unused = new ArrayList<>();
        for (Refusal refusal : Refusal.values()) {
            if (!Pattern.compile("\\bRefusal\\." + refusal.name() + "\\b").matcher(code).find()) {
                unused.add(refusal.name());
            }
        }
        for (Refusal.Reason reason : Refusal.Reason.values()) {
            if (!Pattern.compile("\\bReason\\." + reason.name() + "\\b").matcher(code).find()) {
                unused.add("Reason." + reason.name());
            }
        }
        assertThat(unused).as("ids no code of the simulator refuses with").isEmpty();
    }

    /** The main sources of the simulator's modules, without comments, and without the catalog itself. */
    private static String simulatorCode() {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        StringBuilder code = new StringBuilder();
        for (String module : SIMULATOR) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).as("the sources of %s", module).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java"))
                        .filter(file -> !file.endsWith(Path.of("io/novasim/model/error/Refusal.java")))
                        .forEach(file -> code.append(COMMENTS.matcher(read(file)).replaceAll(" ")).append('\n'));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return code.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
