package io.novasim.state.faults;

import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;

import java.util.List;

/**
 * What Nova does when a service one of its calls needs is down. Found by running Nova 26.2.2's API (Debian's
 * python3-nova) against a closed port: the call fails in the API with a 500 {@code computeFault} whose message is
 * Nova's "Unexpected API Error" naming the exception's class, and nothing is changed. An interface detach is the
 * exception: its API never asks Neutron, so it is accepted, and its work then fails (the port stays attached).
 */
public final class Outages {
    private static final String CINDER = "nova.exception.CinderConnectionFailed";
    private static final String GLANCE = "nova.exception.GlanceConnectionFailed";
    /** Neutron's client has nothing to translate a refused connection into: keystoneauth's exception goes up. */
    private static final String NEUTRON = "keystoneauth1.exceptions.connection.ConnectFailure";
    /** An attach by network id asks Neutron on the compute host; the failure comes back over RPC. */
    private static final String NEUTRON_OVER_RPC = "oslo_messaging.rpc.client.RemoteError";

    private Outages() {
    }

    /** The services a Nova call needs, in the order Nova asks them (a create asks Glance before Neutron). */
    public static List<Service> needs(FaultTarget call) {
        if (call.operation() == null) {
            return List.of();
        }
        return switch (call.operation()) {
            case ATTACH_VOLUME, DETACH_VOLUME, SWAP_VOLUME -> List.of(Service.VOLUME);
            case ATTACH_INTERFACE, DETACH_INTERFACE -> List.of(Service.NETWORK);
            case CREATE -> call.imageId() != null ? List.of(Service.IMAGE, Service.NETWORK)
                    : List.of(Service.NETWORK);
            case CREATE_IMAGE, CREATE_BACKUP, REBUILD -> List.of(Service.IMAGE);
            default -> List.of();
        };
    }

    /**
     * Nova's answer to {@code call} while {@code down} is: the 500 it answers, thrown, or for an interface detach the
     * failure of its work.
     *
     * @throws ComputeException Nova's 500, for every call but an interface detach
     */
    public static FaultEffect consequence(FaultTarget call, Service down) {
        String exception = switch (down) {
            case VOLUME -> CINDER;
            case IMAGE -> GLANCE;
            case NETWORK -> call.operation() == io.novasim.state.rules.Operation.ATTACH_INTERFACE
                    && call.portId() == null ? NEUTRON_OVER_RPC : NEUTRON;
            default -> throw new IllegalArgumentException("Nova's calls do not need " + down.jsonName());
        };
        if (call.operation() == io.novasim.state.rules.Operation.DETACH_INTERFACE) {
            return new FaultEffect.FailCompletion(500, exception);
        }
        throw Refusal.UNEXPECTED_API_ERROR.exception(exception);
    }
}
