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
    /** Whether it has no rule: read without the engine's lock, so a call of a plan with none costs nothing. */
    private volatile boolean empty = true;
    /** Whether a rule looks at another service's calls (or holds it down); read without the lock. */
    private volatile boolean serviceRules;
    /** The headers the overrides look at (lower case), empty when there is no override; read without the lock. */
    private volatile java.util.Set<String> routeHeaders = java.util.Set.of();
    private volatile boolean routeRules;

    /** @param chance uniform draws in [0, 1) from the simulator's seeded source */
    public FaultPlan(DoubleSupplier chance) {
        this.chance = chance;
    }

    /** Brings the flags read without the lock up to date with the rules. */
    private void rulesChanged() {
        empty = rules.isEmpty();
        serviceRules = rules.values().stream().anyMatch(r -> r.match().route() == null
                && r.match().service() != Service.COMPUTE);
        routeRules = rules.values().stream().anyMatch(r -> r.match().route() != null);
        java.util.Set<String> headers = new java.util.TreeSet<>();
        rules.values().stream().filter(r -> r.match().route() != null)
                .forEach(r -> headers.addAll(r.match().route().headers().keySet()));
        routeHeaders = java.util.Collections.unmodifiableSet(headers);
    }

    /** Whether a rule looks at another service's calls, or holds one down. */
    public boolean hasServiceRules() {
        return serviceRules;
    }

    /** Whether an override is set. */
    public boolean hasRouteRules() {
        return routeRules;
    }

    /** The headers the overrides look at, lower case. */
    public java.util.Set<String> routeHeaders() {
        return routeHeaders;
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
        rulesChanged();
    }

    public void add(FaultRule rule) {
        if (rules.containsKey(rule.id())) {
            // The control plane answers this with the same text, as a 409.
            throw new IllegalArgumentException(Refusal.FAULT_RULE_EXISTS.message(rule.id()));
        }
        rules.put(rule.id(), rule);
        counts.put(rule.id(), new int[2]);
        rulesChanged();
    }

    public boolean remove(String ruleId) {
        counts.remove(ruleId);
        passed.remove(ruleId);
        boolean removed = rules.remove(ruleId) != null;
        rulesChanged();
        return removed;
    }

    public void clear() {
        rules.clear();
        counts.clear();
        passed.clear();
        rulesChanged();
    }

    /** Whether it has no rule; safe to ask without the engine's lock. */
    public boolean isEmpty() {
        return empty;
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
            if (rule.effect() instanceof FaultEffect.Outage || !rule.match().matches(call) || !trigger.activeAt(at)) {
                continue; // an outage is asked about first, with outage()
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
            firing = new FiredFault(at, rule.id(), call.operation(), requestId, call.serverId(),
                    effect.drawn(chance), call.operationName(), call.service());
            fired.add(firing);
        }
        return Optional.ofNullable(firing);
    }

    /**
     * The override that answers a request instead of the simulation, if one fires: route rules are looked at in the
     * order they were added, and count the requests they match as other rules count calls.
     *
     * @param requestId the id of the request, drawn only when an override fires
     */
    public Optional<FiredFault> override(RouteMatch.HttpCall call, java.util.function.Supplier<String> requestId,
                                         Instant at) {
        for (FaultRule rule : rules.values()) {
            RouteMatch route = rule.match().route();
            Trigger trigger = rule.trigger();
            if (route == null || !trigger.activeAt(at) || !route.matches(call)) {
                continue;
            }
            int[] count = counts.get(rule.id());
            count[0]++;
            if (count[0] <= trigger.after() || trigger.exhausted(count[1])) {
                continue;
            }
            double probability = trigger.probabilityAt(at);
            if (probability < 1.0 && chance.getAsDouble() >= probability) {
                continue;
            }
            count[1]++;
            FiredFault firing = new FiredFault(at, rule.id(), null, requestId.get(), null, rule.effect(),
                    call.method() + " " + call.path(), null);
            fired.add(firing);
            return Optional.of(firing);
        }
        return Optional.empty();
    }

    /**
     * The outage rule that holds {@code service} down at {@code at}, if any, fired on {@code call} (a call of Nova's that
     * needs the service, or a call of the service's own API).
     */
    public Optional<FiredFault> outage(Service service, FaultTarget call, String requestId, Instant at) {
        for (FaultRule rule : rules.values()) {
            if (rule.effect() instanceof FaultEffect.Outage && rule.match().service() == service
                    && rule.trigger().activeAt(at)) {
                int[] count = counts.get(rule.id());
                count[0]++;
                count[1]++;
                FiredFault firing = new FiredFault(at, rule.id(), call.operation(), requestId, call.serverId(),
                        rule.effect(), call.operationName(), call.service());
                fired.add(firing);
                return Optional.of(firing);
            }
        }
        return Optional.empty();
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
