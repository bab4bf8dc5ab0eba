package io.novasim.state;

import io.novasim.model.catalog.Catalog;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.catalog.Image;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.state.command.Caller;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.outcome.CompletionPolicy;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;

import java.util.List;

/** A small cloud for tests: two projects, their users, an admin, one flavor and one image. */
final class Fixtures {
    static final String DEMO = "6f70656e737461636b20342065766572";
    static final String OTHER = "0123456789abcdef0123456789abcdef";
    static final Caller ALICE = new Caller("alice", DEMO, false);
    static final Caller BOB = new Caller("bob", DEMO, false);
    static final Caller MALLORY = new Caller("mallory", OTHER, false);
    static final Caller ADMIN = new Caller("admin", DEMO, true);
    static final String FLAVOR = "1";
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";

    static final Catalog CATALOG = new Catalog(
            List.of(new Project(DEMO, "demo", "default"), new Project(OTHER, "other", "default")),
            List.of(new User("alice", "alice", "default"), new User("bob", "bob", "default"),
                    new User("mallory", "mallory", "default"), new User("admin", "admin", "default")),
            List.of(new Flavor(FLAVOR, "m1.tiny", 1, 512, 1, 0, 0, true)),
            List.of(new Image(IMAGE, "cirros", "active", 0, 0, 16_300_544, "qcow2", "bare")));

    private Fixtures() {
    }

    static Cloud cloud(long seed) {
        return cloud(seed, CompletionPolicy.ALWAYS_SUCCEED, EventListener.NONE);
    }

    static Cloud cloud(long seed, CompletionPolicy completions, EventListener listener) {
        return new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(seed), Timings.defaults(), completions,
                listener);
    }
}
