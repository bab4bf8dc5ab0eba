package io.novasim.cli.setup;

import io.novasim.CloudSetup;
import io.novasim.cli.setup.SetupFile.FlavorEntry;
import io.novasim.cli.setup.SetupFile.ImageEntry;
import io.novasim.cli.setup.SetupFile.NetworkEntry;
import io.novasim.cli.setup.SetupFile.ProjectEntry;
import io.novasim.cli.setup.SetupFile.SubnetEntry;
import io.novasim.cli.setup.SetupFile.UserEntry;
import io.novasim.cli.setup.SetupFile.VolumeEntry;
import io.novasim.model.catalog.Catalog;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.catalog.Image;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Subnet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a decoded {@link SetupFile} into a {@link CloudSetup}: checks what is required, resolves project references
 * (by name or id), fills in defaults, and derives stable ids for entries that give none (the same file always gives
 * the same ids, so runs stay reproducible).
 */
final class SetupAssembler {
    private final List<Project> projects = new ArrayList<>();
    private final Map<String, Project> projectById = new HashMap<>();
    private final Map<String, Project> projectByName = new HashMap<>();

    private SetupAssembler() {
    }

    static CloudSetup assemble(SetupFile file) throws InvalidSetupException {
        return new SetupAssembler().build(file);
    }

    private CloudSetup build(SetupFile file) throws InvalidSetupException {
        projects(orEmpty(file.projects()));
        Map<String, String> passwords = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> roles = new LinkedHashMap<>();
        List<User> users = users(orEmpty(file.users()), passwords, roles);
        List<Flavor> flavors = flavors(orEmpty(file.flavors()));
        List<Image> images = images(orEmpty(file.images()));
        List<Network> networks = new ArrayList<>();
        List<Subnet> subnets = new ArrayList<>();
        networks(orEmpty(file.networks()), networks, subnets);
        List<CloudSetup.VolumeSeed> volumes = volumes(orEmpty(file.volumes()));
        try {
            Catalog catalog = new Catalog(projects, users, flavors, images, networks, subnets, hosts(file.hosts()),
                    quotas(file.quotas()));
            return new CloudSetup(catalog, passwords, roles, volumes);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetupException("", e.getMessage());
        }
    }

    private void projects(List<ProjectEntry> entries) throws InvalidSetupException {
        Ids ids = new Ids();
        for (int i = 0; i < entries.size(); i++) {
            String at = "projects[" + i + "]";
            ProjectEntry entry = present(entries.get(i), at);
            String name = required(entry.name(), at + ".name");
            if (projectByName.containsKey(name)) {
                throw new InvalidSetupException(at + ".name", "another project is named '" + name
                        + "'; names must be unique, users, networks and volumes refer to projects by name");
            }
            String id = entry.id() != null ? required(entry.id(), at + ".id") : hexId("project/" + name);
            ids.claim(id, at + ".id");
            Project project = new Project(id, name, domain(entry.domain(), at));
            projects.add(project);
            projectById.put(id, project);
            projectByName.put(name, project);
        }
    }

    private List<User> users(List<UserEntry> entries, Map<String, String> passwords,
                             Map<String, Map<String, Set<String>>> roles) throws InvalidSetupException {
        List<User> users = new ArrayList<>();
        Ids ids = new Ids();
        Set<String> logins = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "users[" + i + "]";
            UserEntry entry = present(entries.get(i), at);
            String name = required(entry.name(), at + ".name");
            String domain = domain(entry.domain(), at);
            if (!logins.add(domain + "/" + name)) {
                throw new InvalidSetupException(at + ".name", "another user in domain '" + domain + "' is named '"
                        + name + "'");
            }
            String id = entry.id() != null ? required(entry.id(), at + ".id") : hexId("user/" + domain + "/" + name);
            ids.claim(id, at + ".id");
            users.add(new User(id, name, domain));
            passwords.put(id, required(entry.password(), at + ".password"));
            Map<String, Set<String>> assigned = roles(entry.roles(), at + ".roles");
            if (!assigned.isEmpty()) {
                roles.put(id, assigned);
            }
        }
        return users;
    }

    private Map<String, Set<String>> roles(Map<String, List<String>> entries, String at)
            throws InvalidSetupException {
        Map<String, Set<String>> assigned = new LinkedHashMap<>();
        if (entries == null) {
            return assigned;
        }
        for (Map.Entry<String, List<String>> entry : entries.entrySet()) {
            String where = at + "." + entry.getKey();
            Project project = project(entry.getKey(), where);
            List<String> names = present(entry.getValue(), where);
            Set<String> roleNames = new LinkedHashSet<>();
            for (int r = 0; r < names.size(); r++) {
                roleNames.add(required(names.get(r), where + "[" + r + "]"));
            }
            if (!roleNames.isEmpty()) {
                assigned.put(project.id(), Set.copyOf(roleNames));
            }
        }
        return assigned;
    }

    private static List<Flavor> flavors(List<FlavorEntry> entries) throws InvalidSetupException {
        List<Flavor> flavors = new ArrayList<>();
        Ids ids = new Ids();
        Ids names = new Ids();
        for (int i = 0; i < entries.size(); i++) {
            String at = "flavors[" + i + "]";
            FlavorEntry entry = present(entries.get(i), at);
            String name = required(entry.name(), at + ".name");
            names.claim(name, at + ".name");
            String id = entry.id() != null ? required(entry.id(), at + ".id") : uuid("flavor/" + name);
            ids.claim(id, at + ".id");
            flavors.add(new Flavor(id, name, atLeast(entry.vcpus(), null, 1, at + ".vcpus"),
                    atLeast(entry.ramMb(), null, 1, at + ".ram_mb"), atLeast(entry.diskGb(), 0, 0, at + ".disk_gb"),
                    atLeast(entry.ephemeralGb(), 0, 0, at + ".ephemeral_gb"),
                    atLeast(entry.swapMb(), 0, 0, at + ".swap_mb"), or(entry.isPublic(), true)));
        }
        return flavors;
    }

    private static List<Image> images(List<ImageEntry> entries) throws InvalidSetupException {
        List<Image> images = new ArrayList<>();
        Ids ids = new Ids();
        for (int i = 0; i < entries.size(); i++) {
            String at = "images[" + i + "]";
            ImageEntry entry = present(entries.get(i), at);
            String name = required(entry.name(), at + ".name");
            String id = entry.id() != null ? required(entry.id(), at + ".id") : uuid("image/" + name);
            ids.claim(id, at + ".id");
            long size = or(entry.sizeBytes(), 0L);
            if (size < 0) {
                throw new InvalidSetupException(at + ".size_bytes", "cannot be negative");
            }
            images.add(new Image(id, name, or(entry.status(), "active"),
                    atLeast(entry.minDiskGb(), 0, 0, at + ".min_disk_gb"),
                    atLeast(entry.minRamMb(), 0, 0, at + ".min_ram_mb"), size, or(entry.diskFormat(), "qcow2"),
                    or(entry.containerFormat(), "bare")));
        }
        return images;
    }

    private void networks(List<NetworkEntry> entries, List<Network> networks, List<Subnet> subnets)
            throws InvalidSetupException {
        Ids networkIds = new Ids();
        Ids subnetIds = new Ids();
        for (int i = 0; i < entries.size(); i++) {
            String at = "networks[" + i + "]";
            NetworkEntry entry = present(entries.get(i), at);
            String name = required(entry.name(), at + ".name");
            Project owner = project(required(entry.project(), at + ".project"), at + ".project");
            String id = entry.id() != null ? required(entry.id(), at + ".id")
                    : uuid("network/" + owner.id() + "/" + name);
            networkIds.claim(id, at + ".id");
            networks.add(new Network(id, name, owner.id(), or(entry.shared(), false), or(entry.external(), false),
                    atLeast(entry.mtu(), 1500, 68, at + ".mtu")));
            List<SubnetEntry> subnetEntries = orEmpty(entry.subnets());
            for (int s = 0; s < subnetEntries.size(); s++) {
                String subAt = at + ".subnets[" + s + "]";
                subnets.add(subnet(present(subnetEntries.get(s), subAt), subAt, s, id, name, owner, subnetIds));
            }
        }
    }

    private static Subnet subnet(SubnetEntry entry, String at, int index, String networkId, String networkName,
                                 Project owner, Ids ids) throws InvalidSetupException {
        String name = entry.name() != null ? required(entry.name(), at + ".name")
                : networkName + "-subnet" + (index == 0 ? "" : "-" + (index + 1));
        String cidrText = required(entry.cidr(), at + ".cidr");
        Ipv4Cidr cidr;
        try {
            cidr = Ipv4Cidr.parse(cidrText);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetupException(at + ".cidr", "'" + cidrText + "' is not an IPv4 CIDR such as "
                    + "10.0.0.0/24 (" + e.getMessage() + ")");
        }
        String gateway = entry.gatewayIp() != null ? entry.gatewayIp() : cidr.address(1);
        if (!cidr.contains(gateway)) {
            throw new InvalidSetupException(at + ".gateway_ip", "'" + gateway + "' is not an address in " + cidr);
        }
        String id = entry.id() != null ? required(entry.id(), at + ".id") : uuid("subnet/" + networkId + "/" + name);
        ids.claim(id, at + ".id");
        return new Subnet(id, name, networkId, owner.id(), cidr, gateway);
    }

    private List<CloudSetup.VolumeSeed> volumes(List<VolumeEntry> entries) throws InvalidSetupException {
        List<CloudSetup.VolumeSeed> volumes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "volumes[" + i + "]";
            VolumeEntry entry = present(entries.get(i), at);
            Project owner = project(required(entry.project(), at + ".project"), at + ".project");
            volumes.add(new CloudSetup.VolumeSeed(owner.id(), required(entry.name(), at + ".name"),
                    atLeast(entry.sizeGb(), null, 1, at + ".size_gb"), or(entry.multiattach(), false),
                    or(entry.bootable(), false)));
        }
        return volumes;
    }

    /** A project by id first, then by name. */
    private Project project(String reference, String at) throws InvalidSetupException {
        Project project = projectById.getOrDefault(reference, projectByName.get(reference));
        if (project == null) {
            throw new InvalidSetupException(at, "no project named (or with id) '" + reference + "' in projects");
        }
        return project;
    }

    private static String domain(String domain, String at) throws InvalidSetupException {
        return domain == null ? CloudSetup.DEFAULT_DOMAIN : required(domain, at + ".domain");
    }

    private static <T> T present(T value, String at) throws InvalidSetupException {
        if (value == null) {
            throw new InvalidSetupException(at, "empty entry");
        }
        return value;
    }

    private static String required(String value, String at) throws InvalidSetupException {
        if (value == null || value.isBlank()) {
            throw new InvalidSetupException(at, "missing (it is required)");
        }
        return value;
    }

    /** The value, or the default when absent (a null default makes it required); never below {@code min}. */
    private static int atLeast(Integer value, Integer fallback, int min, String at) throws InvalidSetupException {
        Integer v = value != null ? value : fallback;
        if (v == null) {
            throw new InvalidSetupException(at, "missing (it is required)");
        }
        if (v < min) {
            throw new InvalidSetupException(at, "must be at least " + min + ", not " + v);
        }
        return v;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Keystone-style ids: 32 hex digits. */
    private static String hexId(String seed) {
        return uuid(seed).replace("-", "");
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(("novasim/" + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Ids (or names) already taken within one kind, to report a duplicate at both places. */
    private static final class Ids {
        private final Map<String, String> owners = new HashMap<>();

        void claim(String id, String at) throws InvalidSetupException {
            String previous = owners.putIfAbsent(id, at);
            if (previous != null) {
                throw new InvalidSetupException(at, "'" + id + "' is already used by " + previous);
            }
        }
    }

    /** The default quota limits: the services' own, with those the file names. */
    private static io.novasim.model.quota.QuotaSet quotas(Map<String, Integer> entries) throws InvalidSetupException {
        if (entries == null) {
            return io.novasim.model.quota.QuotaSet.DEFAULTS;
        }
        for (Map.Entry<String, Integer> entry : entries.entrySet()) {
            String at = "quotas." + entry.getKey();
            if (io.novasim.model.quota.QuotaResource.byKey(entry.getKey()).isEmpty()) {
                throw new InvalidSetupException(at, "no service has such a quota; Nova, Neutron and Cinder have "
                        + String.join(", ",
                        io.novasim.model.quota.QuotaResource.all().stream()
                                .map(io.novasim.model.quota.QuotaResource::key).toList()));
            }
            if (entry.getValue() == null || entry.getValue() < -1) {
                throw new InvalidSetupException(at, "a limit is a whole number, -1 for unlimited");
            }
        }
        return io.novasim.model.quota.QuotaSet.ofKeys(entries);
    }

    /** The compute hosts, or the one default host when the file names none. */
    private static List<io.novasim.model.catalog.ComputeHost> hosts(List<SetupFile.HostEntry> entries)
            throws InvalidSetupException {
        if (entries == null || entries.isEmpty()) {
            return List.of(io.novasim.model.catalog.ComputeHost.DEFAULT);
        }
        List<io.novasim.model.catalog.ComputeHost> hosts = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            SetupFile.HostEntry entry = entries.get(i);
            if (entry.name() == null || entry.name().isBlank()) {
                throw new InvalidSetupException("hosts[" + i + "].name", "required");
            }
            if (!names.add(entry.name())) {
                throw new InvalidSetupException("hosts[" + i + "].name", "a second host named " + entry.name());
            }
            hosts.add(new io.novasim.model.catalog.ComputeHost(entry.name(),
                    entry.availabilityZone() == null ? "nova" : entry.availabilityZone()));
        }
        return hosts;
    }
}
