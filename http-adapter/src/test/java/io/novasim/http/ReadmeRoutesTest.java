package io.novasim.http;

import io.novasim.NovaSimulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's route list is the routes the APIs serve, no more and no less: a route added without its line, or a
 * line left for a route that went, fails here.
 */
class ReadmeRoutesTest {
    private static final String START = "<!-- routes: written from the route tables; ReadmeRoutesTest checks them -->";
    private static final String END = "<!-- /routes -->";

    @Test
    void theReadmeListsEveryRouteAndOnlyThose() throws IOException {
        List<String> served;
        try (NovaSimulator sim = NovaSimulator.builder().build()) {
            served = ApiComponent.of(sim.settings()).api().routes();
        }
        String readme = Files.readString(readme());
        assertThat(readme).contains(START, END);
        String section = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END));
        List<String> listed = new ArrayList<>();
        for (String line : section.split("\n")) {
            String trimmed = line.strip().replaceFirst("^- ", "");
            if (trimmed.startsWith("`") && trimmed.indexOf('`', 1) > 0) {
                listed.add(trimmed.substring(1, trimmed.indexOf('`', 1)));
            }
        }
        assertThat(listed).as("README routes, as the route tables have them (write them with the order of "
                + "Api.routes())").containsExactlyElementsOf(served);
    }

    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("http-adapter"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("no README.md above " + here);
    }
}
