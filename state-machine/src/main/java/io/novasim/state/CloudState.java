package io.novasim.state;

import io.novasim.model.action.InstanceAction;
import io.novasim.model.keypair.Keypair;
import io.novasim.model.media.MediaAttachment;
import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.state.faults.FiredFault;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A copy of everything a {@link Cloud} holds at one instant: equal states mean equal clouds.
 *
 * @param quotaOverrides the quota limits admins set, by project, then by the services' resource names
 */
public record CloudState(Instant now, List<Server> servers, Map<String, List<InstanceAction>> actions,
                         List<Port> ports, List<CinderVolume> volumes, List<VolumeAttachment> volumeAttachments,
                         List<MediaAttachment> media, List<Keypair> keypairs, List<FiredFault> firedFaults,
                         List<io.novasim.model.image.GlanceImage> images,
                         List<io.novasim.model.migration.Migration> migrations,
                         List<io.novasim.model.network.Network> networks,
                         List<io.novasim.model.network.Subnet> subnets, List<String> hostsDown,
                         List<io.novasim.model.network.SecurityGroup> securityGroups,
                         List<io.novasim.model.server.ServerGroup> serverGroups,
                         Map<String, Map<String, Integer>> quotaOverrides) {
    public CloudState {
        servers = List.copyOf(servers);
        actions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(actions));
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
        volumeAttachments = List.copyOf(volumeAttachments);
        media = List.copyOf(media);
        keypairs = List.copyOf(keypairs);
        firedFaults = List.copyOf(firedFaults);
        images = List.copyOf(images);
        migrations = List.copyOf(migrations);
        networks = List.copyOf(networks);
        subnets = List.copyOf(subnets);
        hostsDown = List.copyOf(hostsDown);
        securityGroups = List.copyOf(securityGroups);
        serverGroups = List.copyOf(serverGroups);
        quotaOverrides = Map.copyOf(quotaOverrides);
    }
}
