package io.novasim.state;

import io.novasim.model.network.ServerAddress;
import io.novasim.model.server.Server;
import io.novasim.model.volume.VolumeAttachment;

import java.util.List;
import java.util.Map;

/**
 * A server with what its API view shows besides its own fields, all read at one instant: its addresses (from its
 * bound ports), its volume attachments and its security groups.
 *
 * @param securityGroups the names of its ports' security groups, port by port, as Nova lists them (a group two
 *                       ports share is named twice; none when it has no port)
 */
public record ServerReadout(Server server, Map<String, List<ServerAddress>> addresses,
                            List<VolumeAttachment> volumeAttachments, List<String> securityGroups) {
}
