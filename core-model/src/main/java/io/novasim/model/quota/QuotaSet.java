package io.novasim.model.quota;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A limit for each quota resource of Nova, Neutron and Cinder: the cloud's defaults, or a project's after an admin
 * set some of them. A value: {@link #with} makes a new one.
 */
public final class QuotaSet {
    /** The services' own defaults (their configuration, untouched). */
    public static final QuotaSet DEFAULTS = new QuotaSet(new EnumMap<>(QuotaResource.class));

    private final EnumMap<QuotaResource, Integer> limits;

    private QuotaSet(EnumMap<QuotaResource, Integer> overrides) {
        this.limits = new EnumMap<>(QuotaResource.class);
        for (QuotaResource resource : QuotaResource.all()) {
            limits.put(resource, overrides.getOrDefault(resource, resource.configDefault()));
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

    /** The limits by the services' names, each service's in its order. */
    public Map<String, Integer> byKey() {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        limits.forEach((resource, limit) -> byKey.put(resource.key(), limit));
        return byKey;
    }

    /**
     * A set from limits by the services' names; the others keep the services' defaults.
     *
     * @throws IllegalArgumentException for a name no service knows, or a limit below -1
     */
    public static QuotaSet ofKeys(Map<String, Integer> limits) {
        EnumMap<QuotaResource, Integer> byResource = new EnumMap<>(QuotaResource.class);
        for (Map.Entry<String, Integer> entry : limits.entrySet()) {
            QuotaResource resource = QuotaResource.byKey(entry.getKey()).orElseThrow(() ->
                    new IllegalArgumentException("no quota resource " + entry.getKey() + "; the services' are "
                            + QuotaResource.all().stream().map(QuotaResource::key).toList()));
            byResource.put(resource, Objects.requireNonNull(entry.getValue(), entry.getKey()));
        }
        return DEFAULTS.with(byResource);
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
