package io.novasim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.novasim.CloudSetup;
import io.novasim.cli.explain.Explainer;
import io.novasim.cli.explain.Explanation;
import io.novasim.cli.scenario.NamedOperations;
import io.novasim.cli.states.StateDiagram;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ExplainCommandTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final String ISO = "3339fd5f-ec06-4ef8-9337-c1c70218a748";

    @Test
    void detachInterfaceIsExplainedFromItsRequestToItsDialects() {
        Cli cli = Cli.run("explain", "detach-interface");

        assertThat(cli.exitCode).isZero();
        String text = cli.out.toString();
        assertThat(text).startsWith("detach-interface: Detach a port from a server\n")
                .containsSubsequence("\nRequest", "\nAccepted when", "\nAt once", "\nLater", "\nFailures",
                        "\nDialects")
                .contains("  DELETE /v2.1/servers/<server>/os-interface/<port>\n", "  success: 202, no body\n")
                .containsSubsequence("the server is not locked", "vm_state is active, paused or stopped",
                        "no task runs on the server (task_state None)", "launched_at is set")
                .contains("404 itemNotFound       [INSTANCE_NOT_FOUND] Instance <server> could not be found.\n",
                        "409 conflictingRequest [INSTANCE_LOCKED] Instance <server> is locked\n",
                        "409 conflictingRequest [INSTANCE_INVALID_STATE] Cannot 'detach_interface' instance <server> "
                                + "while it is in task_state <task_state>\n",
                        "when vm_state is building, suspended, rescued, resized, soft-delete, error, shelved or "
                                + "shelved_offloaded\n")
                .contains("- the port stays bound and listed by GET os-interface until the detach completes\n",
                        "- at 1s: the port is released: a port Nova created (by network) is deleted, a port the "
                                + "user created is kept and unbound; event compute_detach_interface Success\n",
                        "event compute_detach_interface Error: Port <port> is not attached\n",
                        "event compute_detach_interface Error: Failed to detach network adapter device from "
                                + "<server>: <the rule's message>\n")
                .contains("  ecl-compute: DELETE /ecl/compute/v2/{tenant_id}/servers/<server>/os-interface/<port>\n",
                        "- the empty answer has Content-Type text/html; charset=UTF-8 (Nova: application/json)\n",
                        "  hostway: DELETE /hostway/servers/<server>/os-interface/<port>\n")
                // Seed 003 documents 204 for the volume detach only.
                .doesNotContain("- a success is 204 instead of 202\n");
        assertThat(Cli.run("explain", "detach-volume").out.toString()).contains("- a success is 204 instead of 202\n");
    }

    @Test
    void stopRebootAndMediaDetachSayWhatChangesAndWhen() {
        assertThat(Cli.run("explain", "stop").out.toString())
                .contains("  POST /v2.1/servers/<server>/action\n  {\"os-stop\":null}\n", "vm_state is active or error",
                        "- task_state becomes powering-off (status does not change)\n",
                        "- at 2s: task_state None, vm_state stopped, power_state SHUTDOWN (status SHUTOFF); event "
                                + "compute_stop_instance Success\n",
                        "Instance <server> is in an invalid state for 'stop'\n");
        assertThat(Cli.run("explain", "reboot").out.toString())
                .startsWith("reboot-soft: Reboot a server gracefully\nAlso named: reboot\n")
                .contains("{\"reboot\":{\"type\":\"SOFT\"}}",
                        "- task_state becomes rebooting (status REBOOT)\n",
                        "- at 1s: task_state reboot_pending (status REBOOT)\n",
                        "- at 3s: task_state None, vm_state active, power_state RUNNING (status ACTIVE)",
                        "when a later delete, reboot-hard, soft-delete, evacuate, reset-state-active or "
                                + "reset-state-error is accepted");
        assertThat(Cli.run("explain", "media-detach").out.toString())
                .contains("  {\"media-detach\":{\"imageRef\":\"<image>\"}}\n", "  success: 200, no body\n",
                        "not of Nova", "- task_state becomes media_detaching",
                        "404 itemNotFound       [MEDIA_NOT_ATTACHED] Media <image> is not attached to server "
                                + "<server>\n",
                        "409 conflictingRequest [INSTANCE_INVALID_STATE] Cannot 'media-detach' instance <server> "
                                + "while it is in task_state <task_state>\n",
                        "then task_state None; the media is attached again\n");
    }

    @Test
    void detachVolumeNamesTheDialectsThatAnswerItOtherwise() {
        String text = Cli.run("explain", "detach-volume").out.toString();

        assertThat(text).contains(
                "400 badRequest         [CANNOT_DETACH_ROOT_VOLUME] Cannot detach a root device volume\n",
                "- 400 badRequest Cannot detach a root device volume is 403 forbidden Can't detach root device volume\n",
                "- no microversions: every call is 2.1; so, as below 2.20, a shelved or shelved_offloaded server is "
                        + "refused (409 vm_state)\n",
                "- each of these is 404 itemNotFound Resource not found (the body adds details and errorid): 404 "
                        + "itemNotFound Instance <server> could not be found.; ");
    }

    @Test
    void everySpellingOfANameGivesTheSameExplanation() {
        String canonical = Cli.run("explain", "detach-volume").out.toString();
        for (String name : List.of("DETACH_VOLUME", "detach_volume", "Detach-Volume", " detach-volume ")) {
            Cli cli = Cli.run("explain", name);
            assertThat(cli.exitCode).as(name).isZero();
            assertThat(cli.out.toString()).as(name).isEqualTo(canonical);
        }
        assertThat(Cli.run("explain", "REBOOT").out.toString())
                .isEqualTo(Cli.run("explain", "reboot-soft").out.toString());
    }

    @Test
    void everyNameAScenarioUsesIsExplained() {
        for (String name : NamedOperations.names()) {
            Cli cli = Cli.run("explain", name);
            assertThat(cli.exitCode).as(name).isZero();
            assertThat(cli.out.toString()).as(name).contains("\nFailures\n");
        }
    }

    @Test
    void withoutANameEveryOperationIsListedOnALine() {
        Cli cli = Cli.run("explain");

        assertThat(cli.exitCode).isZero();
        List<String> lines = cli.out.toString().lines().toList();
        assertThat(lines).hasSize(Operation.values().length + 1);
        for (Operation operation : Operation.values()) {
            assertThat(lines).as("%s", operation).anyMatch(line -> line.startsWith("  "
                    + StateDiagram.name(operation) + " "));
        }
        assertThat(lines).contains("  detach-interface      Detach a port from a server: DELETE "
                + "/v2.1/servers/<server>/os-interface/<port>, 202, done after 1s");
    }

    @Test
    void anUnknownNameIsAUsageErrorThatListsTheNames() {
        Cli cli = Cli.run("explain", "levitate");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.out.toString()).isEmpty();
        assertThat(cli.err.toString()).contains("Unknown operation 'levitate'. Operations: create, delete, stop,",
                "detach-volume", "media-detach", "reboot-soft", ", reboot");
    }

    /**
     * Sends the explained requests (Nova's and two dialects') through a real simulator in a scenario, expecting the
     * explained success statuses: the requests and statuses printed are what the API takes and answers.
     */
    @Test
    void theExplainedRequestsAreAcceptedWithTheExplainedStatuses(@TempDir Path dir) throws IOException {
        Explainer explainer = Explainer.withDefaultTimings();
        ObjectMapper json = new ObjectMapper();
        ArrayNode steps = json.createArrayNode();
        Map<String, String> boot = Map.of("<name>", "web", "<image>", IMAGE, "<flavor>", "1");
        steps.add(send(json, explainer.explain(Operation.CREATE), boot).set("save",
                json.createObjectNode().put("server", "/server/id")));
        steps.add(json.createObjectNode().put("advance", "5s"));
        steps.add(get(json, "/volume/v3/" + CloudSetup.DEMO_PROJECT + "/volumes?name=data-1")
                .set("save", json.createObjectNode().put("volume", "/volumes/0/id")));
        steps.add(get(json, "/v2.1/servers/${server}/os-interface")
                .set("save", json.createObjectNode().put("port", "/interfaceAttachments/0/port_id")));
        Map<String, String> ids = Map.of("<server>", "${server}", "<volume>", "${volume}", "<port>", "${port}",
                "<image>", ISO);
        for (Operation operation : List.of(Operation.ATTACH_VOLUME, Operation.STOP, Operation.START,
                Operation.REBOOT_SOFT, Operation.REBOOT_HARD, Operation.PAUSE, Operation.UNPAUSE, Operation.SUSPEND,
                Operation.RESUME, Operation.RESCUE, Operation.UNRESCUE, Operation.SHELVE, Operation.UNSHELVE,
                Operation.MEDIA_ATTACH, Operation.MEDIA_DETACH, Operation.DETACH_VOLUME, Operation.ATTACH_VOLUME)) {
            steps.add(send(json, explainer.explain(operation), ids));
            steps.add(json.createObjectNode().put("advance", "10s")); // whatever it does is done by then
        }
        ObjectNode reset = send(json, explainer.explain(Operation.RESET_STATE_ACTIVE), ids);
        ((ObjectNode) reset.get("request")).put("user", "admin").put("project", "demo");
        steps.add(reset);
        Explanation detachVolume = explainer.explain(Operation.DETACH_VOLUME);
        for (String dialect : List.of("hostway", "ecl-compute")) {
            Explanation.DialectNote note = detachVolume.dialects().stream()
                    .filter(n -> n.dialect().equals(dialect)).findFirst().orElseThrow();
            String[] line = note.request().split(" ", 2);
            ObjectNode request = json.createObjectNode().put("method", line[0])
                    .put("path", fill(line[1], ids).replace("{tenant_id}", CloudSetup.DEMO_PROJECT));
            if (dialect.equals("hostway")) {
                request.put("user", "none");
                request.set("headers", json.createObjectNode().put("Authorization", "Basic ZGVtbzpzZWNyZXQ="));
            }
            ObjectNode step = json.createObjectNode();
            step.set("request", request);
            step.set("expect", json.createObjectNode().put("status", note.status()));
            steps.add(step);
            steps.add(json.createObjectNode().put("advance", "1s"));
            steps.add(send(json, explainer.explain(Operation.ATTACH_VOLUME), ids));
            steps.add(json.createObjectNode().put("advance", "2s"));
        }
        for (Operation operation : List.of(Operation.DETACH_INTERFACE, Operation.LOCK, Operation.UNLOCK,
                Operation.DELETE)) {
            steps.add(send(json, explainer.explain(operation), ids));
        }
        ObjectNode scenario = json.createObjectNode().put("seed", 1);
        scenario.set("steps", steps);
        Path file = dir.resolve("explained.yaml");
        Files.writeString(file, new YAMLMapper().writeValueAsString(scenario));

        Cli cli = Cli.run("run", file.toString());
        assertThat(cli.exitCode).as(cli.out + cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("PASSED").doesNotContain(": FAIL");
    }

    private static ObjectNode send(ObjectMapper json, Explanation explanation, Map<String, String> values)
            throws IOException {
        Explanation.Request request = explanation.call().request();
        ObjectNode sent = json.createObjectNode().put("method", request.method())
                .put("path", fill(request.path(), values));
        if (request.body() != null) {
            JsonNode body = json.readTree(fill(request.body(), values));
            sent.set("body", body);
        }
        ObjectNode step = json.createObjectNode().put("name", explanation.name());
        step.set("request", sent);
        step.set("expect", json.createObjectNode().put("status", explanation.call().status()));
        return step;
    }

    private static ObjectNode get(ObjectMapper json, String path) {
        ObjectNode step = json.createObjectNode();
        step.set("request", json.createObjectNode().put("path", path));
        return step;
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }
}
