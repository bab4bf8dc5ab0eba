package io.novasim.state.faults;

import java.util.Objects;

/**
 * A rule of the fault plan: which calls, what happens to them, and when it fires. An outage takes a whole service
 * (its match names nothing else) and at most a window: it is down for every call inside it. The effects on Nova's
 * asynchronous work (delay, stuck, fail) are for Nova's calls only; another service's calls take an error, a slow
 * answer, a transport fault or an outage.
 */
public record FaultRule(String id, FaultMatch match, FaultEffect effect, Trigger trigger) {
    /**
     * A rule written as a sentence: {@code FaultRule.named("busy-disk").on(Operation.DETACH_VOLUME)
     * .failingTheWork(500, "device is busy").forTheNextCalls(1).build()}.
     *
     * @param id the rule's id, unique among the rules set
     * @return a builder of the rule
     */
    public static FaultRuleBuilder named(String id) {
        return new FaultRuleBuilder(id);
    }

    public FaultRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(trigger, "trigger");
        if (effect instanceof FaultEffect.Outage) {
            if (match.service() == Service.COMPUTE) {
                throw new IllegalArgumentException("an outage takes down identity, network, volume or image, the "
                        + "services Nova's calls need; for Nova's own API, an error rule with a window answers every "
                        + "call");
            }
            if (!match.wholeService()) {
                throw new IllegalArgumentException("an outage takes down a whole service: its match names the service "
                        + "and nothing else");
            }
            if (trigger.after() != 0 || trigger.times() != -1 || trigger.probability() != 1.0
                    || trigger.rate() != null) {
                throw new IllegalArgumentException("an outage is down for every call while it lasts: its trigger "
                        + "takes a window only");
            }
        }
        if ((effect instanceof FaultEffect.Answer) != (match.route() != null)) {
            throw new IllegalArgumentException(match.route() != null ? "a route match goes with an answer effect "
                    + "(an override): the simulation never sees the request" : "an answer effect (an override) "
                    + "needs a route match: the method, path and headers it answers");
        }
        String onWork = effect instanceof FaultEffect.Delay ? "delay" : effect instanceof FaultEffect.Stuck ? "stuck"
                : effect instanceof FaultEffect.FailCompletion ? "fail" : null;
        if (onWork != null && match.service() != Service.COMPUTE) {
            throw new IllegalArgumentException("a " + onWork + " effect acts on Nova's "
                    + "asynchronous work; a rule on " + match.service().jsonName() + " takes error, slow_answer, "
                    + "transport or outage");
        }
    }
}
