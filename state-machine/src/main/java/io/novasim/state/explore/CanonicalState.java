package io.novasim.state.explore;

import io.novasim.model.media.MediaAttachment;
import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.state.CloudState;
import io.novasim.state.PendingWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A state as an exploration tells states apart: every server's vm_state, task_state, power_state and lock, every
 * port's status and device, every volume's status and attachments, every medium, and the work in flight in the order
 * it falls due, with ids replaced by the world's names and times left out. Two states with the same form behave the
 * same from here on, as far as the steps can tell.
 */
final class CanonicalState {
    /** The world's names by id, read once: a form is made for every step that changes something. */
    private final Map<String, String> worldNames;

    CanonicalState(ExploreWorld world) {
        this.worldNames = world.names();
    }

    /** The form, one line per kind of resource: readable in graphs, and compact enough to keep by the million. */
    String of(CloudState state, List<PendingWork> work) {
        Names names = new Names(worldNames);
        StringBuilder form = new StringBuilder(128);
        for (Server server : state.servers()) {
            form.append(names.of(server.id(), "server")).append(' ').append(server.vmState().value()).append('/')
                    .append(server.taskState().isIdle() ? "-" : server.taskState().value()).append('/')
                    .append(server.powerState().name().toLowerCase(Locale.ROOT));
            if (server.locked()) {
                form.append(" locked");
            }
            form.append('\n');
        }
        for (Port port : state.ports()) {
            form.append("port ").append(names.of(port.id(), "port")).append(' ').append(port.status());
            if (port.deviceId() != null && !port.deviceId().isEmpty()) {
                form.append(" on ").append(names.of(port.deviceId(), "device"));
            }
            form.append('\n');
        }
        Map<String, List<String>> attachedTo = new HashMap<>();
        for (VolumeAttachment attachment : state.volumeAttachments()) {
            attachedTo.computeIfAbsent(attachment.volumeId(), v -> new ArrayList<>())
                    .add(names.of(attachment.serverId(), "server") + " " + attachment.status().value());
        }
        for (CinderVolume volume : state.volumes()) {
            form.append("volume ").append(names.of(volume.id(), "volume")).append(' ').append(volume.status().value());
            List<String> attachments = attachedTo.get(volume.id());
            if (attachments != null) {
                form.append(" on ").append(String.join(", ", attachments));
            }
            form.append('\n');
        }
        for (MediaAttachment medium : state.media()) {
            form.append("medium ").append(names.of(medium.imageId(), "image")).append(' ')
                    .append(medium.status().value()).append(" on ").append(names.of(medium.serverId(), "server"))
                    .append('\n');
        }
        for (PendingWork piece : work) {
            form.append("work ").append(Steps.name(piece.operation()));
            if (piece.serverId() != null) {
                form.append(' ').append(names.of(piece.serverId(), "server"));
            }
            if (piece.resourceId() != null) {
                form.append(' ').append(names.of(piece.resourceId(), "resource"));
            }
            if (piece.phases() > 1) {
                form.append(' ').append(piece.phase() + 1).append('/').append(piece.phases());
            }
            if (piece.failing()) {
                form.append(" failing");
            }
            if (piece.held()) {
                form.append(" held");
            }
            form.append('\n');
        }
        return form.toString();
    }

    /** The world's names for its ids; any other id gets a name by its kind and the order it was first seen in. */
    private static final class Names {
        private final Map<String, String> world;
        private Map<String, String> others;

        Names(Map<String, String> world) {
            this.world = world;
        }

        String of(String id, String kind) {
            String name = world.get(id);
            if (name != null) {
                return name;
            }
            if (others == null) {
                others = new HashMap<>();
            }
            return others.computeIfAbsent(id, unknown -> kind + "#" + (others.size() + 1));
        }
    }
}
