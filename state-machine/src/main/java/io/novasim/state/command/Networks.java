package io.novasim.state.command;

import java.util.List;
import java.util.Objects;

/** The {@code networks} of a server create: {@code auto}, {@code none}, or a list of networks and ports. */
public record Networks(Mode mode, List<NetworkRequest> requests) {
    /** Which of the three forms of {@code networks} was asked for. */
    public enum Mode { AUTO, NONE, LIST }

    public static final Networks AUTO = new Networks(Mode.AUTO, List.of());
    public static final Networks NONE = new Networks(Mode.NONE, List.of());

    public Networks {
        Objects.requireNonNull(mode, "mode");
        requests = List.copyOf(requests);
        if ((mode == Mode.LIST) == requests.isEmpty()) {
            throw new IllegalArgumentException("a list of networks has requests; auto and none have none");
        }
    }

    public static Networks of(NetworkRequest... requests) {
        return new Networks(Mode.LIST, List.of(requests));
    }

    /** One entry: a network (optionally with a fixed IP) or an existing port. */
    public record NetworkRequest(String networkId, String portId, String fixedIp) {
        public static NetworkRequest network(String id) {
            return new NetworkRequest(id, null, null);
        }

        public static NetworkRequest port(String id) {
            return new NetworkRequest(null, id, null);
        }
    }
}
