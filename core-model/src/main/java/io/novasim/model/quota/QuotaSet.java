package io.novasim.model.quota;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A limit for each of Nova's quota resources: the cloud's defaults, or a project's after an admin set some of them.
 * A value: {@link #with} makes a new one.
 */
public final class QuotaSet {
    /** Nova's own defaults ({@code [quota]} in nova.conf, untouched). */
    public static final QuotaSet NOVA_DEFAULTS = new QuotaSet(new EnumMap<>(QuotaResource.class));

    private final EnumMap<QuotaResource, Integer> limits;

    private QuotaSet(EnumMap<QuotaResource, Integer> overrides) {
        this.limits = new EnumMap<>(QuotaResource.class);
        for (QuotaResource resource : QuotaResource.all()) {
            limits.put(resource, overrides.getOrDefault(resource, resource.novaDefault()));
        }
    }

    /** The limit of a resource; {@link QuotaResource#UNLIMITED} for none. */
    public int limit(QuotaResource resource) {
        return limits.get(resource);
    }

    /** Whether {@code wanted} of a resource is within its limit. */
    public boolean allows(QuotaResource resource, long wanted) {
        int limit = limit(resource);
        return limit == QuotaResource.UNLIMITED || wanted <= limit;
    }

    /**
     * This set with some limits changed.
     *
     * @throws IllegalArgumentException for a limit below -1
     */
    public QuotaSet with(Map<QuotaResource, Integer> changes) {
        EnumMap<QuotaResource, Integer> next = new EnumMap<>(limits);
        for (Map.Entry<QuotaResource, Integer> change : changes.entrySet()) {
            if (change.getValue() < QuotaResource.UNLIMITED) {
                throw new IllegalArgumentException("a quota limit is -1 (unlimited) or more: " + change.getKey().key()
                        + " = " + change.getValue());
            }
            next.put(change.getKey(), change.getValue());
        }
        return new QuotaSet(next);
    }

    /** The limits by Nova's names, in Nova's order. */
    public Map<String, Integer> byKey() {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        limits.forEach((resource, limit) -> byKey.put(resource.key(), limit));
        return byKey;
    }

    /** The limits that differ from Nova's defaults, by Nova's names: what a setup has to say. */
    public Map<String, Integer> changedFromNova() {
        Map<String, Integer> changed = new LinkedHashMap<>();
        limits.forEach((resource, limit) -> {
            if (limit != resource.novaDefault()) {
                changed.put(resource.key(), limit);
            }
        });
        return changed;
    }

    /**
     * A set from limits by Nova's names; the others keep Nova's defaults.
     *
     * @throws IllegalArgumentException for a name Nova does not know, or a limit below -1
     */
    public static QuotaSet ofKeys(Map<String, Integer> limits) {
        EnumMap<QuotaResource, Integer> byResource = new EnumMap<>(QuotaResource.class);
        for (Map.Entry<String, Integer> entry : limits.entrySet()) {
            QuotaResource resource = QuotaResource.byKey(entry.getKey()).orElseThrow(() ->
                    new IllegalArgumentException("no quota resource " + entry.getKey() + "; Nova's are "
                            + QuotaResource.all().stream().map(QuotaResource::key).toList()));
            byResource.put(resource, Objects.requireNonNull(entry.getValue(), entry.getKey()));
        }
        return NOVA_DEFAULTS.with(byResource);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuotaSet set && set.limits.equals(limits);
    }

    @Override
    public int hashCode() {
        return limits.hashCode();
    }

    @Override
    public String toString() {
        return "QuotaSet" + byKey();
    }
}
