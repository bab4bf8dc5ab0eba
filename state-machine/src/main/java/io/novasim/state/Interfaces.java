package io.novasim.state;

import io.novasim.model.quota.QuotaResource;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.EventErrors;
import io.novasim.model.error.Refusal;
import io.novasim.model.network.FixedIp;
import io.novasim.model.network.Network;
import io.novasim.model.network.Port;
import io.novasim.model.network.Subnet;
import io.novasim.model.server.Server;
import io.novasim.state.command.AttachInterface;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.Networks;
import io.novasim.state.command.Receipt;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultTarget;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.rules.TransitionTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ports and port interfaces (nova-semantics.md §3): attach is synchronous, detach is accepted at once and completes
 * later; a port Nova created is deleted on detach, a user's port is kept and unbound.
 */
final class Interfaces {
    private final World world;

    private final Quotas quotas;

    Interfaces(World world, Quotas quotas) {
        this.quotas = quotas;
        this.world = world;
    }

    // ---------------------------------------------------------------- Neutron ports

    Receipt createPort(Caller caller, CreatePort command, String requestId, Instant now) {
        Network network = usableNetwork(caller, command.networkId(),
                Refusal.NETWORK_NOT_FOUND);
        quotas.checkNetwork(caller.projectId(), java.util.Map.of(QuotaResource.PORT, 1));
        List<String> groups = command.securityGroupIds() == null ? defaultGroups(caller.projectId())
                : checkedGroups(caller, caller.projectId(), command.securityGroupIds());
        FixedIp ip = allocate(network, command.fixedIp(), NEUTRON_IN_USE);
        Port port = new Port(world.ids.uuid(), command.name(), network.id(), caller.projectId(),
                world.ids.macAddress(), List.of(ip), Port.DOWN, "", "", false, null, now, now,
                command.description() == null ? "" : command.description(), groups);
        world.put(port, now);
        return Receipt.of(requestId, port);
    }

    Receipt deletePort(Caller caller, String portId, String requestId, Instant now) {
        Port port = visiblePort(caller, portId);
        world.removePort(port.id(), now);
        return Receipt.of(requestId, port);
    }

    /** Applies an update's attributes together, its security groups checked as at create. */
    Receipt updatePort(Caller caller, io.novasim.state.command.UpdatePort command, String requestId, Instant now) {
        Port port = visiblePort(caller, command.portId());
        List<String> groups = command.securityGroupIds() == null ? null
                : checkedGroups(caller, port.projectId(), command.securityGroupIds());
        Port updated = port.updated(command.name(), command.description(), groups, now);
        world.put(updated, now);
        return Receipt.of(requestId, updated);
    }

    /**
     * The security groups a port of {@code projectId} may be put in: each the project's (any, for an admin), else
     * Neutron's 404 naming those it did not find ({@code _get_security_groups_on_port}).
     */
    private List<String> checkedGroups(Caller caller, String projectId, List<String> groupIds) {
        List<String> missing = new ArrayList<>();
        java.util.Set<String> unique = new java.util.LinkedHashSet<>(groupIds);
        for (String id : unique) {
            io.novasim.model.network.SecurityGroup group = world.securityGroups.get(id);
            if (group == null || !(caller.admin() || group.projectId().equals(projectId))) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw Refusal.SECURITY_GROUP_NOT_FOUND.exception(String.join(", ", missing));
        }
        return List.copyOf(unique);
    }

    /**
     * A create's security groups as the ids of the groups Nova's ports are to be in ({@code _check_requested_secgroups}
     * and neutronclient's lookup): {@code default} is the project's own; another is a group the caller sees by that
     * id, else the one group of the caller's project with that name.
     */
    List<String> resolveGroups(Caller caller, List<String> namesOrIds) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (String wanted : namesOrIds) {
            if (wanted.equals("default")) {
                ids.addAll(defaultGroups(caller.projectId()));
                continue;
            }
            io.novasim.model.network.SecurityGroup byId = world.securityGroups.get(wanted);
            if (byId != null && caller.canSee(byId.projectId())) {
                ids.add(byId.id());
                continue;
            }
            List<String> named = new ArrayList<>();
            for (io.novasim.model.network.SecurityGroup group : world.securityGroups.values()) {
                if (group.name().equals(wanted) && group.projectId().equals(caller.projectId())) {
                    named.add(group.id());
                }
            }
            if (named.size() > 1) {
                throw Refusal.SECURITY_GROUP_NOT_UNIQUE.exception(wanted);
            }
            if (named.isEmpty()) {
                throw Refusal.SECURITY_GROUP_IN_BODY_NOT_FOUND.exception(wanted);
            }
            ids.add(named.get(0));
        }
        return List.copyOf(ids);
    }

    /** A new port's groups when none are named: its project's default group, as Neutron puts it in. */
    private List<String> defaultGroups(String projectId) {
        String id = SecurityGroups.defaultId(projectId);
        return world.securityGroups.containsKey(id) ? List.of(id) : List.of(); // an admin may have deleted it
    }

    Port visiblePort(Caller caller, String portId) {
        Port port = world.ports.get(portId);
        if (port == null || !caller.canSee(port.projectId())) {
            throw Refusal.PORT_NOT_FOUND.exception(portId);
        }
        return port;
    }

    // ---------------------------------------------------------------- os-interface

    Receipt attach(Caller caller, AttachInterface command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        if (command.portId() != null && command.networkId() != null) {
            throw Refusal.BOTH_NETWORK_AND_PORT.exception();
        }
        if (command.fixedIp() != null && command.networkId() == null) {
            throw Refusal.FIXED_IP_WITHOUT_NETWORK.exception();
        }
        TransitionRule rule = TransitionTable.rule(Operation.ATTACH_INTERFACE);
        rule.check(server, caller.admin());

        Port existing = null;
        Network network = null;
        FixedIp ip = null;
        if (command.portId() != null) {
            existing = visiblePort(caller, command.portId());
            if (existing.bound()) {
                throw Refusal.PORT_IN_USE.exception(existing.id()).explainedAs("attach_interface refused: port "
                        + existing.id() + " is bound to " + existing.deviceId() + " (rule: a port serves one server)");
            }
        } else {
            network = command.networkId() != null
                    ? usableNetwork(caller, command.networkId(),
                            Refusal.NETWORK_NOT_FOUND)
                    : onlyNetwork(server.projectId());
            quotas.checkPort(server.projectId());
            ip = allocate(network, command.fixedIp(), ATTACH_IN_USE);
        }
        Optional<FaultEffect> fault = world.fault(FaultTarget.server(Operation.ATTACH_INTERFACE, server.id(),
                server.name(), server.projectId()).withPort(command.portId()), requestId, now);
        if (fault.isPresent() && fault.get() instanceof FaultEffect.FailCompletion) {
            // Attach is an RPC call: a failure inside nova-compute comes straight back as the API's 500.
            throw Refusal.INTERFACE_ATTACH_FAILED.exception(server.id());
        }

        Port port = existing != null
                ? existing.boundTo(server.id(), server.availabilityZone(), command.tag(), now)
                : new Port(world.ids.uuid(), "", network.id(), server.projectId(), world.ids.macAddress(),
                List.of(ip), Port.ACTIVE, server.id(), Port.deviceOwnerIn(server.availabilityZone()), true,
                command.tag(), now, now, "", defaultGroups(server.projectId()));
        world.put(port, now);
        world.finishedAction(rule, server.id(), requestId, caller, rule.computeEvent(), now);
        return Receipt.of(requestId, port);
    }

    /**
     * Accepted whatever the port: Nova's API does not look whether it is attached, so a wrong port id fails later,
     * on the instance action, as in a real deployment (nova-semantics.md §3.2-§3.3).
     */
    Receipt detach(Caller caller, DetachInterface command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        TransitionRule rule = TransitionTable.rule(Operation.DETACH_INTERFACE);
        rule.check(server, caller.admin());
        Optional<FaultEffect> fault = world.fault(FaultTarget.server(Operation.DETACH_INTERFACE, server.id(),
                server.name(), server.projectId()).withPort(command.portId()), requestId, now);
        world.startAction(rule, server.id(), requestId, caller, now, true);
        world.start(World.requestSlot(requestId), new Job.Task.DetachPort(server.id(), command.portId()),
                requestId, Operation.DETACH_INTERFACE, 1, world.timings.of(Operation.DETACH_INTERFACE), now, fault,
                -1);
        return Receipt.of(requestId, server);
    }

    void step(Job job, Instant at) {
        world.cancel(job.key());
        Job.Task.DetachPort task = (Job.Task.DetachPort) job.task();
        String event = TransitionTable.rule(Operation.DETACH_INTERFACE).computeEvent();
        if (!world.servers.containsKey(task.serverId())) {
            return;
        }
        Port port = world.ports.get(task.portId());
        if (port == null || !port.boundTo(task.serverId())) {
            world.finishEvent(task.serverId(), job.requestId(), event, at, EventErrors.portNotAttached(task.portId()));
            return;
        }
        if (job.failing()) {
            world.finishEvent(task.serverId(), job.requestId(), event, at,
                    EventErrors.interfaceDetachFailed(task.serverId()) + ": " + job.failure().message());
            return;
        }
        release(port, at);
        world.finishEvent(task.serverId(), job.requestId(), event, at, null);
    }

    /** The ports bound to a server, in the order they were bound: what {@code GET os-interface} lists. */
    List<Port> boundTo(String serverId) {
        return world.portsBoundTo(serverId);
    }

    /** Lets a server's ports go, as Nova's {@code deallocate_port_for_instance} does. */
    void releasePorts(String serverId, Instant at) {
        for (Port port : boundTo(serverId)) {
            release(port, at);
        }
    }

    private void release(Port port, Instant at) {
        if (port.createdByCompute()) {
            world.removePort(port.id(), at);
        } else {
            world.put(port.unbound(at), at);
        }
    }

    // ---------------------------------------------------------------- boot-time networking

    /** What a create binds: existing ports, and new ports to make on networks. */
    record BootPlan(List<Port> ports, List<Network> networks, List<FixedIp> addresses) {
    }

    /**
     * The ports a new server gets: those named in the request, and one new port per network with an address taken in
     * {@code draft} (a multi-create plans every server's in one draft before it binds any).
     */
    BootPlan planBootPorts(Caller caller, Networks networks, IpUsage.Draft draft) {
        List<Port> ports = new ArrayList<>();
        List<Network> onNetworks = new ArrayList<>();
        List<FixedIp> addresses = new ArrayList<>();
        switch (networks.mode()) {
            case NONE -> {
            }
            case AUTO -> {
                List<Network> usable = usableNetworks(caller.projectId());
                if (usable.size() > 1) {
                    throw Refusal.NETWORK_AMBIGUOUS_AT_CREATE.exception();
                }
                for (Network network : usable) {
                    onNetworks.add(network);
                    addresses.add(allocate(network, null, createInUse(), draft));
                }
            }
            case LIST -> {
                Set<String> portsTaken = new HashSet<>();
                for (Networks.NetworkRequest request : networks.requests()) {
                    if (request.portId() != null) {
                        Port port = world.ports.get(request.portId());
                        if (port == null || !caller.canSee(port.projectId())) {
                            throw Refusal.PORT_IN_BODY_NOT_FOUND.exception(request.portId());
                        }
                        if (port.bound() || !portsTaken.add(port.id())) {
                            throw Refusal.PORT_IN_USE.exception(port.id());
                        }
                        ports.add(port);
                    } else {
                        Network network = usableNetwork(caller, request.networkId(),
                                Refusal.NETWORK_IN_BODY_NOT_FOUND);
                        onNetworks.add(network);
                        addresses.add(allocate(network, request.fixedIp(), createInUse(), draft));
                    }
                }
            }
        }
        return new BootPlan(ports, onNetworks, addresses);
    }

    /** Binds the ports a create planned; those Nova makes are in {@code groupIds}. */
    void bindBootPorts(Server server, BootPlan plan, List<String> groupIds, Instant now) {
        for (Port port : plan.ports()) {
            world.put(port.boundTo(server.id(), server.availabilityZone(), null, now), now);
        }
        for (int i = 0; i < plan.networks().size(); i++) {
            world.put(new Port(world.ids.uuid(), "", plan.networks().get(i).id(), server.projectId(),
                    world.ids.macAddress(), List.of(plan.addresses().get(i)), Port.ACTIVE, server.id(),
                    Port.deviceOwnerIn(server.availabilityZone()), true, null, now, now, "", groupIds), now);
        }
    }

    // ---------------------------------------------------------------- networks and addresses

    private Network usableNetwork(Caller caller, String networkId, Refusal notFound) {
        Network network = world.catalog.network(networkId).orElseThrow(() -> notFound.exception(networkId));
        if (!caller.admin() && !network.usableBy(caller.projectId())) {
            throw notFound.exception(networkId);
        }
        return network;
    }

    /** The networks a server of this project may join without naming one: its own and shared ones. */
    List<Network> usableNetworks(String projectId) {
        List<Network> usable = new ArrayList<>();
        for (Network network : world.catalog.eachNetwork()) {
            if (!network.external() && network.usableBy(projectId)
                    && !world.catalog.subnetsOf(network.id()).isEmpty()) {
                usable.add(network);
            }
        }
        return usable;
    }

    /** Nova picks among the networks of the server's project ({@code _get_available_networks}), whoever asks. */
    private Network onlyNetwork(String projectId) {
        List<Network> usable = usableNetworks(projectId);
        if (usable.size() > 1) {
            throw Refusal.NETWORK_AMBIGUOUS.exception();
        }
        if (usable.isEmpty()) {
            throw Refusal.NO_NETWORK_AVAILABLE.exception(projectId);
        }
        return usable.get(0);
    }

    /** How each caller words "that address is taken". */
    private interface InUse extends java.util.function.BiFunction<String, Subnet, ComputeException> {
    }

    /** Interface attach. */
    private static final InUse ATTACH_IN_USE = (ip, subnet) -> Refusal.FIXED_IP_IN_USE.exception(ip);
    /** Neutron's own port create. */
    private static final InUse NEUTRON_IN_USE = (ip, subnet) ->
            Refusal.IP_ADDRESS_ALREADY_ALLOCATED.exception(ip, subnet.id());

    private FixedIp allocate(Network network, String requested, InUse inUse) {
        return allocate(network, requested, inUse, world.ipUsage.draft());
    }

    /** Server create: the address's holder is named, as a 400. */
    private InUse createInUse() {
        return (ip, subnet) -> Refusal.FIXED_IP_IN_USE_AT_CREATE.exception(ip, world.ports.values().stream()
                .filter(p -> p.fixedIps().stream().anyMatch(f -> f.ipAddress().equals(ip)))
                .map(Port::deviceId).findFirst().orElse(""));
    }

    /**
     * A fixed IP on the network's subnets: the requested one if it is free, else the lowest free address of the
     * allocation pool. The address is taken in {@code draft}, which knows the addresses planned but not yet bound.
     */
    private FixedIp allocate(Network network, String requested, InUse inUse, IpUsage.Draft draft) {
        List<Subnet> subnets = world.catalog.subnetsOf(network.id());
        if (requested != null) {
            for (Subnet subnet : subnets) {
                if (subnet.cidr().contains(requested) && !isReserved(subnet, requested)) {
                    if (draft.isTaken(subnet, requested)) {
                        throw inUse.apply(requested, subnet);
                    }
                    draft.take(subnet, requested);
                    return new FixedIp(subnet.id(), requested);
                }
            }
            throw Refusal.FIXED_IP_NOT_ON_NETWORK.exception(requested, network.id());
        }
        for (Subnet subnet : subnets) {
            for (int offset = draft.nextFree(subnet, 1); offset > 0 && offset < subnet.cidr().size() - 1;
                 offset = draft.nextFree(subnet, offset + 1)) {
                String candidate = subnet.cidr().address(offset);
                if (!isReserved(subnet, candidate)) {
                    draft.take(subnet, candidate);
                    return new FixedIp(subnet.id(), candidate);
                }
            }
        }
        throw Refusal.NO_MORE_FIXED_IPS.exception(network.id());
    }

    private static boolean isReserved(Subnet subnet, String address) {
        int offset = subnet.cidr().offsetOf(address);
        return address.equals(subnet.gatewayIp()) || offset <= 0 || offset >= subnet.cidr().size() - 1;
    }
}
