package io.novasim.http.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.error.Refusal;
import io.novasim.model.quota.QuotaResource;
import io.novasim.model.quota.QuotaSet;
import io.novasim.state.Cloud;
import io.novasim.state.command.DeleteQuotas;
import io.novasim.state.command.UpdateQuotas;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Neutron's quotas ({@code neutron/extensions/quotasv2.py}, the no-lock driver): a project's limits, their defaults
 * and details (used, limit, reserved), read by the project itself or by admins; set and reset by admins. Neutron
 * checks no project with Keystone.
 */
final class QuotasRoutes {
    private static final QuotaResource.Service NETWORK = QuotaResource.Service.NETWORK;
    private static final long MAX_LIMIT = 0x7FFFFFFFL;

    private final Simulation simulation;

    QuotasRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(NetworkApi api) {
        api.route("GET", "/quotas", "get_quotas", this::list);
        api.route("GET", "/quotas/{project_id}", "get_quota", this::show);
        api.route("GET", "/quotas/{project_id}/default", "get_quota_default", this::defaults);
        api.route("GET", "/quotas/{project_id}/details", "get_quota_details", this::details);
        api.route("PUT", "/quotas/{project_id}", "update_quota", this::update);
        api.route("DELETE", "/quotas/{project_id}", "delete_quota", this::delete);
    }

    private Reply show(Call call) {
        return Reply.ok(Json.object("quota", limits(simulation.cloud().serviceQuota(call.caller(),
                call.path("project_id"), NETWORK, false).limits())));
    }

    private Reply defaults(Call call) {
        simulation.cloud().serviceQuota(call.caller(), call.path("project_id"), NETWORK, false);
        return Reply.ok(Json.object("quota", limits(simulation.cloud().catalog().quotaDefaults())));
    }

    private Reply details(Call call) {
        Cloud.QuotaUsage usage = simulation.cloud().serviceQuota(call.caller(), call.path("project_id"), NETWORK,
                true);
        Map<String, Object> details = Json.object();
        for (QuotaResource resource : QuotaResource.of(NETWORK)) {
            details.put(resource.key(), Json.object("used", usage.inUse().get(resource), "limit",
                    usage.limits().limit(resource), "reserved", 0));
        }
        return Reply.ok(Json.object("quota", details));
    }

    /** Admins: the projects with limits of their own, each with all its limits. */
    private Reply list(Call call) {
        List<Object> quotas = new ArrayList<>();
        for (String projectId : simulation.cloud().projectsWithOwnQuotas(call.caller(), NETWORK)) {
            Map<String, Object> view = limits(simulation.cloud().serviceQuota(call.caller(), projectId, NETWORK,
                    false).limits());
            view.put("project_id", projectId);
            view.put("tenant_id", projectId);
            quotas.add(view);
        }
        return Reply.ok(Json.object("quotas", quotas));
    }

    /** {@code {"quota": {...}}}, with {@code check_limit} (the usage checked) and {@code force} taken out. */
    private Reply update(Call call) {
        Set<String> known = QuotaResource.of(NETWORK).stream().map(QuotaResource::key).collect(Collectors.toSet());
        Set<String> accepted = new java.util.HashSet<>(known);
        accepted.addAll(Set.of("check_limit", "force"));
        JsonNode quota = NeutronBody.resource(call, "quota", accepted);
        boolean checkLimit = NetworkRequest.bool(quota, "check_limit", false);
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = quota.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (known.contains(field.getKey())) {
                limits.put(field.getKey(), limit(field.getKey(), field.getValue()));
            }
        }
        QuotaSet updated = simulation.cloud().execute(call.caller(), new UpdateQuotas(call.path("project_id"),
                NETWORK, limits, checkLimit), call.requestId()).quotaSet();
        return Reply.ok(Json.object("quota", limits(updated)));
    }

    private Reply delete(Call call) {
        simulation.cloud().execute(call.caller(), new DeleteQuotas(call.path("project_id"), NETWORK),
                call.requestId());
        return Reply.empty(204);
    }

    private static Map<String, Object> limits(QuotaSet limits) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (QuotaResource resource : QuotaResource.of(NETWORK)) {
            view.put(resource.key(), limits.limit(resource));
        }
        return view;
    }

    /** A limit as neutron-lib converts and checks it: an integer, or a string of one, from -1 to MAX_INT. */
    private static int limit(String resource, JsonNode value) {
        long number;
        String shown = value.isTextual() ? value.textValue() : value.toString();
        if (value.isIntegralNumber()) {
            number = value.asLong();
        } else if (value.isTextual() && value.textValue().strip().matches("[-+]?\\d+")) {
            number = Long.parseLong(value.textValue().strip());
        } else {
            throw new NeutronError(Refusal.NEUTRON_QUOTA_NOT_AN_INTEGER, shown);
        }
        if (number < QuotaResource.UNLIMITED) {
            throw new NeutronError(Refusal.NEUTRON_QUOTA_TOO_SMALL, resource, number);
        }
        if (number > MAX_LIMIT) {
            throw new NeutronError(Refusal.NEUTRON_QUOTA_TOO_LARGE, resource, number);
        }
        return (int) number;
    }
}
