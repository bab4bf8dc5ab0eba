package io.novasim.http.control;

import io.novasim.http.support.Json;
import io.novasim.state.faults.FiredFault;
import io.novasim.state.log.SimEvent;

import java.util.Map;

/** The engine's events, and fired faults, as JSON objects. */
public final class EventJson {
    private EventJson() {
    }

    /** A fired fault as the control plane shows it. */
    public static Map<String, Object> fired(FiredFault fault) {
        Map<String, Object> json = Json.object();
        json.put("at", fault.at().toString());
        json.put("rule_id", fault.ruleId());
        json.put("service", fault.service() == null ? null : fault.service().jsonName()); // null: an override
        json.put("operation", fault.operationName());
        json.put("request_id", fault.requestId());
        json.put("server_id", fault.serverId());
        json.put("effect", FaultRuleJson.effect(fault.effect()));
        return json;
    }

    /** An engine event as the control plane's {@code events} and the console's stream show it. */
    public static Map<String, Object> of(SimEvent event) {
        Map<String, Object> json = Json.object();
        json.put("type", event.getClass().getSimpleName());
        json.put("at", event.at().toString());
        if (event instanceof SimEvent.Executed executed) {
            json.put("request_id", executed.requestId());
            json.put("user_id", executed.caller().userId());
            json.put("project_id", executed.caller().projectId());
            json.put("command", executed.command().getClass().getSimpleName());
            json.put("arguments", executed.command());
            json.put("refusal", executed.refusal());
        } else if (event instanceof SimEvent.ServerChanged changed) {
            json.put("server_id", changed.serverId());
            json.put("vm_state", changed.vmState().value());
            json.put("task_state", changed.taskState().value());
            json.put("power_state", changed.powerState().code());
            json.put("status", io.novasim.model.server.ServerStatus.of(changed.vmState(), changed.taskState())
                    .name());
        } else if (event instanceof SimEvent.FaultFired fired) {
            json.put("fault", fired(fired.fault()));
        } else if (event instanceof SimEvent.MatchableCall call) {
            json.put("request_id", call.requestId());
            json.put("operation", call.target().operationName());
            json.put("server_id", call.target().serverId());
            json.put("server_name", call.target().serverName());
            json.put("project_id", call.target().projectId());
            json.put("port_id", call.target().portId());
            json.put("volume_id", call.target().volumeId());
            json.put("image_id", call.target().imageId());
        } else {
            json.put("event", event);
        }
        return json;
    }
}
