package io.novasim.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.novasim.http.control.FaultRuleJson;
import io.novasim.model.server.TaskState;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Latency;
import io.novasim.state.faults.Service;
import io.novasim.state.faults.TransportFault;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule language has one meaning in its two forms: each rule written as the control plane's JSON and as the Java
 * builder's sentence (the README shows both) is the same rule.
 */
class FaultRuleFormsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> sameRules() {
        return Stream.of(
                Arguments.of("""
                        {"id": "r", "match": {"operations": ["detach_volume"]},
                         "effect": {"type": "error", "code": 503, "message": "try later", "retry_after": 30}}""",
                        FaultRule.named("r").on(Operation.DETACH_VOLUME)
                                .answeringError(503, "try later", Duration.ofSeconds(30))),
                Arguments.of("""
                        {"id": "r", "match": {"operations": ["create"]},
                         "effect": {"type": "error", "code": 429, "message": "slow down"}}""",
                        FaultRule.named("r").on(Operation.CREATE).answeringError(429, "slow down")),
                Arguments.of("""
                        {"id": "r", "effect": {"type": "delay", "latency": {"distribution": "exponential", "mean": 20}},
                         "trigger": {"times": 2}}""",
                        FaultRule.named("r").delayingTheWork(new Latency.Exponential(Duration.ofSeconds(20)))
                                .forTheNextCalls(2)),
                Arguments.of("""
                        {"id": "r", "match": {"operations": ["reboot_soft"], "server_name": "db-.*"},
                         "effect": {"type": "stuck", "task_state": "reboot_started", "seconds": 600}}""",
                        FaultRule.named("r").on(Operation.REBOOT_SOFT).onServerNamed("db-.*")
                                .stuckAt(TaskState.REBOOT_STARTED, Duration.ofMinutes(10))),
                Arguments.of("""
                        {"id": "r", "match": {"operations": ["detach_volume"], "volume_id": "v1"},
                         "effect": {"type": "fail", "code": 500, "message": "device is busy"},
                         "trigger": {"after": 1, "times": 1}}""",
                        FaultRule.named("r").on(Operation.DETACH_VOLUME).onVolume("v1")
                                .failingTheWork(500, "device is busy").afterCalls(1).forTheNextCalls(1)),
                Arguments.of("""
                        {"id": "r", "match": {"project_id": "p1"},
                         "effect": {"type": "slow_answer", "latency": {"distribution": "lognormal", "median": 0.2,
                           "sigma": 0.8, "spike": {"probability": 0.01, "factor": 20}}},
                         "trigger": {"probability": 0.5}}""",
                        FaultRule.named("r").inProject("p1").slowingTheAnswer(new Latency.Lognormal(
                                Duration.ofMillis(200), 0.8).withSpikes(0.01, 20)).withProbability(0.5)),
                Arguments.of("""
                        {"id": "r", "match": {"service": "volume", "operations": ["get_volume"]},
                         "effect": {"type": "transport", "fault": "reset"}}""",
                        FaultRule.named("r").onCalls(Service.VOLUME, "get_volume")
                                .losingTheAnswer(TransportFault.RESET)),
                Arguments.of("""
                        {"id": "r", "match": {"route": {"method": "GET", "path": "/volume/v3/.*",
                           "headers": {"X-Auth-Token": ".+"}}},
                         "effect": {"type": "answer", "status": 503, "headers": {"Retry-After": "30"}, "body": "{}"},
                         "trigger": {"times": 2}}""",
                        FaultRule.named("r").onRoute("GET", "/volume/v3/.*").withHeader("X-Auth-Token", ".+")
                                .answering(503, Map.of("Retry-After", "30"), "{}").forTheNextCalls(2)),
                Arguments.of("""
                        {"id": "r", "match": {"service": "volume"}, "effect": {"type": "outage"},
                         "trigger": {"window": {"starts_in": 120, "lasts": 300}}}""",
                        FaultRule.named("r").takingDown(Service.VOLUME)
                                .during(NOW.plusSeconds(120), Duration.ofMinutes(5))),
                Arguments.of("""
                        {"id": "r", "effect": {"type": "error", "code": 500, "message": "boom"},
                         "trigger": {"probability": 0.8, "window": {"from": "2026-01-01T00:00:00Z",
                           "until": "2026-01-01T00:10:00Z", "ramp": true}}}""",
                        FaultRule.named("r").answeringError(500, "boom").withProbability(0.8)
                                .between(NOW, NOW.plusSeconds(600)).ramped()),
                Arguments.of("""
                        {"id": "r", "match": {"operations": ["create"]},
                         "effect": {"type": "error", "code": 429, "message": "over"},
                         "trigger": {"rate": {"calls": 10, "per": 60}}}""",
                        FaultRule.named("r").on(Operation.CREATE).answeringError(429, "over")
                                .overRate(10, Duration.ofMinutes(1))));
    }

    @ParameterizedTest
    @MethodSource("sameRules")
    void theJsonFormAndTheJavaSentenceAreTheSameRule(String json, io.novasim.state.faults.FaultRuleBuilder sentence)
            throws Exception {
        assertThat(FaultRuleJson.parse(JSON.readTree(json), "unused", NOW)).isEqualTo(sentence.build());
    }

    @Test
    void aSentenceThatDoesNotHoldTogetherSaysWhy() {
        assertThatThrownBy(() -> FaultRule.named("r").on(Operation.DETACH_VOLUME).build())
                .hasMessageContaining("has no effect");
        assertThatThrownBy(() -> FaultRule.named("r").answeringError(503, "a").failingTheWork(500, "b"))
                .hasMessageContaining("a rule has one effect");
        assertThatThrownBy(() -> FaultRule.named("r").withHeader("X-Auth-Token", ".+"))
                .hasMessageContaining("call onRoute first");
        assertThatThrownBy(() -> FaultRule.named("r").answeringError(500, "b").ramped())
                .hasMessageContaining("call during or between first");
        assertThatThrownBy(() -> FaultRule.named("r").onRoute("GET", "/.*").answeringError(503, "x").build())
                .hasMessageContaining("a route match goes with an answer effect");
        assertThatThrownBy(() -> FaultRule.named("r").takingDown(Service.VOLUME).forTheNextCalls(2).build())
                .hasMessageContaining("its trigger takes a window only");
        assertThatThrownBy(() -> FaultRule.named("r").answeringError(503, "x").withProbability(1.5).build())
                .hasMessageContaining("probability must be in (0, 1]");
        assertThatThrownBy(() -> FaultRule.named("r").answeringError(503, "x")
                .between(NOW, NOW.minusSeconds(1)).build())
                .hasMessageContaining("before it starts");
    }

    @Test
    void aSimulatorRefusesARuleOnAnOperationItsServiceDoesNotHave() {
        io.novasim.NovaSimulator sim = io.novasim.NovaSimulator.builder().build();
        assertThatThrownBy(() -> sim.control().addFault(FaultRule.named("typo").onCalls(Service.VOLUME, "get_volumez")
                .answeringError(503, "x"))).hasMessageContaining("volume has no operation get_volumez; it has")
                .hasMessageContaining("get_volume,");
        assertThat(sim.control().faultRules()).isEmpty();
    }

    @Test
    void aBuilderBuildsRulesThatShareNothing() {
        var sentence = FaultRule.named("r").on(Operation.CREATE).answeringError(503, "x");
        FaultRule first = sentence.build();
        sentence.on(Operation.DELETE);
        assertThat(first.match().operations()).containsExactly(Operation.CREATE);
        assertThat(sentence.build().match().operations()).containsExactly(Operation.CREATE, Operation.DELETE);
    }
}
