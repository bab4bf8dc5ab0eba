package io.novasim.bench;

import io.novasim.model.catalog.Catalog;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.catalog.Image;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.state.Cloud;
import io.novasim.state.command.Caller;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;

import java.util.List;

/** The cloud every benchmark measures: one project, one flavor, one image, no event log kept. */
final class BenchClouds {
    static final String PROJECT = "6f70656e737461636b20342065766572";
    static final Caller USER = new Caller("demo", PROJECT, false);
    static final String FLAVOR = "1";
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";

    private BenchClouds() {
    }

    static Cloud fresh() {
        Catalog catalog = new Catalog(List.of(new Project(PROJECT, "demo", "default")),
                List.of(new User("demo", "demo", "default")),
                List.of(new Flavor(FLAVOR, "m1.tiny", 1, 512, 1, 0, 0, true)),
                List.of(new Image(IMAGE, "cirros", "active", 0, 0, 16_300_544, "qcow2", "bare")));
        return new Cloud(catalog, new VirtualClock(), new SeededIdSource(1), Timings.defaults(), EventListener.NONE);
    }
}
