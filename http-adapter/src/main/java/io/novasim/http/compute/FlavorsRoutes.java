package io.novasim.http.compute;

import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.error.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /flavors}: list, detail, show. */
final class FlavorsRoutes {
    private final Simulation simulation;

    FlavorsRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/flavors", call -> list(call, false));
        api.route("GET", "/flavors/detail", call -> list(call, true));
        api.route("GET", "/flavors/{flavor_id}", this::show);
        // `openstack flavor list` reads every flavor's extra specs; the simulator's flavors have none.
        api.route("GET", "/flavors/{flavor_id}/os-extra_specs", call -> {
            find(call);
            return Reply.ok(Json.object("extra_specs", Map.of()));
        });
    }

    private Reply list(Call call, boolean detail) {
        List<Flavor> all = simulation.cloud().catalog().flavors();
        List<Flavor> page = Pages.page(all, Flavor::id, call.query("marker"), call.query("limit"));
        List<Object> views = new ArrayList<>();
        for (Flavor flavor : page) {
            views.add(detail ? full(call, flavor) : brief(call, flavor));
        }
        Map<String, Object> body = Json.object("flavors", views);
        Pages.nextLink(call, page, all, Flavor::id, Links.collection(call, detail ? "flavors/detail" : "flavors"))
                .ifPresent(link -> body.put("flavors_links", List.of(link)));
        return Reply.ok(body);
    }

    private Reply show(Call call) {
        return Reply.ok(Json.object("flavor", full(call, find(call))));
    }

    private Flavor find(Call call) {
        String id = call.path("flavor_id");
        return simulation.cloud().catalog().flavor(id)
                .orElseThrow(() -> Refusal.FLAVOR_NOT_FOUND.exception(id));
    }

    private static Map<String, Object> brief(Call call, Flavor flavor) {
        Map<String, Object> view = Json.object();
        if (call.atLeast(55)) {
            view.put("description", null);
        }
        view.put("id", flavor.id());
        view.put("links", Links.of(call, "flavors", flavor.id()));
        view.put("name", flavor.name());
        return view;
    }

    static Map<String, Object> full(Call call, Flavor flavor) {
        Map<String, Object> view = Json.object();
        view.put("OS-FLV-DISABLED:disabled", false);
        view.put("OS-FLV-EXT-DATA:ephemeral", flavor.ephemeralGb());
        if (call.atLeast(55)) {
            view.put("description", null);
        }
        view.put("disk", flavor.diskGb());
        if (call.atLeast(61)) {
            view.put("extra_specs", Map.of());
        }
        view.put("id", flavor.id());
        view.put("links", Links.of(call, "flavors", flavor.id()));
        view.put("name", flavor.name());
        view.put("os-flavor-access:is_public", flavor.isPublic());
        view.put("ram", flavor.ramMb());
        view.put("rxtx_factor", 1.0);
        // Before 2.75 Nova shows a swap of 0 as an empty string.
        view.put("swap", flavor.swapMb() == 0 && !call.atLeast(75) ? "" : flavor.swapMb());
        view.put("vcpus", flavor.vcpus());
        return view;
    }
}
