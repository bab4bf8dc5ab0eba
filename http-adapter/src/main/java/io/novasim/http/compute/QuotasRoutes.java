package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;
import io.novasim.model.quota.QuotaResource;
import io.novasim.model.quota.QuotaSet;
import io.novasim.state.Cloud;
import io.novasim.state.command.DeleteQuotas;
import io.novasim.state.command.UpdateQuotas;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nova's quotas as its API shows them: {@code os-quota-sets} (a project's limits, their usage, the defaults; set and
 * deleted by admins) and {@code limits} (absolute limits and usage, by Nova's display names). The resources shown
 * narrow as Nova's microversions dropped them: nova-network's from 2.36, injected files from 2.57.
 */
final class QuotasRoutes {
    /** nova-network's quotas, gone from the API at 2.36 ({@code FILTERED_QUOTAS_2_36}). */
    private static final Set<QuotaResource> NETWORK_QUOTAS = Set.of(QuotaResource.FIXED_IPS,
            QuotaResource.FLOATING_IPS, QuotaResource.SECURITY_GROUPS, QuotaResource.SECURITY_GROUP_RULES);
    /** Personality files' quotas, gone at 2.57. */
    private static final Set<QuotaResource> FILE_QUOTAS = Set.of(QuotaResource.INJECTED_FILES,
            QuotaResource.INJECTED_FILE_CONTENT_BYTES, QuotaResource.INJECTED_FILE_PATH_BYTES);
    /** The schema's largest limit: the database's MAX_INT. */
    private static final int MAX_LIMIT = 0x7FFFFFFF;
    private static final String LIMIT_PATTERN = "^-?[0-9]+$";

    /** {@code limits}' names of each resource's limit, in Nova's order ({@code views/limits.py}). */
    private static final Map<QuotaResource, List<String>> LIMIT_NAMES = new LinkedHashMap<>();
    /** {@code limits}' names of what is used. */
    private static final Map<String, QuotaResource> USED_NAMES = new LinkedHashMap<>();

    static {
        LIMIT_NAMES.put(QuotaResource.RAM, List.of("maxTotalRAMSize"));
        LIMIT_NAMES.put(QuotaResource.INSTANCES, List.of("maxTotalInstances"));
        LIMIT_NAMES.put(QuotaResource.CORES, List.of("maxTotalCores"));
        LIMIT_NAMES.put(QuotaResource.KEY_PAIRS, List.of("maxTotalKeypairs"));
        LIMIT_NAMES.put(QuotaResource.FLOATING_IPS, List.of("maxTotalFloatingIps"));
        LIMIT_NAMES.put(QuotaResource.METADATA_ITEMS, List.of("maxServerMeta", "maxImageMeta"));
        LIMIT_NAMES.put(QuotaResource.INJECTED_FILES, List.of("maxPersonality"));
        LIMIT_NAMES.put(QuotaResource.INJECTED_FILE_CONTENT_BYTES, List.of("maxPersonalitySize"));
        LIMIT_NAMES.put(QuotaResource.SECURITY_GROUPS, List.of("maxSecurityGroups"));
        LIMIT_NAMES.put(QuotaResource.SECURITY_GROUP_RULES, List.of("maxSecurityGroupRules"));
        LIMIT_NAMES.put(QuotaResource.SERVER_GROUPS, List.of("maxServerGroups"));
        LIMIT_NAMES.put(QuotaResource.SERVER_GROUP_MEMBERS, List.of("maxServerGroupMembers"));
        USED_NAMES.put("totalRAMUsed", QuotaResource.RAM);
        USED_NAMES.put("totalCoresUsed", QuotaResource.CORES);
        USED_NAMES.put("totalInstancesUsed", QuotaResource.INSTANCES);
        USED_NAMES.put("totalFloatingIpsUsed", QuotaResource.FLOATING_IPS);
        USED_NAMES.put("totalSecurityGroupsUsed", QuotaResource.SECURITY_GROUPS);
        USED_NAMES.put("totalServerGroupsUsed", QuotaResource.SERVER_GROUPS);
    }

    private final Simulation simulation;

    QuotasRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/os-quota-sets/{tenant_id}", this::show);
        api.route("GET", "/os-quota-sets/{tenant_id}/detail", this::detail);
        api.route("GET", "/os-quota-sets/{tenant_id}/defaults", this::defaults);
        api.route("PUT", "/os-quota-sets/{tenant_id}", this::update);
        api.route("DELETE", "/os-quota-sets/{tenant_id}", this::delete);
        api.route("GET", "/limits", this::limits);
    }

    private Reply show(Call call) {
        checkQuotaQuery(call);
        String projectId = call.path("tenant_id");
        return Reply.ok(quotaSet(call, projectId, simulation.cloud().quotaLimits(call.caller(), projectId), null));
    }

    private Reply detail(Call call) {
        checkQuotaQuery(call);
        String projectId = call.path("tenant_id");
        Cloud.QuotaUsage usage = simulation.cloud().quotaDetail(call.caller(), projectId);
        return Reply.ok(quotaSet(call, projectId, usage.limits(), usage.inUse()));
    }

    private Reply defaults(Call call) {
        String projectId = call.path("tenant_id");
        return Reply.ok(quotaSet(call, projectId, simulation.cloud().quotaDefaults(projectId), null));
    }

    private Reply update(Call call) {
        checkQuotaQuery(call);
        JsonNode quotaSet = Schema.envelope(call.body(), "quota_set");
        Set<String> allowed = new HashSet<>();
        for (QuotaResource resource : shown(call)) {
            allowed.add(resource.key());
        }
        allowed.add("force");
        if (!call.atLeast(36)) {
            allowed.add(UpdateQuotas.NETWORKS);
        }
        Schema.object(quotaSet, "quota_set");
        Schema.onlyKeys(quotaSet, "quota_set", allowed);
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = quotaSet.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("force")) {
                limits.put(field.getKey(), limit(field.getKey(), field.getValue()));
            }
        }
        boolean force = Boolean.TRUE.equals(Schema.bool(quotaSet, "force"));
        QuotaSet updated = simulation.cloud().execute(call.caller(),
                UpdateQuotas.compute(call.path("tenant_id"), limits, force), call.requestId()).quotaSet();
        return Reply.ok(quotaSet(call, null, updated, null)); // Nova's update answers without the id
    }

    private Reply delete(Call call) {
        checkQuotaQuery(call);
        simulation.cloud().execute(call.caller(), new DeleteQuotas(call.path("tenant_id"), QuotaResource.Service.COMPUTE), call.requestId());
        return Reply.empty(202);
    }

    private Reply limits(Call call) {
        checkQuery(call, Set.of("tenant_id"));
        Cloud.QuotaUsage usage = simulation.cloud().limits(call.caller(), call.query("tenant_id"));
        Set<QuotaResource> hidden = hidden(call);
        Map<String, Object> absolute = Json.object();
        LIMIT_NAMES.forEach((resource, names) -> {
            if (!hidden.contains(resource)) {
                for (String name : names) {
                    if (!name.equals("maxImageMeta") || !call.atLeast(39)) { // image proxies left at 2.39
                        absolute.put(name, usage.limits().limit(resource));
                    }
                }
            }
        });
        USED_NAMES.forEach((name, resource) -> {
            if (!hidden.contains(resource)) {
                absolute.put(name, usage.inUse().get(resource));
            }
        });
        return Reply.ok(Json.object("limits", Json.object("rate", List.of(), "absolute", absolute)));
    }

    /**
     * A {@code quota_set}: each resource the microversion shows, its limit alone, or with {@code in_use} and
     * {@code reserved} (always 0: Nova reserves nothing since Pike).
     */
    private static Map<String, Object> quotaSet(Call call, String projectId, QuotaSet limits,
                                                Map<QuotaResource, Long> inUse) {
        Map<String, Object> view = Json.object();
        if (projectId != null) {
            view.put("id", projectId);
        }
        for (QuotaResource resource : shown(call)) {
            view.put(resource.key(), inUse == null ? limits.limit(resource) : Json.object("in_use",
                    inUse.get(resource), "limit", limits.limit(resource), "reserved", 0));
        }
        return Json.object("quota_set", view);
    }

    /** The resources a quota set shows at the request's microversion, in Nova's order. */
    private static List<QuotaResource> shown(Call call) {
        Set<QuotaResource> hidden = hidden(call);
        return QuotaResource.of(QuotaResource.Service.COMPUTE).stream().filter(r -> !hidden.contains(r)).toList();
    }

    private static Set<QuotaResource> hidden(Call call) {
        Set<QuotaResource> hidden = new HashSet<>();
        if (call.atLeast(36)) {
            hidden.addAll(NETWORK_QUOTAS);
        }
        if (call.atLeast(57)) {
            hidden.addAll(FILE_QUOTAS);
        }
        return hidden;
    }

    /** A limit as Nova's schema takes it: an integer, or a string of digits, from -1 to MAX_INT. */
    private static int limit(String field, JsonNode value) {
        long number;
        if (value.isIntegralNumber()) {
            number = value.asLong();
        } else if (value.isTextual()) {
            if (!value.textValue().matches(LIMIT_PATTERN)) {
                throw Schema.fail(field, value, Refusal.Reason.NO_MATCH.text(Schema.repr(value), LIMIT_PATTERN));
            }
            number = Long.parseLong(value.textValue());
        } else {
            throw Schema.fail(field, value, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(value),
                    "'integer', 'string'"));
        }
        if (number < QuotaResource.UNLIMITED) {
            throw Schema.fail(field, value, Refusal.Reason.BELOW_MINIMUM.text(Schema.repr(value), -1));
        }
        if (number > MAX_LIMIT) {
            throw Schema.fail(field, value, Refusal.Reason.ABOVE_MAXIMUM.text(Schema.repr(value), MAX_LIMIT));
        }
        return (int) number;
    }

    /** A quota set's query: {@code user_id} alone, and per-user quotas are not simulated. */
    private static void checkQuotaQuery(Call call) {
        checkQuery(call, Set.of("user_id"));
        if (call.query("user_id") != null) {
            throw Refusal.NOT_SIMULATED.exception("the query parameter", "user_id (per-user quotas)");
        }
    }

    /** From 2.75 Nova's query schemas refuse parameters they do not name; before, it ignores them. */
    private static void checkQuery(Call call, Set<String> known) {
        if (call.atLeast(75)) {
            for (String parameter : call.queryNames()) {
                if (!known.contains(parameter)) {
                    throw Refusal.INVALID_QUERY_PARAMETER.exception(parameter, call.query(parameter),
                            Refusal.Reason.ADDITIONAL_PROPERTY.text("'" + parameter + "'"));
                }
            }
        }
    }
}
