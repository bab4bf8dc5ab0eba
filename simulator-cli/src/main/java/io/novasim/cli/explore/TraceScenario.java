package io.novasim.cli.explore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.novasim.cli.DurationText;
import io.novasim.cli.scenario.Scenario;
import io.novasim.http.control.FaultRuleJson;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.state.CloudState;
import io.novasim.state.explore.Explorer;
import io.novasim.state.explore.Step;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace written as a scenario file that {@code novasim run} plays: the same world, then each step as a client or
 * the admin takes it (a call with its fault rule around it, the clock's moves, a release), each call expecting the
 * answer the exploration saw, and a final check of the state the trace leads to.
 */
final class TraceScenario {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FAULT_ID = "explore";

    private TraceScenario() {
    }

    /**
     * @param world    the explored world
     * @param walk     the trace, taken again
     * @param comments the file's first lines: what the trace shows
     */
    static String write(ExploredWorld world, Explorer.Walk walk, List<String> comments) {
        Map<String, String> spelled = new HashMap<>();
        world.start().saved().forEach((name, id) -> spelled.put(id, "${" + name + "}"));
        ObjectNode scenario = NODES.objectNode();
        Scenario source = world.scenario();
        scenario.put("seed", source.seed() == null ? 1 : source.seed());
        if (source.preset() != null) {
            scenario.put("preset", source.preset());
        }
        if (source.world() != null) {
            scenario.set("world", YAML.valueToTree(source.world()));
        }
        if (!source.timings().isEmpty()) {
            scenario.set("timings", YAML.valueToTree(source.timings()));
        }
        ArrayNode steps = scenario.putArray("steps");
        for (Explorer.Walk.Taken taken : walk.steps()) {
            if (!taken.applied()) {
                continue;
            }
            Step step = taken.step();
            if (step instanceof Step.Complete) {
                steps.addObject().put("advance", DurationText.format(taken.advanced()));
            } else if (step instanceof Step.Release release) {
                ObjectNode request = steps.addObject().putObject("request");
                request.put("method", "POST").put("path", "/__sim/v1/servers/" + spell(spelled, release.serverId())
                        + "/release").put("user", "admin").put("project", "admin");
            } else if (step instanceof Step.Call call) {
                if (call.fault() != null) {
                    FaultRule rule = new FaultRule(FAULT_ID, FaultMatch.operation(call.operation()),
                            call.fault().effect(), Trigger.nextCalls(1));
                    steps.addObject().set("fault", YAML.valueToTree(FaultRuleJson.write(rule)));
                }
                ObjectNode taking = steps.addObject();
                ObjectNode operation = YAML.valueToTree(CallSpelling.operation(call, id -> spell(spelled, id)));
                operation.properties().removeIf(field -> field.getValue().isNull());
                taking.set("operation", operation);
                int status = taken.refusal() == null ? CallSpelling.acceptedStatus(call.operation())
                        : Integer.parseInt(taken.refusal().substring(0, 3));
                taking.putObject("expect").put("status", status);
                if (call.fault() != null) {
                    steps.addObject().put("remove_fault", FAULT_ID);
                }
            }
        }
        steps.addObject().set("check", check(world, walk.end().state()));
        StringBuilder out = new StringBuilder();
        comments.forEach(line -> out.append("# ").append(line).append('\n'));
        try {
            out.append(YAML.writeValueAsString(scenario));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the trace as YAML", e);
        }
        return out.toString();
    }

    /** The state the trace ends in, of the world's servers and volumes, as a scenario checks it. */
    private static ObjectNode check(ExploredWorld world, CloudState state) {
        ObjectNode check = NODES.objectNode();
        ObjectNode servers = check.putObject("servers");
        for (Map.Entry<String, String> named : world.explore().servers().entrySet()) {
            Server server = state.servers().stream().filter(s -> s.id().equals(named.getKey())).findFirst()
                    .orElse(null);
            if (server != null) {
                servers.putObject(named.getValue()).put("vm_state", server.vmState().value())
                        .put("task_state", server.taskState().value())
                        .put("power_state", server.powerState().code());
            }
        }
        ObjectNode volumes = check.putObject("volumes");
        for (Map.Entry<String, String> named : world.explore().volumes().entrySet()) {
            state.volumes().stream().filter(v -> v.id().equals(named.getKey())).findFirst()
                    .ifPresent((CinderVolume volume) -> volumes.putObject(named.getValue())
                            .put("status", volume.status().value())
                            .put("attachments", state.volumeAttachments().stream()
                                    .filter(a -> a.volumeId().equals(volume.id())).count()));
        }
        if (servers.isEmpty()) {
            check.remove("servers");
        }
        if (volumes.isEmpty()) {
            check.remove("volumes");
        }
        return check;
    }

    private static String spell(Map<String, String> spelled, String id) {
        return spelled.getOrDefault(id, id);
    }
}
