package io.novasim.state.faults;

import io.novasim.model.error.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The rules that decide, call by call, which faults fire. Rules are looked at in the order they were added; every
 * rule that matches a call counts it, and the first that fires decides its effect. Not thread-safe: the engine calls
 * it under its lock.
 */
public final class FaultPlan {
    private final Map<String, FaultRule> rules = new LinkedHashMap<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>(); // rule id -> {matched, fired}
    /** For a rule with a rate: each project's calls it let pass, within the rate's span, oldest first. */
    private final Map<String, Map<String, ArrayDeque<Instant>>> passed = new LinkedHashMap<>();
    private final List<FiredFault> fired = new ArrayList<>();
    private final DoubleSupplier chance;

    /** @param chance uniform draws in [0, 1) from the simulator's seeded source */
    public FaultPlan(DoubleSupplier chance) {
        this.chance = chance;
    }

    /** Makes this plan hold the other's rules, counts and fired faults; its draws stay its own. */
    public void copyFrom(FaultPlan other) {
        rules.clear();
        rules.putAll(other.rules);
        counts.clear();
        other.counts.forEach((id, count) -> counts.put(id, count.clone()));
        fired.clear();
        fired.addAll(other.fired);
        passed.clear();
        other.passed.forEach((id, projects) -> {
            Map<String, ArrayDeque<Instant>> copy = new LinkedHashMap<>();
            projects.forEach((project, times) -> copy.put(project, new ArrayDeque<>(times)));
            passed.put(id, copy);
        });
    }

    public void add(FaultRule rule) {
        if (rules.containsKey(rule.id())) {
            // The control plane answers this with the same text, as a 409.
            throw new IllegalArgumentException(Refusal.FAULT_RULE_EXISTS.message(rule.id()));
        }
        rules.put(rule.id(), rule);
        counts.put(rule.id(), new int[2]);
    }

    public boolean remove(String ruleId) {
        counts.remove(ruleId);
        passed.remove(ruleId);
        return rules.remove(ruleId) != null;
    }

    public void clear() {
        rules.clear();
        counts.clear();
        passed.clear();
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules.values());
    }

    public List<FiredFault> fired() {
        return List.copyOf(fired);
    }

    /** Counts this call against every matching rule, and returns the fault that fires, if any. */
    public Optional<FiredFault> decide(FaultTarget call, String requestId, Instant at) {
        FiredFault firing = null;
        for (FaultRule rule : rules.values()) {
            Trigger trigger = rule.trigger();
            if (!rule.match().matches(call) || !trigger.activeAt(at)) {
                continue;
            }
            int[] count = counts.get(rule.id());
            count[0]++;
            if (firing != null || count[0] <= trigger.after() || trigger.exhausted(count[1])) {
                continue;
            }
            FaultEffect effect = rule.effect();
            if (trigger.rate() != null) {
                Optional<Duration> wait = overRate(rule.id(), trigger.rate(), call.projectId(), at);
                if (wait.isEmpty()) {
                    continue; // within the rate: it passes, and is counted
                }
                if (effect instanceof FaultEffect.Error error && error.retryAfter() == null) {
                    effect = error.retryingAfter(wait.get()); // until the project's oldest call leaves the span
                }
            }
            double probability = trigger.probabilityAt(at);
            if (probability < 1.0 && chance.getAsDouble() >= probability) {
                continue;
            }
            count[1]++;
            firing = new FiredFault(at, rule.id(), call.operation(), requestId, call.serverId(), effect);
            fired.add(firing);
        }
        return Optional.ofNullable(firing);
    }

    /**
     * Whether a project's call at {@code at} is over the rule's rate: empty when it is within it (it is then counted),
     * or how long until the project's oldest counted call leaves the span and the next may pass.
     */
    private Optional<Duration> overRate(String ruleId, Rate rate, String projectId, Instant at) {
        ArrayDeque<Instant> times = passed.computeIfAbsent(ruleId, id -> new LinkedHashMap<>())
                .computeIfAbsent(String.valueOf(projectId), project -> new ArrayDeque<>());
        Instant spanStart = at.minus(rate.per());
        while (!times.isEmpty() && !times.peekFirst().isAfter(spanStart)) {
            times.removeFirst();
        }
        if (times.size() < rate.calls()) {
            times.addLast(at);
            return Optional.empty();
        }
        return Optional.of(Duration.between(at, times.peekFirst().plus(rate.per())));
    }
}
