package io.novasim.cli.explore;

import io.novasim.cli.scenario.NamedOperations;
import io.novasim.cli.scenario.Scenario;
import io.novasim.state.explore.Step;
import io.novasim.state.rules.Operation;

import java.util.Map;

/**
 * How an exploration's call is spelled as a client sends it: the scenario's named operation, the Nova v2.1 request
 * behind it, and the status Nova answers when it accepts it. {@code ExploreTraceScenarioTest} holds the statuses to
 * what the API answers.
 */
final class CallSpelling {
    /** The statuses other than 202: deleting a server is 204; attaching an interface or a volume, media and rescue (its
     * body has the admin password) 200. */
    private static final Map<Operation, Integer> ACCEPTED = Map.of(Operation.DELETE, 204,
            Operation.ATTACH_INTERFACE, 200, Operation.ATTACH_VOLUME, 200, Operation.MEDIA_ATTACH, 200,
            Operation.MEDIA_DETACH, 200, Operation.RESCUE, 200);

    private CallSpelling() {
    }

    /** The status of the answer when the call is accepted. */
    static int acceptedStatus(Operation operation) {
        return ACCEPTED.getOrDefault(operation, 202);
    }

    /** The scenario's name for an operation: {@code reboot} for both reboots, else the operation's own. */
    static String scenarioName(Operation operation) {
        return operation == Operation.REBOOT_SOFT || operation == Operation.REBOOT_HARD ? "reboot"
                : io.novasim.state.explore.Steps.name(operation);
    }

    /**
     * The call as a scenario's named operation, its ids spelled by {@code spell} (an id as it is, or a saved name
     * such as {@code ${server.web}}).
     */
    static Scenario.NamedOperation operation(Step.Call call, java.util.function.UnaryOperator<String> spell) {
        Operation op = call.operation();
        String resource = call.resourceId() == null ? null : spell.apply(call.resourceId());
        return new Scenario.NamedOperation(scenarioName(op), spell.apply(call.serverId()),
                op.kind() == Operation.Kind.INTERFACE ? resource : null, null,
                op.kind() == Operation.Kind.VOLUME ? resource : null,
                op.kind() == Operation.Kind.MEDIA ? resource : null,
                op == Operation.REBOOT_HARD ? "HARD" : null, null, null, null);
    }

    /** The request line and body a client sends for the call, e.g. {@code POST /v2.1/servers/ID/action {"os-stop":null}}. */
    static String request(Step.Call call) {
        Scenario.Request request = NamedOperations.request(operation(call, id -> id));
        return request.method() + " /v2.1" + request.path() + (request.body() == null ? "" : " " + request.body());
    }

    /** The answer: the accepted status, or the refusal's status, fault and message. */
    static String answer(Step.Call call, String refusal) {
        return refusal != null ? refusal : String.valueOf(acceptedStatus(call.operation()));
    }
}
