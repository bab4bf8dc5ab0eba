package io.novasim.state;

import io.novasim.model.action.InstanceAction;
import io.novasim.model.server.Server;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A copy of everything a {@link Cloud} holds at one instant: equal states mean equal clouds. */
public record CloudState(Instant now, List<Server> servers, Map<String, List<InstanceAction>> actions) {
    public CloudState {
        servers = List.copyOf(servers);
        actions = Map.copyOf(actions);
    }
}
