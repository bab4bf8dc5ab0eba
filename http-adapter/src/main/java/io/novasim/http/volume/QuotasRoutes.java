package io.novasim.http.volume;

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

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cinder's quotas ({@code cinder/api/contrib/quotas.py}): a project's quota set, with its usage when asked
 * ({@code usage=True}) and its defaults, read by the project itself or admins; set and deleted by admins; and
 * {@code limits}, the absolute limits and usage by Cinder's display names. Cinder asks Keystone about no project.
 */
final class QuotasRoutes {
    private static final QuotaResource.Service VOLUME = QuotaResource.Service.VOLUME;
    /** Keys Cinder's update ignores. */
    private static final Set<String> NON_QUOTA_KEYS = Set.of("tenant_id", "id");
    private static final long MAX_LIMIT = 0x7FFFFFFFL;
    /** {@code limits}' names of each limit and of its usage ({@code views/limits.py}, {@code used_limits.py}). */
    private static final Map<QuotaResource, String[]> LIMIT_NAMES = new LinkedHashMap<>();

    static {
        LIMIT_NAMES.put(QuotaResource.VOLUMES, new String[]{"maxTotalVolumes", "totalVolumesUsed"});
        LIMIT_NAMES.put(QuotaResource.SNAPSHOTS, new String[]{"maxTotalSnapshots", "totalSnapshotsUsed"});
        LIMIT_NAMES.put(QuotaResource.GIGABYTES, new String[]{"maxTotalVolumeGigabytes", "totalGigabytesUsed"});
        LIMIT_NAMES.put(QuotaResource.BACKUPS, new String[]{"maxTotalBackups", "totalBackupsUsed"});
        LIMIT_NAMES.put(QuotaResource.BACKUP_GIGABYTES, new String[]{"maxTotalBackupGigabytes",
                "totalBackupGigabytesUsed"});
    }

    private final Simulation simulation;

    QuotasRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(VolumeApi api) {
        api.route("GET", "/os-quota-sets/{target_project_id}", "get_quota_set", this::show);
        api.route("GET", "/os-quota-sets/{target_project_id}/defaults", "get_quota_set_defaults", this::defaults);
        api.route("PUT", "/os-quota-sets/{target_project_id}", "update_quota_set", this::update);
        api.route("DELETE", "/os-quota-sets/{target_project_id}", "delete_quota_set", this::delete);
        api.route("GET", "/limits", "get_limits", this::limits);
    }

    private Reply show(Call call) {
        String usage = call.query("usage");
        boolean withUsage = usage != null && bool(usage, "usage");
        String target = call.path("target_project_id");
        Cloud.QuotaUsage quota = simulation.cloud().serviceQuota(call.caller(), target, VOLUME, withUsage);
        Map<String, Object> view = new LinkedHashMap<>();
        for (QuotaResource resource : QuotaResource.of(VOLUME)) {
            int limit = quota.limits().limit(resource);
            view.put(resource.key(), withUsage ? Json.object("limit", limit, "in_use", quota.inUse().get(resource),
                    "reserved", 0) : limit);
        }
        view.put("id", target);
        return Reply.ok(Json.object("quota_set", view));
    }

    private Reply defaults(Call call) {
        String target = call.path("target_project_id");
        simulation.cloud().serviceQuota(call.caller(), target, VOLUME, false);
        Map<String, Object> view = limits(simulation.cloud().catalog().quotaDefaults());
        view.put("id", target);
        return Reply.ok(Json.object("quota_set", view));
    }

    /** Cinder's schema first (so a bad body is a 400 even for a non-admin), then the policy and the usage. */
    private Reply update(Call call) {
        JsonNode quotaSet = Schema.envelope(call.body(), "quota_set");
        Schema.object(quotaSet, "quota_set");
        List<String> badKeys = new ArrayList<>();
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = quotaSet.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (QuotaResource.byKey(VOLUME, key).isEmpty() && !NON_QUOTA_KEYS.contains(key)) {
                badKeys.add(key);
                continue;
            }
            if (!NON_QUOTA_KEYS.contains(key)) {
                limits.put(key, limit(key, field.getValue()));
            }
        }
        if (!badKeys.isEmpty()) {
            throw Refusal.CINDER_BAD_QUOTA_KEY.exception(String.join(", ", badKeys));
        }
        QuotaSet updated = simulation.cloud().execute(call.caller(), new UpdateQuotas(
                call.path("target_project_id"), VOLUME, limits, true), call.requestId()).quotaSet();
        return Reply.ok(Json.object("quota_set", limits(updated)));
    }

    /** Cinder answers a delete 200 with no body. */
    private Reply delete(Call call) {
        simulation.cloud().execute(call.caller(), new DeleteQuotas(call.path("target_project_id"), VOLUME),
                call.requestId());
        return Reply.empty(200);
    }

    private Reply limits(Call call) {
        Cloud.QuotaUsage quota = simulation.cloud().serviceQuota(call.caller(), call.caller().projectId(), VOLUME,
                true);
        Map<String, Object> absolute = Json.object();
        LIMIT_NAMES.forEach((resource, names) -> absolute.put(names[0], quota.limits().limit(resource)));
        LIMIT_NAMES.forEach((resource, names) -> absolute.put(names[1], quota.inUse().get(resource)));
        return Reply.ok(Json.object("limits", Json.object("rate", List.of(), "absolute", absolute)));
    }

    private static Map<String, Object> limits(QuotaSet limits) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (QuotaResource resource : QuotaResource.of(VOLUME)) {
            view.put(resource.key(), limits.limit(resource));
        }
        return view;
    }

    /**
     * A limit as oslo's validate_integer takes it: an integer, or a string of one, from -1 to MAX_INT; its message
     * is the whole answer, as Cinder's schema check passes it on.
     */
    private static int limit(String key, JsonNode value) {
        long number;
        String text = value.isTextual() ? value.textValue().strip() : value.isIntegralNumber() ? value.asText()
                : null;
        if (text == null || !text.matches("[-+]?\\d+")) {
            throw Refusal.INVALID_BODY.exception(key + " must be an integer");
        }
        number = Long.parseLong(text);
        if (number < QuotaResource.UNLIMITED) {
            throw Refusal.INVALID_BODY.exception(key + " must be >= -1");
        }
        if (number > MAX_LIMIT) {
            throw Refusal.INVALID_BODY.exception(key + " must be <= " + MAX_LIMIT);
        }
        return (int) number;
    }

    private static boolean bool(String value, String parameter) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (Set.of("1", "t", "true", "on", "y", "yes").contains(lower)) {
            return true;
        }
        if (Set.of("0", "f", "false", "off", "n", "no").contains(lower)) {
            return false;
        }
        throw Refusal.CINDER_NOT_A_BOOLEAN.exception(value, parameter);
    }
}
