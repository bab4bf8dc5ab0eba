package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.server.Server;
import io.novasim.model.server.ServerDetails;
import io.novasim.state.command.CreateKeypair;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.UpdateServer;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a server keeps besides its state: set by its create, changed by an update, stored only when it cannot be
 * derived (one shared value for a server without any).
 */
class ServerDetailsTest {
    private final Cloud cloud = Fixtures.cloud(9);

    private static void refused(ThrowableAssert.ThrowingCallable call, int code, String message) {
        assertThatThrownBy(call).isInstanceOf(ComputeException.class).hasMessage(message)
                .extracting(e -> ((ComputeException) e).code()).isEqualTo(code);
    }

    private Server create(CreateServer command) {
        return cloud.execute(ALICE, command).server();
    }

    @Test
    void aServerCreatedAloneWithNothingExtraStoresNothing() {
        Server server = create(new CreateServer("Web Server", FLAVOR, IMAGE));
        assertThat(server.details()).isSameAs(ServerDetails.NONE);
        assertThat(server.reservationId()).isEqualTo("r-" + server.id().substring(0, 8));
        assertThat(server.hostname()).isEqualTo("web-server");
    }

    @Test
    void aCreateKeepsWhatItWasGiven() {
        cloud.execute(ALICE, new CreateKeypair("mine", null, null));
        Server server = create(new CreateServer("web", FLAVOR, IMAGE)
                .withDetails("mine", "IyEvYmluL3No", "the web tier", List.of("b", "a"), "web-01"));
        assertThat(server.details()).isEqualTo(new ServerDetails("mine", "IyEvYmluL3No", "the web tier",
                List.of("b", "a"), null, 0, "web-01"));
        assertThat(server.hostname()).isEqualTo("web-01");
    }

    @Test
    void aKeyNameMustNameOneOfTheCallersUsersKeyPairs() {
        cloud.execute(BOB, new CreateKeypair("bobs", null, null));
        CloudState before = cloud.state();
        refused(() -> create(new CreateServer("web", FLAVOR, IMAGE).withDetails("bobs", null, null, List.of(),
                null)), 400, "Invalid key_name provided.");
        refused(() -> create(new CreateServer("web", FLAVOR, "no-such-image").withDetails("bobs", null, null,
                List.of(), null)), 400, "Can not find requested image");
        assertThat(cloud.state()).as("refusals change nothing").isEqualTo(before);
    }

    @Test
    void aMultiCreatesServersShareOneReservationAndCountTheirLaunchIndex() {
        List<Server> servers = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE).times(3)).servers();
        String reservation = "r-" + servers.get(0).id().substring(0, 8);
        assertThat(servers).extracting(Server::reservationId).containsOnly(reservation);
        assertThat(servers).extracting(s -> s.details().launchIndex()).containsExactly(0, 1, 2);
        assertThat(servers.get(0).details()).as("the first's reservation is its own id's")
                .isSameAs(ServerDetails.NONE);
        assertThat(servers.get(1).details().reservationId()).isSameAs(servers.get(2).details().reservationId());
        assertThat(servers).extracting(Server::hostname).containsExactly("web-1", "web-2", "web-3");
    }

    @Test
    void aMultiCreateCannotShareOneHostname() {
        CloudState before = cloud.state();
        refused(() -> create(new CreateServer("web", FLAVOR, IMAGE).times(2).withDetails(null, null, null,
                List.of(), "web")), 400, "Unable to allocate a single hostname to multiple instances");
        assertThat(cloud.state()).isEqualTo(before);
    }

    @Test
    void anUpdateAppliesItsFieldsTogether() {
        Server server = create(new CreateServer("web", FLAVOR, IMAGE));
        cloud.advance(Duration.ofSeconds(1));
        Server updated = cloud.execute(ALICE, new UpdateServer(server.id(), "db", "the database", true,
                "db-01")).server();
        assertThat(updated.name()).isEqualTo("db");
        assertThat(updated.details().description()).isEqualTo("the database");
        assertThat(updated.hostname()).isEqualTo("db-01");
        assertThat(updated.updated()).isEqualTo(cloud.now());
        assertThat(cloud.server(ALICE, server.id())).isEqualTo(updated);

        Server cleared = cloud.execute(ALICE, new UpdateServer(server.id(), null, null, true, null)).server();
        assertThat(cleared.details().description()).as("a null description removes it").isNull();
        assertThat(cleared.hostname()).isEqualTo("db-01");
    }

    @Test
    void aRenameKeepsTheHostnameTheOldNameMade() {
        Server server = create(new CreateServer("Web", FLAVOR, IMAGE));
        Server sameHostname = cloud.execute(ALICE, UpdateServer.rename(server.id(), "web")).server();
        assertThat(sameHostname.details()).as("the new name makes the same hostname").isSameAs(ServerDetails.NONE);

        Server renamed = cloud.execute(ALICE, UpdateServer.rename(server.id(), "db")).server();
        assertThat(renamed.hostname()).isEqualTo("web");
        assertThat(renamed.details().hostname()).as("kept, since the name no longer makes it").isEqualTo("web");
        assertThat(cloud.execute(ALICE, UpdateServer.rename(server.id(), "cache")).server().hostname())
                .isEqualTo("web");
    }

    @Test
    void anUpdateOfNothingChangesNothingAndARefusedOneNothingEither() {
        Server server = create(new CreateServer("web", FLAVOR, IMAGE).withDetails(null, null, "d", List.of(),
                null));
        cloud.advance(Duration.ofSeconds(1));
        Server current = cloud.server(ALICE, server.id());
        assertThat(cloud.execute(ALICE, new UpdateServer(server.id(), null, null, false, null)).server())
                .isEqualTo(current);
        CloudState before = cloud.state();
        refused(() -> cloud.execute(ALICE, new UpdateServer(server.id(), " ", null, true, "h1")), 400,
                "Invalid input for field/attribute name. Value:  . ' ' is too short");
        refused(() -> cloud.execute(MALLORY, new UpdateServer(server.id(), "mine", null, true, null)), 404,
                "Instance " + server.id() + " could not be found.");
        assertThat(cloud.state()).isEqualTo(before);
    }
}
