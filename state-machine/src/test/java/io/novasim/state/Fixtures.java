package io.novasim.state;

import io.novasim.model.catalog.Catalog;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.catalog.Image;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Subnet;
import io.novasim.state.command.Caller;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;

import java.util.List;

/** A small cloud for tests: two projects with a network each, their users, an admin, a flavor and two images. */
final class Fixtures {
    static final String DEMO = "6f70656e737461636b20342065766572";
    static final String OTHER = "0123456789abcdef0123456789abcdef";
    static final Caller ALICE = new Caller("alice", DEMO, false);
    static final Caller BOB = new Caller("bob", DEMO, false);
    static final Caller MALLORY = new Caller("mallory", OTHER, false);
    static final Caller ADMIN = new Caller("admin", DEMO, true);
    /** An admin scoped to another project: Nova counts its lock as an admin's, not the owner's. */
    static final Caller CLOUD_ADMIN = new Caller("admin", OTHER, true);
    static final String FLAVOR = "1";
    static final String BIGGER_FLAVOR = "2";
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String ISO = "3339fd5f-ec06-4ef8-9337-c1c70218a748";
    static final String NET = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";
    static final String SUBNET = "f8a6e8f8-c2ec-497c-9f23-da9616de54ef";
    static final String OTHER_NET = "9b5b2f3a-2b4c-4a7e-9c55-0e7b8e1f6a01";
    static final String SHARED_NET = "0ad6b1f4-6a1f-4c4e-8f0f-1f6b3f4d2a77";

    static final Catalog CATALOG = new Catalog(
            List.of(new Project(DEMO, "demo", "default"), new Project(OTHER, "other", "default")),
            List.of(new User("alice", "alice", "default"), new User("bob", "bob", "default"),
                    new User("mallory", "mallory", "default"), new User("admin", "admin", "default")),
            List.of(new Flavor(FLAVOR, "m1.tiny", 1, 512, 1, 0, 0, true),
                    new Flavor(BIGGER_FLAVOR, "m1.small", 1, 2048, 20, 0, 0, true)),
            List.of(new Image(IMAGE, "cirros", "active", 0, 0, 16_300_544, "qcow2", "bare"),
                    new Image(ISO, "rescue-iso", "active", 0, 0, 1_048_576, "iso", "bare")),
            List.of(new Network(NET, "private", DEMO, false, false, 1450),
                    new Network(OTHER_NET, "other-private", OTHER, false, false, 1450)),
            List.of(new Subnet(SUBNET, "private-subnet", NET, DEMO, Ipv4Cidr.parse("10.0.0.0/28"), "10.0.0.1"),
                    new Subnet("b7c2d0aa-55d1-4c7e-bb52-1b8c0a3f9e10", "other-subnet", OTHER_NET, OTHER,
                            Ipv4Cidr.parse("10.1.0.0/24"), "10.1.0.1")));

    private Fixtures() {
    }

    /**
     * The command that asks for a lifecycle operation with the fewest arguments: a lock without a reason, a rebuild
     * from the catalog's image, a snapshot named "snapshot", else the plain action.
     */
    static io.novasim.state.command.Command lifecycleCommand(String serverId, io.novasim.state.rules.Operation op,
                                                             String lockReason) {
        return switch (op) {
            case LOCK -> new io.novasim.state.command.LockServer(serverId, lockReason);
            case REBUILD -> io.novasim.state.command.RebuildServer.from(serverId, IMAGE);
            case CREATE_IMAGE -> io.novasim.state.command.CreateServerImage.named(serverId, "snapshot");
            case RESIZE -> new io.novasim.state.command.ResizeServer(serverId, BIGGER_FLAVOR);
            case MIGRATE -> new io.novasim.state.command.MigrateServer(serverId, null);
            case EVACUATE -> new io.novasim.state.command.EvacuateServer(serverId, null, null);
            case LIVE_MIGRATE -> new io.novasim.state.command.LiveMigrateServer(serverId, null);
            case CREATE_BACKUP -> new io.novasim.state.command.CreateServerBackup(serverId, "nightly", "daily", 2,
                    java.util.Map.of(), false);
            default -> new io.novasim.state.command.Perform(serverId, op);
        };
    }

    static Cloud cloud(long seed) {
        return cloud(seed, EventListener.NONE);
    }

    /** The fixture's cloud with no instances, cores or ram quota: for tests of many servers in one project. */
    static Cloud cloudWithoutServerQuotas(long seed) {
        return new Cloud(CATALOG.withQuotaDefaults(io.novasim.model.quota.QuotaSet.ofKeys(java.util.Map.of(
                "instances", -1, "cores", -1, "ram", -1))), new VirtualClock(), new SeededIdSource(seed),
                Timings.defaults(), EventListener.NONE);
    }

    static Cloud cloud(long seed, EventListener listener) {
        return new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(seed), Timings.defaults(), listener);
    }
}
