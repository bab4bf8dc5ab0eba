package io.novasim.bench;

import io.novasim.model.catalog.Catalog;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.catalog.Image;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Subnet;
import io.novasim.state.Cloud;
import io.novasim.state.command.Caller;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;

import java.util.List;

/**
 * The cloud every benchmark measures: one project with one network (a /12, room for every server of the heap
 * measurement), one flavor, one image; no event log kept.
 */
final class BenchClouds {
    static final String PROJECT = "6f70656e737461636b20342065766572";
    static final Caller USER = new Caller("demo", PROJECT, false);
    static final String FLAVOR = "1";
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String NETWORK = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";

    private BenchClouds() {
    }

    static Cloud fresh() {
        Catalog catalog = new Catalog(List.of(new Project(PROJECT, "demo", "default")),
                List.of(new User("demo", "demo", "default")),
                List.of(new Flavor(FLAVOR, "m1.tiny", 1, 512, 1, 0, 0, true)),
                List.of(new Image(IMAGE, "cirros", "active", 0, 0, 16_300_544, "qcow2", "bare")),
                List.of(new Network(NETWORK, "private", PROJECT, false, false, 1450)),
                List.of(new Subnet("f8a6e8f8-c2ec-497c-9f23-da9616de54ef", "private-subnet", NETWORK, PROJECT,
                        Ipv4Cidr.parse("10.0.0.0/12"), "10.0.0.1")))
                // benchmarks boot many servers, ports and volumes in one project: no quota holds them back
                .withQuotaDefaults(io.novasim.model.quota.QuotaSet.ofKeys(java.util.Map.of("instances", -1,
                        "cores", -1, "ram", -1, "port", -1, "volumes", -1, "gigabytes", -1)));
        return new Cloud(catalog, new VirtualClock(), new SeededIdSource(1), Timings.defaults(), EventListener.NONE);
    }
}
