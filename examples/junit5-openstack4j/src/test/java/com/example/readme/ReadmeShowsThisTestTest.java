package com.example.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding section is this project's {@link DetachVolumeTest}, so the test a reader pastes runs in CI. */
class ReadmeShowsThisTestTest {
    @Test
    void theReadmeQuotesDetachVolumeTestWordForWord() throws IOException {
        String source = Files.readString(Path.of("src/test/java/com/example/readme/DetachVolumeTest.java"));
        String readme = Files.readString(Path.of("../../README.md"));
        String pasteable = source.substring(source.indexOf("import "));
        assertThat(readme).contains("```java\n" + pasteable + "```\n");
    }
}
