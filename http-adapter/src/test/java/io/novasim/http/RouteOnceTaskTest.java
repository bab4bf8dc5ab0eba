package io.novasim.http;

import io.javalin.Javalin;
import io.novasim.NovaSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request stages the simulator runs leave out before and after handlers: one would never run, so none may be. */
class RouteOnceTaskTest {
    @Test
    void aBeforeOrAfterHandlerIsRefusedRatherThanNeverRun() {
        Javalin before = Javalin.create(config -> config.router.mount(router -> router.before(ctx -> { })));
        Javalin after = Javalin.create(config -> config.router.mount(router -> router.after("/v2.1/*", ctx -> { })));

        assertThatThrownBy(() -> RouteOnceTask.checkStages(before.unsafeConfig().pvt.internalRouter.allHttpHandlers()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BEFORE handler");
        assertThatThrownBy(() -> RouteOnceTask.checkStages(after.unsafeConfig().pvt.internalRouter.allHttpHandlers()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AFTER handler on /v2.1/*");
    }

    @Test
    void theSimulatorsOwnAppHasNone() {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            assertThat(sim.port()).isPositive();
        }
    }
}
