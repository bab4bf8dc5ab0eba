package io.novasim.state.explore;

import io.novasim.model.media.MediaAttachment;
import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.model.server.VmState;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.model.volume.VolumeStatus;
import io.novasim.state.CloudState;
import io.novasim.state.PendingWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What must hold in every state the engine can reach; an exploration checks each state it finds against each. */
public enum Invariant {
    /** A volume is in-use exactly when an attachment lists it, and available exactly when none does. */
    VOLUME_IN_USE_WHEN_ATTACHED("a volume is in-use exactly when an attachment lists it") {
        @Override
        void check(CloudState state, List<PendingWork> work, List<String> found) {
            Set<String> attached = new HashSet<>();
            state.volumeAttachments().forEach(a -> attached.add(a.volumeId()));
            for (CinderVolume volume : state.volumes()) {
                if (volume.status() == VolumeStatus.IN_USE && !attached.contains(volume.id())) {
                    found.add("volume " + volume.id() + " is in-use but no attachment lists it");
                } else if (volume.status() == VolumeStatus.AVAILABLE && attached.contains(volume.id())) {
                    found.add("volume " + volume.id() + " is available but an attachment lists it");
                }
            }
        }
    },
    /** A port bound to a device is bound to a live server. */
    BOUND_PORT_ON_LIVE_SERVER("a bound port's device is a live server") {
        @Override
        void check(CloudState state, List<PendingWork> work, List<String> found) {
            Map<String, Server> servers = servers(state);
            for (Port port : state.ports()) {
                if (port.deviceOwner() != null && port.deviceOwner().startsWith("compute:")
                        && !live(servers.get(port.deviceId()))) {
                    found.add("port " + port.id() + " is bound to " + port.deviceId() + ", which is no live server");
                }
            }
        }
    },
    /** No volume or medium stays attached to a server that is gone. */
    NO_ATTACHMENT_WITHOUT_SERVER("no attachment outlives its server") {
        @Override
        void check(CloudState state, List<PendingWork> work, List<String> found) {
            Map<String, Server> servers = servers(state);
            for (VolumeAttachment attachment : state.volumeAttachments()) {
                if (!live(servers.get(attachment.serverId()))) {
                    found.add("volume " + attachment.volumeId() + " is attached to " + attachment.serverId()
                            + ", which is no live server");
                }
            }
            for (MediaAttachment medium : state.media()) {
                if (!live(servers.get(medium.serverId()))) {
                    found.add("medium " + medium.imageId() + " is attached to " + medium.serverId()
                            + ", which is no live server");
                }
            }
        }
    },
    /** A server shows a task_state only while work on it is in flight (held work counts). */
    TASK_STATE_HAS_WORK("no task_state stays set with nothing pending") {
        @Override
        void check(CloudState state, List<PendingWork> work, List<String> found) {
            Set<String> busy = new HashSet<>();
            work.forEach(piece -> busy.add(piece.serverId()));
            for (Server server : state.servers()) {
                if (!server.taskState().isIdle() && !busy.contains(server.id())) {
                    found.add("server " + server.id() + " shows task_state " + server.taskState().value()
                            + " with no work in flight");
                }
            }
        }
    },
    /** A volume attaching or detaching has that work in flight. */
    VOLUME_CHANGE_HAS_WORK("no volume stays attaching or detaching with nothing pending") {
        @Override
        void check(CloudState state, List<PendingWork> work, List<String> found) {
            Set<String> moving = new HashSet<>();
            work.forEach(piece -> moving.add(piece.resourceId()));
            for (CinderVolume volume : state.volumes()) {
                if ((volume.status() == VolumeStatus.ATTACHING || volume.status() == VolumeStatus.DETACHING)
                        && !moving.contains(volume.id())) {
                    found.add("volume " + volume.id() + " stays " + volume.status().value()
                            + " with no work in flight");
                }
            }
        }
    },
    /** A deleted server holds no port and no volume. */
    DELETED_SERVER_HOLDS_NOTHING("a deleted server leaves no port bound and no volume attached") {
        @Override
        void check(CloudState state, List<PendingWork> work, List<String> found) {
            Map<String, List<String>> held = new HashMap<>();
            state.ports().forEach(p -> held.computeIfAbsent(p.deviceId(), d -> new ArrayList<>()).add("port " + p.id()));
            state.volumeAttachments().forEach(a -> held.computeIfAbsent(a.serverId(), d -> new ArrayList<>())
                    .add("volume " + a.volumeId()));
            for (Server server : state.servers()) {
                if (server.vmState() == VmState.DELETED && held.containsKey(server.id())) {
                    found.add("deleted server " + server.id() + " still holds " + held.get(server.id()));
                }
            }
        }
    };

    private final String description;

    Invariant(String description) {
        this.description = description;
    }

    /** What it promises, in words: {@code a volume is in-use exactly when an attachment lists it}. */
    public String description() {
        return description;
    }

    /** Adds a sentence for each way the state breaks this invariant. */
    abstract void check(CloudState state, List<PendingWork> work, List<String> found);

    /** The ways the state breaks this invariant, empty when it holds. */
    public List<String> violations(CloudState state, List<PendingWork> work) {
        List<String> found = new ArrayList<>();
        check(state, work, found);
        return found;
    }

    private static Map<String, Server> servers(CloudState state) {
        Map<String, Server> byId = new HashMap<>();
        state.servers().forEach(server -> byId.put(server.id(), server));
        return byId;
    }

    private static boolean live(Server server) {
        return server != null && server.vmState() != VmState.DELETED;
    }
}
