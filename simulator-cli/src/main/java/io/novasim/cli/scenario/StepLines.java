package io.novasim.cli.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a step starts in its file: the line a message about a step names. Found only when a message needs it, by
 * reading the file's tokens again (a run keeps no locations, which would cost every step of a long run).
 */
final class StepLines {
    private StepLines() {
    }

    /** The line {@code steps[index]} starts on in {@code file}, or -1 when it cannot be told. */
    static int of(Path file, int index) {
        JsonFactory factory = file.toString().endsWith(".json") ? new JsonFactory() : new YAMLFactory();
        try (JsonParser parser = factory.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("steps") && value == JsonToken.START_ARRAY) {
                    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                        if (i == index) {
                            return parser.currentTokenLocation().getLineNr();
                        }
                        parser.skipChildren();
                    }
                    return -1;
                }
                parser.skipChildren();
            }
            return -1;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** {@code FILE, line N, } for the step, or {@code FILE, } when its line cannot be told: a message's start. */
    static String locate(Path file, int index) {
        int line = of(file, index);
        return file.getFileName() + (line < 0 ? "" : ", line " + line) + ", ";
    }
}
