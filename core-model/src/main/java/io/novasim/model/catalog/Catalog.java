package io.novasim.model.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.novasim.model.network.Network;
import io.novasim.model.network.Subnet;
import io.novasim.model.quota.QuotaSet;

/**
 * The furniture of a simulated cloud: projects, users, flavors, images, networks and subnets, by id, its compute
 * hosts, and the quota limits a project has until an admin sets its own. A value: the networks and subnets users
 * create or delete make a new catalog ({@link #withNetwork} and the like).
 */
public final class Catalog {
    private final Map<String, Project> projects;
    private final Map<String, User> users;
    private final Map<String, Flavor> flavors;
    private final Map<String, Image> images;
    private final Map<String, Network> networks;
    private final Map<String, Subnet> subnets;
    private final Map<String, List<Subnet>> subnetsByNetwork;
    private final Map<String, ComputeHost> hosts;
    private final QuotaSet quotaDefaults;

    public Catalog(List<Project> projects, List<User> users, List<Flavor> flavors, List<Image> images) {
        this(projects, users, flavors, images, List.of(), List.of());
    }

    public Catalog(List<Project> projects, List<User> users, List<Flavor> flavors, List<Image> images,
                   List<Network> networks, List<Subnet> subnets) {
        this(projects, users, flavors, images, networks, subnets, List.of(ComputeHost.DEFAULT));
    }

    /** @param hosts the compute hosts, at least one */
    public Catalog(List<Project> projects, List<User> users, List<Flavor> flavors, List<Image> images,
                   List<Network> networks, List<Subnet> subnets, List<ComputeHost> hosts) {
        this(projects, users, flavors, images, networks, subnets, hosts, QuotaSet.DEFAULTS);
    }

    /** @param quotaDefaults the limits of a project an admin set none for (Nova's {@code [quota]} options) */
    public Catalog(List<Project> projects, List<User> users, List<Flavor> flavors, List<Image> images,
                   List<Network> networks, List<Subnet> subnets, List<ComputeHost> hosts, QuotaSet quotaDefaults) {
        this.quotaDefaults = java.util.Objects.requireNonNull(quotaDefaults, "quotaDefaults");
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a cloud needs at least one compute host");
        }
        this.hosts = index(hosts, ComputeHost::name, "compute host");
        this.projects = index(projects, Project::id, "project");
        this.users = index(users, User::id, "user");
        this.flavors = index(flavors, Flavor::id, "flavor");
        this.images = index(images, Image::id, "image");
        this.networks = index(networks, Network::id, "network");
        this.subnets = index(subnets, Subnet::id, "subnet");
        Map<String, List<Subnet>> byNetwork = new LinkedHashMap<>();
        for (Subnet subnet : subnets) {
            if (!this.networks.containsKey(subnet.networkId())) {
                throw new IllegalArgumentException("subnet " + subnet.id() + " is on unknown network "
                        + subnet.networkId());
            }
            byNetwork.computeIfAbsent(subnet.networkId(), k -> new java.util.ArrayList<>()).add(subnet);
        }
        byNetwork.replaceAll((k, v) -> List.copyOf(v));
        this.subnetsByNetwork = java.util.Collections.unmodifiableMap(byNetwork);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id, String kind) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            if (byId.put(id.apply(item), item) != null) {
                throw new IllegalArgumentException("duplicate " + kind + " id " + id.apply(item));
            }
        }
        return java.util.Collections.unmodifiableMap(byId);
    }

    public Optional<Project> project(String id) {
        return Optional.ofNullable(projects.get(id));
    }

    public Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    public Optional<Flavor> flavor(String id) {
        return Optional.ofNullable(flavors.get(id));
    }

    public Optional<Image> image(String id) {
        return Optional.ofNullable(images.get(id));
    }

    public Optional<Network> network(String id) {
        return Optional.ofNullable(networks.get(id));
    }

    public Optional<Subnet> subnet(String id) {
        return Optional.ofNullable(subnets.get(id));
    }

    public List<Network> networks() {
        return List.copyOf(networks.values());
    }

    /** The networks, without copying: for the engine's hot paths. */
    public Iterable<Network> eachNetwork() {
        return networks.values();
    }

    public List<Subnet> subnets() {
        return List.copyOf(subnets.values());
    }

    /** The subnets of a network, in catalog order. */
    public List<Subnet> subnetsOf(String networkId) {
        return subnetsByNetwork.getOrDefault(networkId, List.of());
    }

    public List<Project> projects() {
        return List.copyOf(projects.values());
    }

    public List<User> users() {
        return List.copyOf(users.values());
    }

    public List<Flavor> flavors() {
        return List.copyOf(flavors.values());
    }

    public List<Image> images() {
        return List.copyOf(images.values());
    }

    /** The compute hosts, in setup order. */
    public List<ComputeHost> hosts() {
        return List.copyOf(hosts.values());
    }

    public Optional<ComputeHost> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** The limits of a project an admin set none for. */
    public QuotaSet quotaDefaults() {
        return quotaDefaults;
    }

    /** This catalog with these compute hosts instead. */
    public Catalog withHosts(List<ComputeHost> newHosts) {
        return new Catalog(projects(), users(), flavors(), images(), networks(), subnets(), newHosts, quotaDefaults);
    }

    /** This catalog with these default quota limits instead. */
    public Catalog withQuotaDefaults(QuotaSet defaults) {
        return new Catalog(projects(), users(), flavors(), images(), networks(), subnets(), hosts(), defaults);
    }

    /** This catalog with one more network. */
    public Catalog withNetwork(Network network) {
        List<Network> more = new java.util.ArrayList<>(networks.values());
        more.add(network);
        return new Catalog(projects(), users(), flavors(), images(), more, subnets(), hosts(), quotaDefaults);
    }

    /** This catalog without a network, and without its subnets. */
    public Catalog withoutNetwork(String networkId) {
        return new Catalog(projects(), users(), flavors(), images(),
                networks.values().stream().filter(n -> !n.id().equals(networkId)).toList(),
                subnets.values().stream().filter(s -> !s.networkId().equals(networkId)).toList(), hosts(),
                quotaDefaults);
    }

    /** This catalog with one more subnet (its network must be in it). */
    public Catalog withSubnet(Subnet subnet) {
        List<Subnet> more = new java.util.ArrayList<>(subnets.values());
        more.add(subnet);
        return new Catalog(projects(), users(), flavors(), images(), networks(), more, hosts(), quotaDefaults);
    }

    /** This catalog without a subnet. */
    public Catalog withoutSubnet(String subnetId) {
        return new Catalog(projects(), users(), flavors(), images(), networks(),
                subnets.values().stream().filter(s -> !s.id().equals(subnetId)).toList(), hosts(), quotaDefaults);
    }
}
