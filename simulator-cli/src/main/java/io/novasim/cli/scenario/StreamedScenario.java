package io.novasim.cli.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario read by a thread of its own while it runs: the steps of a long file are parsed on one core while the
 * world is built and the first steps run on the other. The file's fields before {@code steps} make the scenario's
 * start; each step is checked as {@link ScenarioReader} checks it, then handed over.
 *
 * <p>Whatever this reader cannot do in one pass (a file that does not parse or check, a field after {@code steps})
 * ends the stream as failed: the caller then reads the file the ordinary way, which gives the error with its line
 * and field path, or a scenario to run from the start.
 */
public final class StreamedScenario implements ScenarioRunner.Steps {
    /** Steps handed over at once: fewer wake-ups of a runner that waits. */
    private static final int BATCH = 256;

    private final Path file;
    private Scenario head;
    private final List<Scenario.Step> steps = new ArrayList<>();
    private boolean headKnown;
    private boolean done;
    private boolean failed;

    private StreamedScenario(Path file) {
        this.file = file;
    }

    /** Starts reading {@code file} (YAML, or JSON when its name ends in {@code .json}) on a thread of its own. */
    public static StreamedScenario open(Path file) {
        StreamedScenario streamed = new StreamedScenario(file);
        Thread reader = new Thread(streamed::read, "novasim-scenario-reader");
        reader.setDaemon(true);
        reader.start();
        return streamed;
    }

    /**
     * The scenario's start (its steps come through {@link #get}), once the reader has passed it.
     *
     * @return the start, or null when the file is not for reading in one pass: read it the ordinary way
     */
    public synchronized Scenario head() throws InterruptedException {
        while (!headKnown && !failed) {
            wait();
        }
        return failed && !headKnown ? null : head;
    }

    /**
     * Step {@code index}, waiting for the reader to reach it.
     *
     * @return the step, or null past the last
     * @throws NotStreamable when the reader failed before it: read the file the ordinary way
     */
    @Override
    public synchronized Scenario.Step get(int index) throws InterruptedException {
        while (index >= steps.size() && !done && !failed) {
            wait();
        }
        if (index < steps.size()) {
            return steps.get(index);
        }
        if (failed) {
            throw new NotStreamable();
        }
        return null;
    }

    @Override
    public synchronized int total() {
        return done ? steps.size() : -1;
    }

    /** Waits for the reader to finish: true when it read the whole file in one pass, as the run used it. */
    public synchronized boolean complete() throws InterruptedException {
        while (!done && !failed) {
            wait();
        }
        return done;
    }

    /** The reader stopped: the file must be read the ordinary way. */
    public static final class NotStreamable extends RuntimeException {
        NotStreamable() {
            super("the scenario cannot be read in one pass", null, false, false);
        }
    }

    private void read() {
        ObjectMapper mapper = ScenarioReader.mapperFor(file);
        try (Reader text = Files.newBufferedReader(file); JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                fail();
                return;
            }
            ObjectNode start = mapper.createObjectNode();
            boolean stepsSeen = false;
            List<Scenario.Step> batch = new ArrayList<>(BATCH);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!field.equals("steps") || stepsSeen) {
                    if (stepsSeen) { // the start would change after the run began
                        fail();
                        return;
                    }
                    start.set(field, mapper.readTree(parser));
                    continue;
                }
                stepsSeen = true;
                Scenario known = mapper.treeToValue(start, Scenario.class);
                ScenarioReader.checkStart(file, known);
                publishHead(known);
                if (parser.currentToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    fail();
                    return;
                }
                for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                    Scenario.Step step = mapper.readValue(parser, Scenario.Step.class);
                    ScenarioReader.checkStep(file, index, step);
                    batch.add(step);
                    if (batch.size() == BATCH) {
                        publish(batch);
                        batch.clear();
                    }
                }
            }
            if (!stepsSeen) {
                Scenario known = mapper.treeToValue(start, Scenario.class);
                ScenarioReader.checkStart(file, known);
                publishHead(known);
            }
            finish(batch);
        } catch (Exception | StackOverflowError notInOnePass) {
            fail();
        }
    }

    private synchronized void publishHead(Scenario known) {
        head = known;
        headKnown = true;
        notifyAll();
    }

    private synchronized void publish(List<Scenario.Step> batch) {
        steps.addAll(batch);
        notifyAll();
    }

    private synchronized void finish(List<Scenario.Step> last) {
        steps.addAll(last);
        done = true;
        notifyAll();
    }

    private synchronized void fail() {
        failed = true;
        notifyAll();
    }
}
