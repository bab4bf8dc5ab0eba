package io.novasim.state.faults;

import io.novasim.model.error.ComputeException;
import io.novasim.state.rules.Operation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outages, rules on other services' operations, and overrides, as the fault plan decides them. */
class ServiceFaultProperties {
    private static final Instant ZERO = Instant.parse("2026-01-01T00:00:00Z");

    private static FaultRule cinderDown(int startsIn, int lasts) {
        return new FaultRule("cinder-down", FaultMatch.service(Service.VOLUME), new FaultEffect.Outage(),
                Trigger.always().within(Window.of(ZERO.plusSeconds(startsIn), Duration.ofSeconds(lasts))));
    }

    @Property
    void aServiceIsDownExactlyInsideItsWindowForNovasCallsThatNeedItAndItsOwn(
            @ForAll @IntRange(max = 600) int startsIn, @ForAll @IntRange(min = 1, max = 600) int lasts,
            @ForAll @IntRange(max = 1500) int at) {
        FaultPlan plan = new FaultPlan(() -> 0.0);
        plan.add(cinderDown(startsIn, lasts));
        boolean inside = at >= startsIn && at < startsIn + lasts;
        FaultTarget detach = FaultTarget.server(Operation.DETACH_VOLUME, "s", "db", "p");
        assertThat(plan.outage(Service.VOLUME, detach, "req-1", ZERO.plusSeconds(at)).isPresent()).isEqualTo(inside);
        assertThat(plan.outage(Service.VOLUME, FaultTarget.apiCall(Service.VOLUME, "get_volume", "p"), "req-2",
                ZERO.plusSeconds(at)).isPresent()).isEqualTo(inside);
        assertThat(plan.outage(Service.NETWORK, detach, "req-3", ZERO.plusSeconds(at))).as("another service")
                .isEmpty();
        assertThat(plan.decide(detach, "req-4", ZERO.plusSeconds(at))).as("an outage is asked about apart")
                .isEmpty();
    }

    @Test
    void novasCallsFailAsNovaFailsThemWhenAServiceTheyNeedIsDown() {
        FaultTarget attach = FaultTarget.server(Operation.ATTACH_VOLUME, "s", "db", "p");
        assertThat(Outages.needs(attach)).containsExactly(Service.VOLUME);
        assertThatThrownBy(() -> Outages.consequence(attach, Service.VOLUME)).isInstanceOfSatisfying(
                ComputeException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(500);
                    assertThat(refused.faultName()).isEqualTo("computeFault");
                    assertThat(refused.getMessage()).endsWith("<class 'nova.exception.CinderConnectionFailed'>");
                });
        FaultTarget boot = FaultTarget.server(Operation.CREATE, null, "web", "p").withImage("i");
        assertThat(Outages.needs(boot)).as("Glance is asked before Neutron").containsExactly(Service.IMAGE,
                Service.NETWORK);
        assertThat(Outages.needs(FaultTarget.server(Operation.CREATE, null, "web", "p")))
                .as("a boot from a volume asks no Glance").containsExactly(Service.NETWORK);
        FaultTarget detachPort = FaultTarget.server(Operation.DETACH_INTERFACE, "s", "web", "p").withPort("port");
        assertThat(Outages.consequence(detachPort, Service.NETWORK)).isEqualTo(new FaultEffect.FailCompletion(500,
                "keystoneauth1.exceptions.connection.ConnectFailure"));
        assertThat(Outages.needs(FaultTarget.server(Operation.REBOOT_SOFT, "s", "web", "p"))).isEmpty();
    }

    @Property
    void aRuleOnAnotherServicesOperationMatchesOnlyThatOperationOfThatService(@ForAll @IntRange(max = 5) int times) {
        FaultPlan plan = new FaultPlan(() -> 0.0);
        plan.add(new FaultRule("poll", FaultMatch.apiCalls(Service.VOLUME, "get_volume"),
                FaultEffect.Error.serviceUnavailable("later"), Trigger.nextCalls(times + 1)));
        plan.add(new FaultRule("all-nova", FaultMatch.any(), FaultEffect.Error.computeFault("boom"),
                Trigger.always()));
        for (int i = 0; i <= times; i++) {
            Optional<FiredFault> fired = plan.decide(FaultTarget.apiCall(Service.VOLUME, "get_volume", "p"), "r",
                    ZERO);
            assertThat(fired).map(FiredFault::ruleId).contains("poll");
            assertThat(fired.get().service()).isEqualTo(Service.VOLUME);
            assertThat(fired.get().operationName()).isEqualTo("get_volume");
        }
        assertThat(plan.decide(FaultTarget.apiCall(Service.VOLUME, "get_volume", "p"), "r", ZERO)).isEmpty();
        assertThat(plan.decide(FaultTarget.apiCall(Service.VOLUME, "get_volumes", "p"), "r", ZERO)).isEmpty();
        assertThat(plan.decide(FaultTarget.apiCall(Service.IDENTITY, "issue_token", null), "r", ZERO))
                .as("a match without a service is Nova's only").isEmpty();
    }

    @Property
    void anOverrideAnswersTheRequestsItsRouteMatchesForItsTimes(@ForAll @IntRange(min = 1, max = 4) int times,
                                                                 @ForAll @IntRange(max = 3) int after) {
        FaultPlan plan = new FaultPlan(() -> 0.0);
        plan.add(new FaultRule("stub", FaultMatch.route(RouteMatch.of("GET", "/volume/v3/.*")
                .withHeader("X-Auth-Token", ".+")), new FaultEffect.Answer(503, Map.of("Retry-After", "9"), ""),
                new Trigger(after, times, 1.0)));
        RouteMatch.HttpCall poll = new RouteMatch.HttpCall("GET", "/volume/v3/p/volumes/v",
                name -> name.equals("x-auth-token") ? "t" : null);
        int answered = 0;
        for (int i = 0; i < after + times + 3; i++) {
            if (plan.override(poll, () -> "req", ZERO).isPresent()) {
                answered++;
                assertThat(i).as("the first %d pass", after).isGreaterThanOrEqualTo(after);
            }
        }
        assertThat(answered).isEqualTo(times);
        assertThat(plan.override(new RouteMatch.HttpCall("GET", "/volume/v3/p/volumes/v", name -> null), () -> "r",
                ZERO)).as("without the header").isEmpty();
        assertThat(plan.decide(FaultTarget.apiCall(Service.VOLUME, "get_volume", "p"), "r", ZERO))
                .as("an override is never a call's rule").isEmpty();
    }

    @Test
    void rulesThatDoNotGoTogetherAreRefused() {
        assertThatThrownBy(() -> new FaultRule("x", FaultMatch.apiCalls(Service.VOLUME, "get_volume"),
                new FaultEffect.Outage(), Trigger.always())).hasMessageContaining("a whole service");
        assertThatThrownBy(() -> new FaultRule("x", FaultMatch.service(Service.IMAGE), new FaultEffect.Outage(),
                Trigger.nextCalls(1))).hasMessageContaining("takes a window only");
        assertThatThrownBy(() -> new FaultRule("x", FaultMatch.service(Service.NETWORK),
                new FaultEffect.Delay(Duration.ofSeconds(1)), Trigger.always())).hasMessageContaining(
                "acts on Nova's asynchronous work");
        assertThatThrownBy(() -> new FaultRule("x", FaultMatch.route(RouteMatch.of(null, ".*")),
                FaultEffect.Error.computeFault("x"), Trigger.always())).hasMessageContaining("route match goes with");
        assertThatThrownBy(() -> FaultMatch.service(Service.VOLUME).onVolume("v")).hasMessageContaining(
                "are of Nova's calls");
    }
}
