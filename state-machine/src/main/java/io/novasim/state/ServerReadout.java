package io.novasim.state;

import io.novasim.model.network.ServerAddress;
import io.novasim.model.server.Server;
import io.novasim.model.volume.VolumeAttachment;

import java.util.List;
import java.util.Map;

/**
 * A server with what its API view shows besides its own fields, all read at one instant: its addresses (from its
 * bound ports) and its volume attachments.
 */
public record ServerReadout(Server server, Map<String, List<ServerAddress>> addresses,
                            List<VolumeAttachment> volumeAttachments) {
}
