package io.novasim.state.explore;

import io.novasim.state.rules.Operation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The steps an exploration takes from every state: each operation on each target, with each fault, and the clock. */
public final class Steps {
    /**
     * The operations an exploration can send: those a client sends with no argument but their targets. Creating,
     * rebuilding, resizing and migrating need more (an image, a flavor, a host) and are left out.
     */
    public static final Set<Operation> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(
            Operation.STOP, Operation.START, Operation.REBOOT_SOFT, Operation.REBOOT_HARD, Operation.PAUSE,
            Operation.UNPAUSE, Operation.SUSPEND, Operation.RESUME, Operation.RESCUE, Operation.UNRESCUE,
            Operation.SHELVE, Operation.SHELVE_OFFLOAD, Operation.UNSHELVE, Operation.DELETE, Operation.LOCK,
            Operation.UNLOCK, Operation.ATTACH_INTERFACE, Operation.DETACH_INTERFACE,
            Operation.ATTACH_VOLUME, Operation.DETACH_VOLUME, Operation.MEDIA_ATTACH, Operation.MEDIA_DETACH));

    private Steps() {
    }

    private static final Map<Operation, String> NAMES = names();

    /** An operation's name in labels, as {@code novasim states} and {@code explain} name it: {@code detach-volume}. */
    public static String name(Operation operation) {
        return NAMES.get(operation);
    }

    private static Map<Operation, String> names() {
        Map<Operation, String> names = new java.util.EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            names.put(operation, io.novasim.state.rules.VmStateGraph.name(operation));
        }
        return names;
    }

    /**
     * Every step: each operation on each server (and each port, volume or medium it attaches or detaches), then each
     * of those with each fault, then the clock's {@code complete}, then a {@code release} per server when {@code stuck}
     * is among the faults.
     *
     * @throws IllegalArgumentException for an operation not in {@link #SUPPORTED}
     */
    public static List<Step> of(ExploreWorld world, Collection<Operation> operations, Collection<ExploreFault> faults) {
        List<Step> steps = new ArrayList<>();
        List<ExploreFault> withFaults = new ArrayList<>();
        withFaults.add(null);
        withFaults.addAll(EnumSet.copyOf(faults.isEmpty() ? EnumSet.noneOf(ExploreFault.class) : faults));
        for (ExploreFault fault : withFaults) {
            for (Operation operation : operations) {
                if (!SUPPORTED.contains(operation)) {
                    throw new IllegalArgumentException(name(operation) + " cannot be explored");
                }
                for (Map.Entry<String, String> server : world.servers().entrySet()) {
                    Map<String, String> resources = resourcesOf(world, operation);
                    if (resources == null) {
                        steps.add(call(world, operation, fault, server, null));
                    } else {
                        for (Map.Entry<String, String> resource : resources.entrySet()) {
                            steps.add(call(world, operation, fault, server, resource));
                        }
                    }
                }
            }
        }
        steps.add(new Step.Complete());
        if (faults.contains(ExploreFault.STUCK)) {
            for (Map.Entry<String, String> server : world.servers().entrySet()) {
                steps.add(new Step.Release(server.getKey(),
                        world.servers().size() == 1 ? "release" : "release " + server.getValue()));
            }
        }
        return List.copyOf(steps);
    }

    private static Map<String, String> resourcesOf(ExploreWorld world, Operation operation) {
        return switch (operation.kind()) {
            case INTERFACE -> world.ports();
            case VOLUME -> world.volumes();
            case MEDIA -> world.media();
            default -> null;
        };
    }

    private static Step.Call call(ExploreWorld world, Operation operation, ExploreFault fault,
                                  Map.Entry<String, String> server, Map.Entry<String, String> resource) {
        StringBuilder label = new StringBuilder(name(operation));
        if (world.servers().size() > 1) {
            label.append(' ').append(server.getValue());
        }
        if (resource != null && resourcesOf(world, operation).size() > 1) {
            label.append(' ').append(resource.getValue());
        }
        if (fault != null) {
            label.append('!').append(fault.label());
        }
        return new Step.Call(operation, fault, server.getKey(), resource == null ? null : resource.getKey(),
                label.toString());
    }
}
