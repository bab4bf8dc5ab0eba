package io.novasim.report;

import io.novasim.model.server.PowerState;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.report.RunReport.Entry;
import io.novasim.report.RunReport.Kind;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.faults.FiredFault;
import io.novasim.state.log.EventListener;
import io.novasim.state.log.SimEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Hears the engine's events as they happen and tells them as transcript entries, naming servers, volumes and
 * attachments as the scenario does rather than by their ids.
 */
public final class EventNarrator implements EventListener {
    private final Queue<SimEvent> heard = new ConcurrentLinkedQueue<>();
    /** Names by id, learnt from the command that created each thing. */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, SimEvent.ServerChanged> lastState = new HashMap<>();
    /** A server entry's fields, by (vm_state, task_state, power_state): one copy for every entry of a state. */
    private final Map<List<Object>, Map<String, String>> stateFields = new HashMap<>();
    /** What the newest accepted creating command will name the next new thing of its kind. */
    private final Map<String, java.util.Deque<String>> pendingNames = new HashMap<>();

    @Override
    public void on(SimEvent event) {
        heard.add(event);
    }

    /**
     * Forgets what was heard so far (the world being built), telling nothing of it. What it taught stays: names, and
     * each server's last state, which the next entry about it tells the change from.
     */
    public void skip() {
        for (SimEvent event = heard.poll(); event != null; event = heard.poll()) {
            entry(event, false);
        }
    }

    /** The entries for what was heard since the last call. */
    public List<Entry> tell() {
        SimEvent event = heard.poll();
        if (event == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (; event != null; event = heard.poll()) {
            Entry entry = entry(event, true);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The name a scenario knows a server by (its id until it was seen created). */
    public String name(String id) {
        return id == null ? null : names.getOrDefault(id, id);
    }

    /** The entry for an event (none when {@code telling} is false), after learning what it teaches. */
    private Entry entry(SimEvent event, boolean telling) {
        if (event instanceof SimEvent.Executed executed) {
            if (executed.accepted()) {
                expectName(executed.command());
            }
            return null;
        }
        if (event instanceof SimEvent.ServerChanged changed) {
            return server(changed, telling);
        }
        if (event instanceof SimEvent.ServerRemoved removed) {
            lastState.remove(removed.serverId());
            return !telling ? null : new Entry(removed.at(), Kind.SERVER,
                    "server " + name(removed.serverId()) + " is gone",
                    name(removed.serverId()), Map.of("vm_state", "deleted"));
        }
        if (event instanceof SimEvent.ResourceChanged changed) {
            return resource(changed, telling);
        }
        if (!telling) {
            return null;
        }
        if (event instanceof SimEvent.FaultFired fired) {
            return faultFired(fired);
        }
        if (event instanceof SimEvent.WorkFinished finished && finished.error() != null) {
            return new Entry(finished.at(), Kind.WORK_FAILED, finished.event() + " on " + name(finished.serverId())
                    + " failed: " + finished.error(), name(finished.serverId()), Map.of());
        }
        if (event instanceof SimEvent.StuckReleased released) {
            return new Entry(released.at(), Kind.NOTE, "work of " + name(released.serverId()) + " released",
                    name(released.serverId()), Map.of());
        }
        return null;
    }

    private void expectName(Command command) {
        if (command instanceof CreateServer create) {
            java.util.Deque<String> servers = new java.util.ArrayDeque<>(create.count());
            for (int i = 0; i < create.count(); i++) {
                servers.add(create.nameOf(i)); // a multi-create's servers come in launch order
            }
            pendingNames.put("server", servers);
        } else if (command instanceof CreateVolume create) {
            pendingNames.put("volume", new java.util.ArrayDeque<>(List.of(create.name())));
        } else if (command instanceof CreatePort create) {
            pendingNames.put("port", new java.util.ArrayDeque<>(List.of(create.name())));
        } else if (command instanceof AttachVolume attach) {
            pendingNames.put("volume_attachment", new java.util.ArrayDeque<>(List.of(name(attach.volumeId()) + " on "
                    + name(attach.serverId()))));
        }
    }

    private Entry server(SimEvent.ServerChanged changed, boolean telling) {
        SimEvent.ServerChanged before = lastState.put(changed.serverId(), changed);
        if (before == null) {
            learn("server", changed.serverId());
        }
        if (!telling) {
            return null;
        }
        String name = name(changed.serverId());
        List<String> parts = new ArrayList<>();
        if (before == null || before.vmState() != changed.vmState()) {
            parts.add("vm_state " + (before == null ? "" : before.vmState() + " -> ") + changed.vmState());
        }
        if (before == null || before.taskState() != changed.taskState()) {
            parts.add("task_state " + (before == null ? "" : before.taskState() + " -> ") + changed.taskState());
        }
        if (before == null || before.powerState() != changed.powerState()) {
            parts.add("power_state " + (before == null ? "" : before.powerState().name().toLowerCase(
                    java.util.Locale.ROOT) + " -> ") + changed.powerState().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (parts.isEmpty()) {
            return null;
        }
        return new Entry(changed.at(), Kind.SERVER, "server " + name + ": " + String.join(", ", parts), name,
                fields(changed.vmState(), changed.taskState(), changed.powerState()));
    }

    /** A server entry's fields: vm_state, task_state (empty for none), power_state; one copy per state. */
    public Map<String, String> fields(VmState vmState, TaskState taskState, PowerState powerState) {
        return stateFields.computeIfAbsent(List.of(vmState, taskState, powerState), state -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("vm_state", vmState.value());
            fields.put("task_state", taskState == TaskState.NONE ? "" : taskState.value());
            fields.put("power_state", powerState.name().toLowerCase(java.util.Locale.ROOT));
            return RunReport.fields(fields);
        });
    }

    private Entry resource(SimEvent.ResourceChanged changed, boolean telling) {
        if (!names.containsKey(changed.id())) {
            learn(changed.kind(), changed.id());
        }
        if (!telling) {
            return null;
        }
        String name = name(changed.id());
        String kind = changed.kind().replace('_', ' ');
        return new Entry(changed.at(), Kind.RESOURCE, kind + " " + name + ": " + changed.state(), name,
                Map.of("kind", changed.kind(), "state", changed.state()));
    }

    private Entry faultFired(SimEvent.FaultFired event) {
        FiredFault fault = event.fault();
        String on = (fault.service() == null || fault.service() == io.novasim.state.faults.Service.COMPUTE ? ""
                : fault.service().project() + "'s ") + (fault.operationName() == null ? "API"
                : fault.operationName())
                + (fault.serverId() == null ? "" : " of " + name(fault.serverId()));
        return new Entry(event.at(), Kind.FAULT_FIRED, "fault " + fault.ruleId() + " fired on " + on + ": "
                + fault.effect().describe(), name(fault.serverId()), Map.of("rule", fault.ruleId()));
    }

    private void learn(String kind, String id) {
        java.util.Deque<String> pending = pendingNames.get(kind);
        String name = pending == null ? null : pending.poll();
        if (name != null && !name.isEmpty()) {
            names.putIfAbsent(id, name); // a name given first (a running simulator's, told apart) stays
        }
    }

    /** Records a name the scenario gave a thing (a world's server), for the entries that follow. */
    public void name(String id, String name) {
        names.put(id, name);
    }
}
