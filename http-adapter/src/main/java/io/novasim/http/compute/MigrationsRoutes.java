package io.novasim.http.compute;

import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.migration.Migration;
import io.novasim.state.rules.AdminPolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /os-migrations} (admins) as Nova's migrations controller shows resizes: newest first, filtered by
 * {@code status}, {@code instance_uuid}, {@code migration_type} and {@code host}, with {@code migration_type} from
 * 2.23, {@code uuid} from 2.59 and the owner's ids from 2.80; and {@code GET /servers/{id}/migrations}, which lists
 * live migrations in progress only, so none here.
 */
final class MigrationsRoutes {
    /** The compute host's address, as Nova's {@code dest_host} names a host by its IP. */
    private static final String HOST_IP = "127.0.0.1";

    private final Simulation simulation;

    MigrationsRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/os-migrations", this::list);
        api.route("GET", "/servers/{server_id}/migrations", this::ofServer);
    }

    private Reply list(Call call) {
        List<Map<String, Object>> views = new ArrayList<>();
        List<Migration> newestFirst = new ArrayList<>(simulation.cloud().migrations(call.caller()));
        newestFirst.sort(Comparator.comparing(Migration::created).thenComparing(Migration::id).reversed());
        for (Migration migration : newestFirst) {
            if (matches(call, migration)) {
                views.add(view(call, migration));
            }
        }
        return Reply.ok(Json.object("migrations", views));
    }

    /** The server's live migrations in progress (Nova lists no other kind here), as Nova's server_migrations shows. */
    private Reply ofServer(Call call) {
        String serverId = call.path("server_id");
        simulation.cloud().server(call.caller(), serverId);
        AdminPolicy.SERVER_MIGRATIONS_INDEX.enforce(call.caller().admin());
        List<Map<String, Object>> views = new ArrayList<>();
        for (Migration migration : simulation.cloud().migrations()) {
            boolean inProgress = migration.status().equals(Migration.ACCEPTED)
                    || migration.status().equals(Migration.RUNNING);
            if (migration.serverId().equals(serverId) && migration.type().equals("live-migration") && inProgress) {
                views.add(liveView(call, migration));
            }
        }
        return Reply.ok(Json.object("migrations", views));
    }

    private static Map<String, Object> liveView(Call call, Migration migration) {
        Map<String, Object> view = common(migration);
        view.put("disk_processed_bytes", 0);
        view.put("disk_remaining_bytes", 0);
        view.put("disk_total_bytes", 0);
        view.put("id", migration.id());
        view.put("memory_processed_bytes", 0);
        view.put("memory_remaining_bytes", 0);
        view.put("memory_total_bytes", 0);
        view.put("server_uuid", migration.serverId());
        view.put("source_compute", migration.sourceHost());
        view.put("source_node", migration.sourceHost());
        view.put("status", migration.status());
        view.put("updated_at", Json.micros(migration.updated()));
        if (call.atLeast(59)) {
            view.put("uuid", migration.uuid());
        }
        if (call.atLeast(80)) {
            view.put("user_id", migration.userId());
            view.put("project_id", migration.projectId());
        }
        return view;
    }

    private static boolean matches(Call call, Migration migration) {
        return equalsIfGiven(call.query("status"), migration.status())
                && equalsIfGiven(call.query("instance_uuid"), migration.serverId())
                && equalsIfGiven(call.query("migration_type"), migration.type())
                && (call.query("host") == null || call.query("host").equals(migration.sourceHost())
                || call.query("host").equals(migration.destHost()));
    }

    private static boolean equalsIfGiven(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private Map<String, Object> view(Call call, Migration migration) {
        Map<String, Object> view = common(migration);
        view.put("id", migration.id());
        view.put("instance_uuid", migration.serverId());
        view.put("new_instance_type_id", flavorNumber(migration.newFlavorId()));
        view.put("old_instance_type_id", flavorNumber(migration.oldFlavorId()));
        view.put("source_compute", migration.sourceHost());
        view.put("source_node", migration.sourceHost());
        view.put("status", migration.status());
        view.put("updated_at", Json.micros(migration.updated()));
        if (call.atLeast(23)) {
            view.put("migration_type", migration.type());
        }
        if (call.atLeast(59)) {
            view.put("uuid", migration.uuid());
        }
        if (call.atLeast(80)) {
            view.put("user_id", migration.userId());
            view.put("project_id", migration.projectId());
        }
        return view;
    }

    /** The fields both of Nova's migration views open with: when, and where to. */
    private static Map<String, Object> common(Migration migration) {
        Map<String, Object> view = Json.object();
        view.put("created_at", Json.micros(migration.created()));
        view.put("dest_compute", migration.destHost());
        view.put("dest_host", migration.destHost() == null ? null : HOST_IP);
        view.put("dest_node", migration.destHost());
        return view;
    }

    /** Nova's database number of a flavor: the setup's flavors are numbered from 1 in their order. */
    private int flavorNumber(String flavorId) {
        List<Flavor> flavors = simulation.cloud().catalog().flavors();
        for (int i = 0; i < flavors.size(); i++) {
            if (flavors.get(i).id().equals(flavorId)) {
                return i + 1;
            }
        }
        return 0;
    }
}
