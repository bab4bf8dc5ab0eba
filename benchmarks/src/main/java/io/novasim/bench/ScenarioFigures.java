package io.novasim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long {@code novasim run} takes on a big scenario, JVM start included: a world of {@value #SERVERS} servers
 * (on a /16 network) and about {@value #STEPS} steps, every one of which checks something. The steps come in rounds
 * over {@value #PER_ROUND} servers at a time: reboot each (202), check one is rebooting, advance a minute, GET each
 * (200 and ACTIVE), stop each, advance, start each, advance. The file is written twice, as YAML and as JSON (the same
 * scenario; JSON is read faster). Runs go through the {@code ./novasim} launcher, as a user's do (it gives the JVM
 * the jar's class-data archive and the serial collector), and once more as a bare {@code java -jar} for comparison.
 * The baseline, measured the same way in the same run, is {@code novasim --version}: a JVM starting the same jar and
 * doing nothing. Each figure is the median of {@value #RUNS} runs, each in a fresh JVM.
 *
 * <p>Run from the checkout: {@code mvn -B -q package -DskipTests -pl benchmarks,simulator-cli -am && java -cp
 * benchmarks/target/benchmarks.jar io.novasim.bench.ScenarioFigures}
 */
public final class ScenarioFigures {
    private static final int SERVERS = 10_000;
    private static final int STEPS = 100_000;
    private static final int PER_ROUND = 1_000;
    private static final int RUNS = 3;
    private static final double TARGET_SECONDS = 5;

    private ScenarioFigures() {
    }

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of("novasim").toAbsolutePath();
        Path jar = Path.of("simulator-cli/target/novasim.jar");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("run from the checkout, after building simulator-cli");
        }
        // Untimed: lets the launcher write the class-data archive of a fresh build.
        time(List.of(launcher.toString(), "--version"));
        Path dir = Files.createTempDirectory("novasim-scenario-figures");
        ObjectNode scenario = scenario();
        int steps = scenario.path("steps").size();
        Path json = dir.resolve("10k-servers.json");
        Files.writeString(json, new ObjectMapper().writeValueAsString(scenario));
        Path yaml = dir.resolve("10k-servers.yaml");
        Files.writeString(yaml, new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(scenario));
        List<String> bareJava = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString());

        double baseline = median(List.of(launcher.toString()), "--version");
        double fromJson = median(List.of(launcher.toString()), "run", "--quiet", json.toString());
        double fromYaml = median(List.of(launcher.toString()), "run", "--quiet", yaml.toString());
        double bareBaseline = median(bareJava, "--version");
        double bare = median(bareJava, "run", "--quiet", json.toString());
        System.out.printf("scenario: %,d servers, %,d steps (%,d KiB of JSON, %,d KiB of YAML)%n", SERVERS, steps,
                Files.size(json) / 1024, Files.size(yaml) / 1024);
        System.out.printf("baseline, ./novasim --version: %.2f s%n", baseline);
        System.out.printf("./novasim run, JSON file: %.2f s (%.1fx the baseline; target under %.0f s: %s)%n", fromJson,
                fromJson / baseline, TARGET_SECONDS, fromJson < TARGET_SECONDS ? "met" : "not met");
        System.out.printf("./novasim run, YAML file: %.2f s (%.1fx the baseline)%n", fromYaml, fromYaml / baseline);
        System.out.printf("java -jar novasim.jar --version: %.2f s; run, JSON file: %.2f s (%.1fx)%n", bareBaseline,
                bare, bare / bareBaseline);
    }

    /** The scenario, as a JSON tree (written as JSON and as YAML). */
    static ObjectNode scenario() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("description", "benchmark: " + SERVERS + " servers, rounds of reboot, read, stop, start");
        root.put("seed", 1);
        ObjectNode world = root.putObject("world");
        ObjectNode setup = world.putObject("setup");
        setup.putArray("projects").addObject().put("name", "demo");
        ObjectNode user = setup.putArray("users").addObject().put("name", "demo").put("password", "secret");
        user.putObject("roles").putArray("demo").add("member");
        setup.putArray("flavors").addObject().put("id", "1").put("name", "m1.tiny").put("vcpus", 1)
                .put("ram_mb", 512).put("disk_gb", 1);
        setup.putArray("images").addObject().put("name", "cirros");
        ObjectNode network = setup.putArray("networks").addObject().put("name", "private").put("project", "demo");
        network.putArray("subnets").addObject().put("name", "private-subnet").put("cidr", "10.0.0.0/16");
        // ten thousand servers: more than Nova's and Neutron's default quotas hold (-1: unlimited)
        ObjectNode quotas = setup.putObject("quotas");
        for (String quota : List.of("instances", "cores", "ram", "port")) {
            quotas.put(quota, -1);
        }
        world.putArray("servers").addObject().put("name", "node").put("count", SERVERS);
        ArrayNode steps = root.putArray("steps");
        for (int first = 1; steps.size() < STEPS; first = (first - 1 + PER_ROUND) % SERVERS + 1) {
            List<String> round = new ArrayList<>();
            for (int i = 0; i < PER_ROUND; i++) {
                round.add("${server.node-" + ((first - 1 + i) % SERVERS + 1) + "}");
            }
            round.forEach(server -> operation(steps, "reboot", server, 202));
            ObjectNode check = steps.addObject().putObject("check").putObject("servers");
            check.putObject("node-" + first).put("task_state", "rebooting");
            steps.addObject().put("advance", "1m");
            for (String server : round) {
                ObjectNode step = steps.addObject();
                step.putObject("request").put("path", "/v2.1/servers/" + server);
                step.putObject("expect").put("status", 200).putObject("json").put("/server/status", "ACTIVE");
            }
            round.forEach(server -> operation(steps, "stop", server, 202));
            steps.addObject().put("advance", "1m");
            round.forEach(server -> operation(steps, "start", server, 202));
            steps.addObject().put("advance", "1m");
        }
        return root;
    }

    private static void operation(ArrayNode steps, String name, String server, int status) {
        ObjectNode step = steps.addObject();
        step.putObject("operation").put("name", name).put("server", server);
        step.putObject("expect").put("status", status);
    }

    /** The median wall time, in seconds, of {@code command} with {@code args}, each run in a fresh JVM. */
    private static double median(List<String> command, String... args) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(args));
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            seconds[i] = time(full);
        }
        Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }

    /** The wall time, in seconds, of one run of {@code command}, which must exit 0. */
    private static double time(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ":\n" + out);
        }
        return seconds;
    }
}
