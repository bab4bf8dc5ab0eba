package com.example.waiting;

import io.novasim.NovaSimulator;
import io.novasim.junit5.NovaSimulatorTest;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Server;
import org.openstack4j.openstack.OSFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.novasim.RequestCount.exactly;
import static io.novasim.RequestPattern.anyRequest;
import static io.novasim.RequestPattern.requests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * openstack4j's own wait loop against a clock that follows the client: its first poll reads the server with its build
 * run to the end, so the loop never sleeps, and it ends after the same requests at the same virtual time every run.
 */
@NovaSimulatorTest(seed = 1, clock = "client")
class WaitForServerTest {

    @Test
    void waitForServerStatusEndsAtItsFirstPollWithoutSleeping(NovaSimulator sim) {
        NovaSimulator.Credentials login = sim.credentials();
        OSClientV3 os = OSFactory.builderV3().endpoint(login.authUrl().toString())
                .credentials(login.username(), login.password(), Identifier.byName(login.userDomainName()))
                .scopeToProject(Identifier.byName(login.projectName()), Identifier.byName(login.projectDomainName()))
                .authenticate();
        var began = sim.control().now();
        Server booted = os.compute().servers().boot(Builders.server().name("web").flavor("1")
                .image("70a599e0-31e7-49b7-b260-868f441e862b").build());

        Server active = os.compute().servers().waitForServerStatus(booted.getId(), Server.Status.ACTIVE, 3,
                TimeUnit.SECONDS);

        assertThat(active.getStatus()).isEqualTo(Server.Status.ACTIVE);
        // openstack4j sleeps a second only after a poll that did not see the status: one poll, no sleep
        sim.control().verify(exactly(1), requests("GET", "/v2.1/servers/" + booted.getId()));
        sim.control().verify(exactly(2), anyRequest());
        assertThat(Duration.between(began, sim.control().now()))
                .as("the boot's step, then the build, which outlasts the poll's step: the same every run")
                .isEqualTo(Duration.ofSeconds(1).plus(sim.settings().timings().of(
                        io.novasim.state.rules.Operation.CREATE)));
    }
}
