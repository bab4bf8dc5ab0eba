package io.novasim;

import io.novasim.model.catalog.Catalog;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.catalog.Image;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Subnet;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The world a simulator starts with: the catalog (projects, users, flavors, images, networks, subnets), each user's
 * password and roles, and the volumes to create at start.
 *
 * @param catalog   projects, users, flavors, images, networks and subnets
 * @param passwords user id to password
 * @param roles     user id to project id to role names ({@code admin} makes an admin in that project)
 * @param volumes   the volumes to create at start
 */
public record CloudSetup(Catalog catalog, Map<String, String> passwords, Map<String, Map<String, Set<String>>> roles,
                         List<VolumeSeed> volumes) {

    /**
     * A volume that exists when the simulator starts (and again after each reset), owned by a project.
     *
     * @param projectId   the owning project's id
     * @param name        the volume's name
     * @param sizeGb      its size in GiB
     * @param multiattach whether it can be attached to several servers at once
     * @param bootable    whether it is marked bootable
     */
    public record VolumeSeed(String projectId, String name, int sizeGb, boolean multiattach, boolean bootable) {
    }

    /** Copies the maps and the list, so that a setup never changes after it is made. */
    public CloudSetup {
        Objects.requireNonNull(catalog, "catalog");
        passwords = Map.copyOf(passwords);
        roles = Map.copyOf(roles);
        volumes = List.copyOf(volumes);
    }

    /** The id of the demo world's project {@code demo}. */
    public static final String DEMO_PROJECT = "6f70656e737461636b20342065766572";
    /** The id of the demo world's project {@code alt}. */
    public static final String ALT_PROJECT = "0123456789abcdef0123456789abcdef";
    /** The id of the demo world's project {@code admin}, also the control token's project. */
    public static final String ADMIN_PROJECT = "a0d1e2c3b4a5968778695a4b3c2d1e0f";
    /** The id of Keystone's default domain (clients name it {@code Default}). */
    public static final String DEFAULT_DOMAIN = "default";

    /**
     * The built-in demo world: project {@code demo} with user {@code demo} / {@code secret}, project {@code alt} with
     * user {@code alt} / {@code secret} (to see isolation), user {@code admin} / {@code secret} with the admin role,
     * four flavors, two images, a network per project and a shared one, and two volumes for the demo project.
     *
     * @return the demo world, the same on every call
     */
    public static CloudSetup demo() {
        List<Project> projects = List.of(new Project(DEMO_PROJECT, "demo", DEFAULT_DOMAIN),
                new Project(ALT_PROJECT, "alt", DEFAULT_DOMAIN),
                new Project(ADMIN_PROJECT, "admin", DEFAULT_DOMAIN));
        List<User> users = List.of(new User("d3b07384d113edec49eaa6238ad5ff00", "demo", DEFAULT_DOMAIN),
                new User("c157a79031e1c40f85931829bc5fc552", "alt", DEFAULT_DOMAIN),
                new User("21232f297a57a5a743894a0e4a801fc3", "admin", DEFAULT_DOMAIN));
        List<Flavor> flavors = List.of(new Flavor("1", "m1.tiny", 1, 512, 1, 0, 0, true),
                new Flavor("2", "m1.small", 1, 2048, 20, 0, 0, true),
                new Flavor("3", "m1.medium", 2, 4096, 40, 0, 0, true),
                new Flavor("42", "baremetal.general", 8, 32768, 500, 0, 0, true));
        List<Image> images = List.of(
                new Image("70a599e0-31e7-49b7-b260-868f441e862b", "cirros-0.6.2-x86_64-disk", "active", 0, 0,
                        21_430_272, "qcow2", "bare"),
                new Image("3339fd5f-ec06-4ef8-9337-c1c70218a748", "rescue-media.iso", "active", 0, 0, 1_048_576,
                        "iso", "bare"));
        List<Network> networks = List.of(
                new Network("3cb9bc59-5699-4588-a4b1-b87f96708bc6", "private", DEMO_PROJECT, false, false, 1450),
                new Network("9b5b2f3a-2b4c-4a7e-9c55-0e7b8e1f6a01", "alt-private", ALT_PROJECT, false, false, 1450),
                new Network("0ad6b1f4-6a1f-4c4e-8f0f-1f6b3f4d2a77", "public", ADMIN_PROJECT, true, true, 1500));
        List<Subnet> subnets = List.of(
                new Subnet("f8a6e8f8-c2ec-497c-9f23-da9616de54ef", "private-subnet", networks.get(0).id(),
                        DEMO_PROJECT, Ipv4Cidr.parse("10.0.0.0/24"), "10.0.0.1"),
                new Subnet("b7c2d0aa-55d1-4c7e-bb52-1b8c0a3f9e10", "alt-private-subnet", networks.get(1).id(),
                        ALT_PROJECT, Ipv4Cidr.parse("10.1.0.0/24"), "10.1.0.1"),
                new Subnet("5d0b8f58-1111-4a2b-9d1e-7c3b2a1f0e99", "public-subnet", networks.get(2).id(),
                        ADMIN_PROJECT, Ipv4Cidr.parse("172.24.4.0/24"), "172.24.4.1"));
        Catalog catalog = new Catalog(projects, users, flavors, images, networks, subnets);
        Map<String, String> passwords = Map.of(users.get(0).id(), "secret", users.get(1).id(), "secret",
                users.get(2).id(), "secret");
        Map<String, Map<String, Set<String>>> roles = Map.of(
                users.get(0).id(), Map.of(DEMO_PROJECT, Set.of("member", "reader")),
                users.get(1).id(), Map.of(ALT_PROJECT, Set.of("member", "reader")),
                users.get(2).id(), Map.of(ADMIN_PROJECT, Set.of("admin", "member", "reader"),
                        DEMO_PROJECT, Set.of("admin", "member", "reader")));
        List<VolumeSeed> volumes = List.of(new VolumeSeed(DEMO_PROJECT, "data-1", 1, false, false),
                new VolumeSeed(DEMO_PROJECT, "shared-data", 1, true, false));
        return new CloudSetup(catalog, passwords, roles, volumes);
    }

    /** This setup with these compute hosts instead of its own (a setup has one unless it names several). */
    public CloudSetup withHosts(io.novasim.model.catalog.ComputeHost... hosts) {
        return new CloudSetup(catalog.withHosts(List.of(hosts)), passwords, roles, volumes);
    }

    /**
     * This setup with other default quota limits for every project, by Nova's, Neutron's and Cinder's names:
     * {@code withQuotaDefaults(Map.of("instances", 50, "cores", -1, "port", 1000))}; the others keep the services' own
     * defaults, and -1 is none.
     *
     * @throws IllegalArgumentException for a name no service has a quota for, or a limit below -1
     */
    public CloudSetup withQuotaDefaults(Map<String, Integer> limits) {
        return new CloudSetup(catalog.withQuotaDefaults(io.novasim.model.quota.QuotaSet.ofKeys(limits)), passwords,
                roles, volumes);
    }

    /**
     * The roles of a user in a project, empty when it has none there.
     *
     * @param userId    the user's id
     * @param projectId the project's id
     * @return the role names
     */

    public Set<String> rolesOf(String userId, String projectId) {
        return roles.getOrDefault(userId, Map.of()).getOrDefault(projectId, Set.of());
    }
}
