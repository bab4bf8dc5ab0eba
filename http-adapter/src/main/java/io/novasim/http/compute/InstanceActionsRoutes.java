package io.novasim.http.compute;

import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.action.InstanceAction;
import io.novasim.model.action.InstanceActionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /servers/{id}/os-instance-actions} (nova-semantics.md §5, §10): how a client sees asynchronous failures. */
final class InstanceActionsRoutes {
    private final Simulation simulation;

    InstanceActionsRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/servers/{server_id}/os-instance-actions", this::list);
        api.route("GET", "/servers/{server_id}/os-instance-actions/{request_id}", this::show);
    }

    private Reply list(Call call) {
        List<InstanceAction> all = simulation.cloud().instanceActions(call.caller(), call.path("server_id"));
        List<InstanceAction> page = call.atLeast(58)
                ? Pages.page(all, InstanceAction::requestId, call.query("marker"), call.query("limit")) : all;
        List<Object> views = new ArrayList<>();
        for (InstanceAction action : page) {
            views.add(summary(call, action));
        }
        Map<String, Object> body = Json.object("instanceActions", views);
        if (call.atLeast(58)) {
            Pages.nextLink(call, page, all, InstanceAction::requestId,
                    Links.collection(call, "servers/" + call.path("server_id") + "/os-instance-actions"))
                    .ifPresent(link -> body.put("links", List.of(link)));
        }
        return Reply.ok(body);
    }

    private Reply show(Call call) {
        InstanceAction action = simulation.cloud().instanceAction(call.caller(), call.path("server_id"),
                call.path("request_id"));
        Map<String, Object> view = summary(call, action);
        boolean admin = call.caller().admin();
        if (admin || call.atLeast(51)) {
            List<Object> events = new ArrayList<>();
            for (InstanceActionEvent event : action.events()) {
                Map<String, Object> e = Json.object();
                e.put("event", event.event());
                e.put("start_time", Json.micros(event.startTime()));
                e.put("finish_time", Json.micros(event.finishTime()));
                e.put("result", event.result());
                if (admin) {
                    e.put("traceback", event.traceback());
                }
                if (call.atLeast(62)) {
                    // the host the server is on now stands for the one each event ran on (the engine keeps no
                    // host per event); an offloaded server's events name the setup's first host
                    io.novasim.model.server.Server server = simulation.cloud().server(call.caller(),
                            action.serverId());
                    String host = server.host() != null ? server.host() : ServerView.HOST;
                    e.put("hostId", ServerView.hostIdOnHost(server.projectId(), host));
                    if (admin) {
                        e.put("host", host);
                    }
                }
                if (call.atLeast(84) && admin) {
                    e.put("details", event.traceback());
                }
                events.add(e);
            }
            view.put("events", events);
        }
        return Reply.ok(Json.object("instanceAction", view));
    }

    private static Map<String, Object> summary(Call call, InstanceAction action) {
        Map<String, Object> view = Json.object();
        view.put("action", action.action());
        view.put("instance_uuid", action.serverId());
        view.put("message", action.message());
        view.put("project_id", action.projectId());
        view.put("request_id", action.requestId());
        view.put("start_time", Json.micros(action.startTime()));
        if (call.atLeast(58)) {
            view.put("updated_at", Json.micros(action.updatedAt()));
        }
        view.put("user_id", action.userId());
        return view;
    }
}
