package io.novasim.state;

import io.novasim.model.action.InstanceAction;
import io.novasim.model.catalog.Catalog;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.model.keypair.Keypair;
import io.novasim.model.media.MediaAttachment;
import io.novasim.model.network.FixedIp;
import io.novasim.model.network.Network;
import io.novasim.model.network.Port;
import io.novasim.model.network.ServerAddress;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.state.command.AttachInterface;
import io.novasim.state.command.AttachMedia;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreateKeypair;
import io.novasim.state.command.CreatePort;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DeleteKeypair;
import io.novasim.state.command.DeleteServerMetadata;
import io.novasim.state.command.DeletePort;
import io.novasim.state.command.DeleteVolume;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachMedia;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.SetServerMetadata;
import io.novasim.state.command.UpdateServer;
import io.novasim.state.command.RebuildServer;
import io.novasim.state.command.MigrateServer;
import io.novasim.state.command.CreateServerBackup;
import io.novasim.state.command.LiveMigrateServer;
import io.novasim.state.command.EvacuateServer;
import io.novasim.state.command.SetComputeServiceDown;
import io.novasim.state.command.CreateNetwork;
import io.novasim.state.command.CreateServerGroup;
import io.novasim.state.command.DeleteServerGroup;
import io.novasim.state.command.DeleteQuotas;
import io.novasim.state.command.UpdateQuotas;
import io.novasim.state.command.UpdatePort;
import io.novasim.state.command.CreateSecurityGroup;
import io.novasim.state.command.DeleteSecurityGroup;
import io.novasim.state.command.CreateSecurityGroupRule;
import io.novasim.state.command.DeleteSecurityGroupRule;
import io.novasim.state.command.DeleteNetwork;
import io.novasim.state.command.CreateSubnet;
import io.novasim.state.command.DeleteSubnet;
import io.novasim.state.command.ResizeServer;
import io.novasim.state.command.CreateServerImage;
import io.novasim.state.command.DeleteImage;
import io.novasim.state.command.UpdateServerTags;
import io.novasim.state.command.UpdateVolumeAttachment;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.FiredFault;
import io.novasim.state.ids.IdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.log.SimEvent;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one owner of the simulated cloud's state. Every command and every read runs under this object's lock, first
 * completing the work that the virtual clock says is due, so each call is atomic and linearizable and a reader never
 * sees a half-applied change. Checks come before changes: a refused command changes nothing (but the fault plan's
 * counters, which count the calls they saw).
 *
 * <p>The engine never reads the wall clock, sleeps or starts a thread: time is the injected {@link VirtualClock}, and
 * every generated value comes from the injected {@link IdSource}.
 */
public final class Cloud {
    private final VirtualClock clock;
    private final World world;
    /** The servers of the last {@link #state} read, in the world's order, and their actions by id: see there. */
    private String[] actionIds = new String[0];
    private java.util.TreeMap<String, List<InstanceAction>> actionsById = new java.util.TreeMap<>();
    /**
     * No queued work falls due before this: {@link World#dueBound()} as it was when this object's lock was last let
     * go. Moving the clock to a time before it completes nothing, so {@link #advanceTo} needs no lock then.
     */
    private volatile Instant dueBound = Instant.MAX;
    /** How many times the state may have changed: see {@link #version()}. */
    private volatile long version;
    private final Lifecycle lifecycle;
    private final Interfaces interfaces;
    private final Volumes volumes;
    private final Media media;
    private final Keypairs keypairs;
    private final Images images;
    private final Migrations migrations;
    private final TenantNetworks tenantNetworks;
    private final SecurityGroups securityGroups;
    private final ServerGroups serverGroups;
    private final ServerMetadata metadata;
    private final ServerTags tags;
    private final Quotas quotas;

    public Cloud(Catalog catalog, VirtualClock clock, IdSource ids, Timings timings, EventListener listener) {
        this(Objects.requireNonNull(clock, "clock"), new World(Objects.requireNonNull(catalog, "catalog"),
                Objects.requireNonNull(ids, "ids"), Objects.requireNonNull(timings, "timings"),
                Objects.requireNonNull(listener, "listener")));
        SecurityGroups.addDefaults(world, clock.now());
    }

    /** The engine over a world, fresh or copied. */
    private Cloud(VirtualClock clock, World world) {
        this.clock = clock;
        this.world = world;
        this.quotas = new Quotas(world);
        this.interfaces = new Interfaces(world, quotas);
        this.volumes = new Volumes(world, quotas);
        this.media = new Media(world);
        this.keypairs = new Keypairs(world, quotas);
        this.images = new Images(world);
        this.migrations = new Migrations(world);
        this.tenantNetworks = new TenantNetworks(world, quotas);
        this.securityGroups = new SecurityGroups(world, quotas);
        this.metadata = new ServerMetadata(world, quotas);
        this.tags = new ServerTags(world);
        this.serverGroups = new ServerGroups(world, quotas);
        this.lifecycle = new Lifecycle(world, interfaces, volumes, media, keypairs, images, migrations,
                serverGroups, quotas);
    }

    /** The copy {@link #copy} makes: a fresh engine on copies of the clock and ids, then the world copied over. */
    private Cloud(Cloud original, EventListener listener) {
        this(new VirtualClock(original.clock.now()), new World(original.world.catalog, original.world.ids.copy(),
                original.world.timings, listener));
        world.copyFrom(original.world);
        this.dueBound = original.dueBound;
        this.version = original.version;
    }

    /**
     * An engine in this one's state that goes its own way from here: the same servers, ports, volumes, work in
     * flight, fault plan, clock and seeded draws, so that the same commands give both the same answers, ids and
     * events. An exploration forks states with it instead of replaying the steps to them.
     *
     * @param listener where the copy reports its events (not this one's listener)
     * @return the copy
     */
    public synchronized Cloud copy(EventListener listener) {
        settle();
        return new Cloud(this, Objects.requireNonNull(listener, "listener"));
    }

    // ---------------------------------------------------------------- commands

    /**
     * Runs one command at the clock's current time.
     *
     * @throws ComputeException when Nova would refuse it (or a fault rule answers for it); nothing has changed then
     */
    public synchronized Receipt execute(Caller caller, Command command) {
        return execute(caller, command, null);
    }

    /**
     * Runs one command under a request id the caller drew with {@link #newRequestId()} (an HTTP adapter answers with
     * the same id it records the instance action under), or under a fresh one when {@code requestId} is null.
     */
    public synchronized Receipt execute(Caller caller, Command command, String requestId) {
        Instant now = clock.now(); // read once: the clock may be moved by another thread
        settle(now);
        if (requestId == null) {
            requestId = world.newRequestId();
        }
        world.beginCommand();
        Receipt receipt;
        try {
            receipt = dispatch(caller, command, requestId, now);
        } catch (ComputeException refused) {
            refused.refusing(name(command));
            world.endCommand(new SimEvent.Executed(now, caller, command, requestId, refused.toString()));
            version++; // a refusal changes nothing the APIs show, but a fault rule may have counted the call
            throw refused;
        } catch (RuntimeException bug) {
            world.endCommand(new SimEvent.Executed(now, caller, command, requestId, "500 computeFault: " + bug));
            version++;
            throw bug;
        }
        world.endCommand(new SimEvent.Executed(now, caller, command, requestId, null));
        dueBound = world.dueBound();
        version++;
        return receipt;
    }

    /** A command as refusals name it: {@code detach_interface}, {@code reboot}, {@code create_server}. */
    private static String name(Command command) {
        if (command instanceof io.novasim.state.command.Perform perform) {
            return perform.operation().name().toLowerCase(java.util.Locale.ROOT);
        }
        return COMMAND_NAMES.get(command.getClass());
    }

    /** Each command class's name in refusals, made once: refusals come by the thousand in explorations and load. */
    private static final ClassValue<String> COMMAND_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        }
    };

    private Receipt dispatch(Caller caller, Command command, String requestId, Instant now) {
        if (command instanceof CreateServer c) {
            return lifecycle.create(caller, c, requestId, now);
        } else if (command instanceof UpdateServer u) {
            return lifecycle.update(caller, u, requestId, now);
        } else if (command instanceof Perform p) {
            return lifecycle.perform(caller, p.serverId(), p.operation(), null, requestId, now);
        } else if (command instanceof LockServer l) {
            return lifecycle.perform(caller, l.serverId(), Operation.LOCK, l.reason(), requestId, now);
        } else if (command instanceof AttachInterface a) {
            return interfaces.attach(caller, a, requestId, now);
        } else if (command instanceof DetachInterface d) {
            return interfaces.detach(caller, d, requestId, now);
        } else if (command instanceof io.novasim.state.command.CallService c) {
            return world.callService(caller, c, requestId, now);
        } else if (command instanceof io.novasim.state.command.AnswerRoute a) {
            return world.answerRoute(a, requestId, now);
        } else if (command instanceof CreatePort c) {
            return interfaces.createPort(caller, c, requestId, now);
        } else if (command instanceof DeletePort d) {
            return interfaces.deletePort(caller, d.portId(), requestId, now);
        } else if (command instanceof CreateVolume c) {
            return volumes.create(caller, c, requestId, now);
        } else if (command instanceof DeleteVolume d) {
            return volumes.delete(caller, d.volumeId(), requestId, now);
        } else if (command instanceof AttachVolume a) {
            return volumes.attach(caller, a, requestId, now);
        } else if (command instanceof DetachVolume d) {
            return volumes.detach(caller, d, requestId, now);
        } else if (command instanceof UpdateVolumeAttachment u) {
            return volumes.update(caller, u, requestId, now);
        } else if (command instanceof AttachMedia a) {
            return media.attach(caller, a.serverId(), a.imageId(), requestId, now);
        } else if (command instanceof DetachMedia d) {
            return media.detach(caller, d.serverId(), d.imageId(), requestId, now);
        } else if (command instanceof SetServerMetadata m) {
            return metadata.set(caller, m, requestId, now);
        } else if (command instanceof DeleteServerMetadata d) {
            return metadata.delete(caller, d, requestId, now);
        } else if (command instanceof CreateServerGroup g) {
            return serverGroups.create(caller, g, requestId);
        } else if (command instanceof DeleteServerGroup d) {
            return serverGroups.delete(caller, d.groupId(), requestId);
        } else if (command instanceof UpdatePort r) {
            return interfaces.updatePort(caller, r, requestId, now);
        } else if (command instanceof CreateSecurityGroup g) {
            return securityGroups.create(caller, g, requestId, now);
        } else if (command instanceof DeleteSecurityGroup d) {
            return securityGroups.delete(caller, d.groupId(), requestId);
        } else if (command instanceof CreateSecurityGroupRule r) {
            return securityGroups.addRule(caller, r, requestId, now);
        } else if (command instanceof DeleteSecurityGroupRule d) {
            return securityGroups.deleteRule(caller, d.ruleId(), requestId);
        } else if (command instanceof CreateNetwork n) {
            return tenantNetworks.createNetwork(caller, n, requestId);
        } else if (command instanceof DeleteNetwork d) {
            return tenantNetworks.deleteNetwork(caller, d.networkId(), requestId);
        } else if (command instanceof CreateSubnet s) {
            return tenantNetworks.createSubnet(caller, s, requestId);
        } else if (command instanceof DeleteSubnet d) {
            return tenantNetworks.deleteSubnet(caller, d.subnetId(), requestId);
        } else if (command instanceof CreateServerBackup b) {
            return lifecycle.createBackup(caller, b, requestId, now);
        } else if (command instanceof LiveMigrateServer l) {
            return lifecycle.liveMigrate(caller, l, requestId, now);
        } else if (command instanceof MigrateServer m) {
            return lifecycle.migrate(caller, m, requestId, now);
        } else if (command instanceof EvacuateServer e) {
            return lifecycle.evacuate(caller, e, requestId, now);
        } else if (command instanceof SetComputeServiceDown d) {
            return lifecycle.setServiceDown(caller, d, requestId);
        } else if (command instanceof ResizeServer r) {
            return lifecycle.resize(caller, r, requestId, now);
        } else if (command instanceof CreateServerImage i) {
            return lifecycle.createImage(caller, i, requestId, now);
        } else if (command instanceof io.novasim.state.command.CreateImage i) {
            return images.create(caller, i, requestId, now);
        } else if (command instanceof io.novasim.state.command.UploadImage u) {
            return images.upload(caller, u, requestId, now);
        } else if (command instanceof DeleteImage d) {
            return images.delete(caller, d.imageId(), requestId);
        } else if (command instanceof RebuildServer r) {
            return lifecycle.rebuild(caller, r, requestId, now);
        } else if (command instanceof UpdateServerTags t) {
            return tags.update(caller, t, requestId, now);
        } else if (command instanceof UpdateQuotas q) {
            return quotas.update(caller, q, requestId);
        } else if (command instanceof DeleteQuotas d) {
            return quotas.delete(caller, d, requestId);
        } else if (command instanceof CreateKeypair c) {
            return keypairs.create(caller, c, requestId, now);
        } else if (command instanceof DeleteKeypair d) {
            return keypairs.delete(caller, d.name(), requestId);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    // ---------------------------------------------------------------- servers

    /** What Nova's fake virt driver answers for a console log ({@code nova/virt/fake.py}). */
    static final String CONSOLE_LOG = "FAKE CONSOLE OUTPUT\nANOTHER\nLAST LINE";

    /**
     * The server's console log ({@code os-getConsoleOutput}), its last {@code tailLength} lines when given, cut as
     * Nova's compute manager cuts it.
     *
     * @param tailLength null for all of it
     * @throws ComputeException Nova's 409 when the server has no host (scheduling, offloaded)
     */
    public synchronized String consoleOutput(Caller caller, String serverId, Integer tailLength) {
        settle();
        Server server = world.visibleServer(caller, serverId);
        if (!server.onHost()) {
            throw Refusal.INSTANCE_NOT_READY.exception(server.id()).explainedAs("get console output refused: the "
                    + "server has no host (rule: only a server placed on a compute host has a console)");
        }
        if (tailLength == null) {
            return CONSOLE_LOG;
        }
        if (tailLength == 0) {
            return "";
        }
        // Python's log.split('\n')[-length:]: a negative length drops that many lines from the start, so Nova's
        // "-1 means unlimited" loses the first line
        String[] lines = CONSOLE_LOG.split("\n", -1);
        int from = tailLength > 0 ? Math.max(0, lines.length - tailLength) : Math.min(lines.length, -tailLength);
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
    }

    /** The server groups of the caller's project, or every project's for an admin asking for all. */
    public synchronized List<io.novasim.model.server.ServerGroup> serverGroups(Caller caller, boolean allProjects) {
        settle();
        return serverGroups.visible(caller, allProjects);
    }

    /** The ids of the server groups a server is in (Nova's server_groups field, 2.71). */
    public synchronized List<String> serverGroupIds(String serverId) {
        List<String> ids = new ArrayList<>();
        for (io.novasim.model.server.ServerGroup group : world.serverGroups.values()) {
            if (group.members().contains(serverId)) {
                ids.add(group.id());
            }
        }
        return ids;
    }

    /** A server group of the caller's project (any, for an admin), or Nova's 404. */
    public synchronized io.novasim.model.server.ServerGroup serverGroup(Caller caller, String groupId) {
        settle();
        return serverGroups.visible(caller, groupId);
    }

    /**
     * A project's quota limits, for a caller who may read them (Nova's {@code os-quota-sets} show: the project's own
     * users, or admins), or Nova's 403; a project Keystone does not know is Nova's 400.
     */
    public synchronized io.novasim.model.quota.QuotaSet quotaLimits(Caller caller, String projectId) {
        return quotas.readable(caller, projectId, Quotas.SHOW_POLICY);
    }

    /**
     * The default limits, as Nova's {@code os-quota-sets/{id}/defaults} answers them to anyone: for a project Keystone
     * knows, else Nova's 400.
     */
    public synchronized io.novasim.model.quota.QuotaSet quotaDefaults(String projectId) {
        quotas.existing(projectId);
        return world.catalog.quotaDefaults();
    }

    /** A project's limits with what it uses of each ({@code os-quota-sets/{id}/detail}), for a caller who may read them. */
    public synchronized QuotaUsage quotaDetail(Caller caller, String projectId) {
        settle();
        return new QuotaUsage(quotas.readable(caller, projectId, Quotas.DETAIL_POLICY),
                quotas.usage(projectId, io.novasim.model.quota.QuotaResource.Service.COMPUTE));
    }

    /**
     * The limits and usage {@code GET /limits} shows: the caller's project's, or, for an admin, those of the
     * {@code tenantId} asked for (Nova asks for the admin policy whenever a tenant_id is given, even the caller's own).
     *
     * @param tenantId the project asked for, or {@code null} for the caller's
     */
    public synchronized QuotaUsage limits(Caller caller, String tenantId) {
        settle();
        String projectId = caller.projectId();
        if (tenantId != null) {
            io.novasim.state.rules.AdminPolicy.LIMITS_OTHER_PROJECT.enforce(caller.admin());
            projectId = tenantId;
        }
        return new QuotaUsage(quotas.limits(projectId),
                quotas.usage(projectId, io.novasim.model.quota.QuotaResource.Service.COMPUTE));
    }

    /**
     * A project's quota in Neutron or Cinder, with what it uses of each resource, for the project itself or an admin
     * (else the service's 403).
     *
     * @param details whether the caller asked for the usage too (Neutron words another's refusal differently then);
     *                without, the usage is left empty
     */
    public synchronized QuotaUsage serviceQuota(Caller caller, String projectId,
                                                io.novasim.model.quota.QuotaResource.Service service,
                                                boolean details) {
        settle();
        return new QuotaUsage(quotas.readableIn(caller, projectId, service, details),
                details ? quotas.usage(projectId, service) : Map.of());
    }

    /**
     * The projects with limits of their own in a service (admins only: Neutron's get_quota rule, else its 403).
     */
    public synchronized List<String> projectsWithOwnQuotas(Caller caller,
                                                         io.novasim.model.quota.QuotaResource.Service service) {
        if (!caller.admin()) {
            throw Refusal.NEUTRON_QUOTA_POLICY.exception("get_quota");
        }
        return quotas.withOwnLimits(service);
    }

    /** A project's quota limits and what it uses of each resource. */
    public record QuotaUsage(io.novasim.model.quota.QuotaSet limits,
                             Map<io.novasim.model.quota.QuotaResource, Long> inUse) {
        public QuotaUsage {
            inUse = Map.copyOf(inUse);
        }
    }

    /** The security groups the caller may see (every project's for an admin), oldest first. */
    public synchronized List<io.novasim.model.network.SecurityGroup> securityGroups(Caller caller) {
        settle();
        return securityGroups.visible(caller);
    }

    /** The compute hosts whose nova-compute is down, by name. */
    public synchronized java.util.Set<String> hostsDown() {
        return java.util.Set.copyOf(world.hostsDown);
    }

    /** Every resize migration of the servers that exist, oldest first. */
    public synchronized List<io.novasim.model.migration.Migration> migrations() {
        settle();
        return migrations.all();
    }

    /**
     * The migrations an admin lists ({@code os-migrations}).
     *
     * @throws ComputeException Nova's 403 for anyone else
     */
    public synchronized List<io.novasim.model.migration.Migration> migrations(Caller caller) {
        io.novasim.state.rules.AdminPolicy.MIGRATIONS_INDEX.enforce(caller.admin());
        return migrations();
    }

    /** The images users and Nova added to Glance that the caller may see (every one for an admin), oldest first. */
    public synchronized List<io.novasim.model.image.GlanceImage> images(Caller caller) {
        settle();
        return images.visible(caller);
    }

    public synchronized Server server(Caller caller, String serverId) {
        settle();
        return world.visibleServer(caller, serverId);
    }

    /** The servers the caller may see, newest first (Nova's default sort: created_at descending). */
    public synchronized List<Server> servers(Caller caller) {
        settle();
        List<Server> visible = new ArrayList<>();
        for (Server server : world.servers.values()) {
            if (caller.canSee(server.projectId())) {
                visible.add(server);
            }
        }
        Collections.reverse(visible);
        return visible;
    }

    /** A server and what its view shows besides its own fields, read under one lock. */
    public synchronized ServerReadout readServer(Caller caller, String serverId) {
        settle();
        Server server = world.visibleServer(caller, serverId);
        return readout(server);
    }

    /** {@link #readServer} for every server the caller may see, newest first. */
    public synchronized List<ServerReadout> readServers(Caller caller) {
        List<ServerReadout> readouts = new ArrayList<>();
        for (Server server : servers(caller)) {
            readouts.add(readout(server));
        }
        return readouts;
    }

    /** The server's {@code addresses}: the fixed IPs of its bound ports, grouped by network name. */
    public synchronized Map<String, List<ServerAddress>> addresses(Caller caller, String serverId) {
        settle();
        world.visibleServer(caller, serverId);
        return addressesOf(interfaces.boundTo(serverId));
    }

    private ServerReadout readout(Server server) {
        List<Port> ports = interfaces.boundTo(server.id());
        return new ServerReadout(server, addressesOf(ports), volumes.attachmentsOnServer(server.id()),
                securityGroupsOf(ports));
    }

    /** The names of the ports' groups, port by port (Nova's get_instances_security_groups_bindings). */
    private List<String> securityGroupsOf(List<Port> ports) {
        if (ports.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(ports.size());
        for (Port port : ports) {
            for (String groupId : port.securityGroupIds()) {
                io.novasim.model.network.SecurityGroup group = world.securityGroups.get(groupId);
                if (group != null) {
                    names.add(group.name().isEmpty() ? group.id() : group.name());
                }
            }
        }
        return names;
    }

    private Map<String, List<ServerAddress>> addressesOf(List<Port> ports) {
        Map<String, List<ServerAddress>> byNetwork = new LinkedHashMap<>();
        for (Port port : ports) {
            String name = world.catalog.network(port.networkId()).map(Network::name).orElse(port.networkId());
            for (FixedIp ip : port.fixedIps()) {
                byNetwork.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new ServerAddress(name, ip.ipAddress(), 4, port.macAddress(), ServerAddress.FIXED));
            }
        }
        return byNetwork;
    }

    /** The server's instance actions, newest first as Nova lists them. */
    public synchronized List<InstanceAction> instanceActions(Caller caller, String serverId) {
        settle();
        world.visibleServer(caller, serverId);
        List<InstanceAction> newestFirst = new ArrayList<>(world.actions.getOrDefault(serverId, List.of()));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public synchronized InstanceAction instanceAction(Caller caller, String serverId, String requestId) {
        settle();
        world.visibleServer(caller, serverId);
        for (InstanceAction action : world.actions.getOrDefault(serverId, List.of())) {
            if (action.requestId().equals(requestId)) {
                return action;
            }
        }
        throw Refusal.INSTANCE_ACTION_NOT_FOUND.exception(requestId, serverId);
    }

    // ---------------------------------------------------------------- interfaces and ports

    /** {@code GET os-interface}: the ports bound to the server, a detached one until its detach completes. */
    public synchronized List<Port> interfaces(Caller caller, String serverId) {
        settle();
        world.visibleServer(caller, serverId);
        return interfaces.boundTo(serverId);
    }

    /** {@code GET os-interface/{port_id}}, with Nova's two different 404s. */
    public synchronized Port interfaceOf(Caller caller, String serverId, String portId) {
        settle();
        world.visibleServer(caller, serverId);
        Port port = interfaces.visiblePort(caller, portId);
        if (!port.boundTo(serverId)) {
            throw Refusal.PORT_NOT_ON_SERVER.exception(serverId, portId);
        }
        return port;
    }

    public synchronized List<Port> ports(Caller caller) {
        settle();
        List<Port> visible = new ArrayList<>();
        for (Port port : world.ports.values()) {
            if (caller.canSee(port.projectId())) {
                visible.add(port);
            }
        }
        return visible;
    }

    public synchronized Port port(Caller caller, String portId) {
        settle();
        return interfaces.visiblePort(caller, portId);
    }

    /** The networks the caller may see: its project's, the shared ones, and every one for an admin. */
    public synchronized List<Network> networks(Caller caller) {
        List<Network> visible = new ArrayList<>();
        for (Network network : world.catalog.networks()) {
            if (caller.admin() || network.usableBy(caller.projectId())) {
                visible.add(network);
            }
        }
        return visible;
    }

    // ---------------------------------------------------------------- volumes

    public synchronized List<CinderVolume> volumes(Caller caller) {
        settle();
        List<CinderVolume> visible = new ArrayList<>();
        for (CinderVolume volume : world.volumes.values()) {
            if (caller.canSee(volume.projectId())) {
                visible.add(volume);
            }
        }
        return visible;
    }

    public synchronized CinderVolume volume(Caller caller, String volumeId) {
        settle();
        return volumes.visibleVolume(caller, volumeId, Refusal.VOLUME_NOT_FOUND);
    }

    /** The attachments of a volume (Cinder's {@code attachments} field), whatever server they are on. */
    public synchronized List<VolumeAttachment> attachmentsOfVolume(Caller caller, String volumeId) {
        settle();
        volumes.visibleVolume(caller, volumeId, Refusal.VOLUME_NOT_FOUND);
        return volumes.attachmentsOf(volumeId);
    }

    /** {@code GET os-volume_attachments}: a detaching attachment stays listed until its detach completes. */
    public synchronized List<VolumeAttachment> volumeAttachments(Caller caller, String serverId) {
        settle();
        world.visibleServer(caller, serverId);
        return volumes.attachmentsOnServer(serverId);
    }

    public synchronized VolumeAttachment volumeAttachment(Caller caller, String serverId, String volumeId) {
        settle();
        world.visibleServer(caller, serverId);
        return volumes.attachmentOf(serverId, volumeId)
                .orElseThrow(() -> Refusal.VOLUME_NOT_ATTACHED.exception(serverId, volumeId));
    }

    // ---------------------------------------------------------------- media

    public synchronized List<MediaAttachment> mediaAttachments(Caller caller, String serverId) {
        settle();
        world.visibleServer(caller, serverId);
        return media.of(serverId);
    }

    // ---------------------------------------------------------------- key pairs

    /** The key pairs of the caller's user (in whatever project it acts), oldest first. */
    public synchronized List<Keypair> keypairs(Caller caller) {
        settle();
        return keypairs.of(caller);
    }

    /**
     * One of the caller's user's key pairs.
     *
     * @throws ComputeException Nova's 404 when the user has none of that name
     */
    public synchronized Keypair keypair(Caller caller, String name) {
        settle();
        return keypairs.find(caller, name);
    }

    // ---------------------------------------------------------------- the fault plan

    /** Adds a rule; it applies from the next call on. */
    public synchronized void addFault(FaultRule rule) {
        Instant now = clock.now();
        settle(now);
        world.faults.add(rule);
        version++;
        world.emit(new SimEvent.FaultPlanChanged(now, rule, null));
    }

    public synchronized boolean removeFault(String ruleId) {
        Instant now = clock.now();
        settle(now);
        boolean removed = world.faults.remove(ruleId);
        version++;
        if (removed) {
            world.emit(new SimEvent.FaultPlanChanged(now, null, ruleId));
        }
        return removed;
    }

    public synchronized List<FaultRule> faultRules() {
        return world.faults.rules();
    }

    /**
     * The fault that fired on the answer to request {@code requestId} (its effect a {@link FaultEffect.OnAnswer}: a
     * slow answer, a transport fault), if any: the API adapter carries it out. Asked once per request, as it is
     * answered; the answer is given once.
     */
    public Optional<FiredFault> takeAnswerEffect(String requestId) {
        return world.takeAnswerEffect(requestId);
    }

    /** Forgets the effects on answers that fired on replayed calls: no adapter answers those. */
    public void forgetAnswerEffects() {
        world.forgetAnswerEffects();
    }

    /** Whether a rule of the fault plan looks at another service's calls; asked without the lock. */
    public boolean faultPlanHasServiceRules() {
        return world.faults.hasServiceRules();
    }

    /** The headers the overrides look at (lower case); asked without the lock. */
    public java.util.Set<String> overrideHeaders() {
        return world.faults.routeHeaders();
    }

    /** Whether an override is set; asked without the lock. */
    public boolean faultPlanHasOverrides() {
        return world.faults.hasRouteRules();
    }

    /** Every fault that fired, oldest first. */
    public synchronized List<FiredFault> firedFaults() {
        return world.faults.fired();
    }

    /** Lets go of the server's work that a {@code Stuck} fault holds until told; returns how many pieces resumed. */
    public synchronized int release(String serverId) {
        Instant now = clock.now();
        settle(now);
        int released = world.release(serverId, now);
        dueBound = world.dueBound();
        version++;
        world.emit(new SimEvent.StuckReleased(now, serverId));
        return released;
    }

    // ---------------------------------------------------------------- everything

    /** Everything the engine holds, as plain values: for comparing runs, replays and models. */
    public synchronized CloudState state() {
        settle();
        return new CloudState(clock.now(), List.copyOf(world.servers.values()), sortedActions(),
                List.copyOf(world.ports.values()), List.copyOf(world.volumes.values()),
                List.copyOf(world.attachments.values()), List.copyOf(world.media.values()), keypairs.all(),
                world.faults.fired(), images.all(), migrations.all(), world.catalog.networks(),
                world.catalog.subnets(), List.copyOf(world.hostsDown), securityGroups.all(), serverGroups.all(),
                quotas.overrides());
    }

    /**
     * Each server's actions, by server id in order: the state keeps them sorted, and a sorted map is copied without
     * comparing ids. The map is kept from one read to the next while the same servers exist (their actions are
     * refreshed in place), so a cloud of many servers is not sorted again at every read.
     */
    private java.util.SortedMap<String, List<InstanceAction>> sortedActions() {
        String[] ids = world.servers.keySet().toArray(new String[0]);
        if (!java.util.Arrays.equals(ids, actionIds)) {
            actionIds = ids;
            actionsById = new java.util.TreeMap<>();
            for (String id : ids) {
                actionsById.put(id, List.of());
            }
        }
        for (Map.Entry<String, List<InstanceAction>> entry : actionsById.entrySet()) {
            entry.setValue(world.actionsOf(entry.getKey()));
        }
        return actionsById;
    }

    /**
     * A fresh request id from the seeded source, for adapters that answer reads; the id stream has a lock of its own,
     * so a request need not wait for a command to draw its id.
     */
    public String newRequestId() {
        return world.newRequestId();
    }

    /**
     * How many request ids this cloud has drawn from its seeded stream: one per command run without a request id,
     * and one per {@link #newRequestId()} (an HTTP adapter draws one for every request, reads included).
     */
    public long requestIdsDrawn() {
        return world.requestIdsDrawn();
    }

    /**
     * Moves the request-id stream on until {@code drawn} ids have been drawn in all (nothing when as many have been
     * already). A cloud rebuilt by {@link io.novasim.state.log.Replay} runs the history's commands under their
     * recorded request ids, so its stream starts over; moving it to where the recorded cloud's had gone
     * ({@link #requestIdsDrawn()}) keeps later requests from reusing ids the history already used, which would mix
     * their instance actions up.
     */
    public synchronized void fastForwardRequestIds(long drawn) {
        if (drawn < 0) {
            throw new IllegalArgumentException("a count of request ids is at least 0: " + drawn);
        }
        world.skipRequestIdsTo(drawn);
    }

    public Catalog catalog() {
        return world.catalog;
    }

    public Timings timings() {
        return world.timings;
    }

    // ---------------------------------------------------------------- time

    public Instant now() {
        return clock.now();
    }

    /** Moves virtual time forward and completes, in due-time order, the work that falls due. */
    public synchronized void advance(Duration by) {
        clock.advance(by);
        settle();
    }

    /**
     * Moves virtual time forward to {@code when} and completes the work that falls due on the way. When none does, it
     * only moves the clock, without this object's lock: an adapter following the wall clock moves time at every
     * request, and every read or command completes whatever fell due first anyway.
     *
     * @throws IllegalArgumentException when {@code when} is before the clock's time
     */
    public void advanceTo(Instant when) {
        if (when.isBefore(dueBound)) {
            clock.advanceTo(when);
            return;
        }
        advanceAndSettle(when);
    }

    private synchronized void advanceAndSettle(Instant when) {
        clock.advanceTo(when);
        settle();
    }

    /** When the next piece of queued work falls due, if any (work a fault holds for good is not queued). */
    public synchronized Optional<Instant> nextDueAt() {
        settle();
        return world.nextDue();
    }

    /**
     * A broken engine, for one test only: a failed volume detach no longer rolls back, so the volume stays detaching
     * with nothing in flight. The exploration test proves that {@code explore} finds it.
     */
    synchronized void withoutRollbackOfFailedDetach() {
        world.rollbackFailedDetach = false;
    }

    /**
     * Each operation's state gate on a server now, in {@link io.novasim.state.rules.TransitionTable} order: accepted, or refused with the
     * status, fault and text Nova answers (the lock, the host, the vm_state, the task_state; in Nova's order). What
     * an operation needs besides (a volume to attach, a port) is not part of its gate.
     *
     * @throws ComputeException when the caller sees no such server
     */
    public synchronized List<Gate> gates(Caller caller, String serverId) {
        settle();
        Server server = world.visibleServer(caller, serverId);
        List<Gate> gates = new ArrayList<>();
        for (io.novasim.state.rules.TransitionRule rule : io.novasim.state.rules.TransitionTable.rules()) {
            if (rule.operation() == Operation.CREATE) {
                continue;
            }
            try {
                rule.check(server, caller.admin());
                gates.add(new Gate(rule.operation(), null));
            } catch (ComputeException refused) {
                gates.add(new Gate(rule.operation(), refused.code() + " " + refused.faultName() + ": "
                        + refused.getMessage()));
            }
        }
        return gates;
    }

    /**
     * An operation's state gate on a server.
     *
     * @param refusal null when the gate lets it through, else {@code "409 conflictingRequest: Cannot 'start' ..."}
     */
    public record Gate(Operation operation, String refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    /** The work in flight, in the order it falls due (work due by now completed first); held work last. */
    public synchronized List<PendingWork> pendingWork() {
        settle();
        return world.pendingWork();
    }

    /**
     * Runs the work in flight on these servers or resources (volumes, ports, images) to its end: the clock moves to
     * each of its phases in turn, and other work that falls due meanwhile runs too, as time passes for everything.
     * Work a fault holds until released stays held, and the clock stops short of it; the timers work leaves behind
     * (offload, confirm window, reclaim) are not run.
     *
     * @param ids ids of servers or resources; ids of nothing are ignored
     * @return how far virtual time went
     */
    public synchronized Duration runWorkOf(java.util.Collection<String> ids) {
        Instant start = clock.now();
        for (Optional<Instant> next = nextDueOf(ids); next.isPresent(); next = nextDueOf(ids)) {
            if (next.get().isAfter(clock.now())) {
                clock.advanceTo(next.get());
            }
            settle();
        }
        return Duration.between(start, clock.now());
    }

    private Optional<Instant> nextDueOf(java.util.Collection<String> ids) {
        settle();
        return world.jobCount() == 0 ? Optional.empty() : world.nextDueOf(ids);
    }

    /** Advances time until no queued work is left, and returns how far it went. */
    public synchronized Duration runUntilIdle() {
        Instant start = clock.now();
        for (Optional<Instant> next = nextDueAt(); next.isPresent(); next = nextDueAt()) {
            if (next.get().isAfter(clock.now())) {
                clock.advanceTo(next.get());
            }
            settle();
        }
        return Duration.between(start, clock.now());
    }

    private void settle() {
        settle(clock.now());
    }

    private void settle(Instant now) {
        settleDue(now);
        Instant bound = world.dueBound();
        if (bound != dueBound) { // a read that changed nothing writes nothing: a volatile write costs a fence
            dueBound = bound;
        }
    }

    private void settleDue(Instant now) {
        Instant previous = null;
        for (Job job = world.pollDue(now); job != null; job = world.pollDue(now)) {
            // Work that ends at the same moment shares one Instant: the servers it changes keep it.
            Instant at = job.plannedEnd().equals(previous) ? previous : job.plannedEnd();
            previous = at;
            Job.Task task = job.task();
            if (task instanceof Job.Task.ServerTask || task instanceof Job.Task.OffloadTimer
                    || task instanceof Job.Task.ReclaimTimer || task instanceof Job.Task.Snapshot
                    || task instanceof Job.Task.ConfirmTimer) {
                lifecycle.step(job, at);
            } else if (task instanceof Job.Task.DetachPort) {
                interfaces.step(job, at);
            } else if (task instanceof Job.Task.AttachMedia || task instanceof Job.Task.DetachMedia) {
                media.step(job, at);
            } else {
                volumes.step(job, at);
            }
            version++;
        }
    }

    /**
     * A number that changes whenever the state may have changed (a command, refused ones too; each piece of work
     * completed; a fault rule added or removed; a release), with the work due by the clock's time completed first. An
     * adapter may keep what it derived from the state for as long as the version and this cloud are the same: a
     * server polled while nothing happens is rendered once.
     *
     * @return the version; only ever larger
     */
    public long version() {
        if (!clock.now().isBefore(dueBound)) {
            synchronized (this) {
                settle();
            }
        }
        return version;
    }
}
