package io.novasim.model;

import io.novasim.model.server.ServerDetails;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Details that hold nothing are the one shared value; derived fields are made the way the API shows them. */
class ServerDetailsTest {
    private static final String ID = "7a1c1d2e-3f40-4152-8364-7586978a9bfd";

    @Test
    void detailsWithNothingOfTheirOwnAreTheSharedValue() {
        assertThat(ServerDetails.of(null, null, null, List.of(), null, 0, null)).isSameAs(ServerDetails.NONE);
        ServerDetails described = ServerDetails.NONE.withDescription("d");
        assertThat(described).isNotSameAs(ServerDetails.NONE);
        assertThat(described.withDescription(null)).as("removing the only detail").isSameAs(ServerDetails.NONE);
        assertThat(ServerDetails.of(null, null, null, List.of(), null, 1, null)).isNotSameAs(ServerDetails.NONE);
    }

    @Test
    void derivedReservationAndHostname() {
        assertThat(ServerDetails.reservationFrom(ID)).isEqualTo("r-7a1c1d2e");
        assertThat(ServerDetails.hostnameFrom("Web Server_1", ID)).isEqualTo("web-server-1");
        assertThat(ServerDetails.hostnameFrom("", ID)).isEqualTo("server-" + ID);
    }

    @Test
    void aServerDescribedByItsNameSharesOneDetails() {
        assertThat(ServerDetails.of("web", null, null, "web", List.of(), null, 0, null))
                .isSameAs(ServerDetails.DESCRIBED_BY_NAME);
        assertThat(ServerDetails.DESCRIBED_BY_NAME.descriptionOf("web")).isEqualTo("web");
        assertThat(ServerDetails.of("web-1", null, null, "web", List.of(), null, 0, null).descriptionOf("web-1"))
                .as("a multi-create's server keeps the request's name").isEqualTo("web");
        assertThat(ServerDetails.DESCRIBED_BY_NAME.withDescription("web").describedByName()).isFalse();
    }
}
