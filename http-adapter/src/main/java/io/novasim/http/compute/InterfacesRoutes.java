package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.network.FixedIp;
import io.novasim.model.network.Port;
import io.novasim.state.command.AttachInterface;
import io.novasim.state.command.DetachInterface;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /servers/{id}/os-interface} (nova-semantics.md §3): list, attach (200), show, detach (202). */
final class InterfacesRoutes {
    private final Simulation simulation;

    InterfacesRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/servers/{server_id}/os-interface", this::list);
        api.route("POST", "/servers/{server_id}/os-interface", this::attach);
        api.route("GET", "/servers/{server_id}/os-interface/{port_id}", this::show);
        api.route("DELETE", "/servers/{server_id}/os-interface/{port_id}", this::detach);
    }

    private Reply list(Call call) {
        List<Object> views = new ArrayList<>();
        for (Port port : simulation.cloud().interfaces(call.caller(), call.path("server_id"))) {
            views.add(view(call, port));
        }
        return Reply.ok(Json.object("interfaceAttachments", views));
    }

    private Reply show(Call call) {
        Port port = simulation.cloud().interfaceOf(call.caller(), call.path("server_id"), call.path("port_id"));
        return Reply.ok(Json.object("interfaceAttachment", view(call, port)));
    }

    private Reply attach(Call call) {
        JsonNode body = call.body();
        Schema.object(body, null);
        Schema.onlyKeys(body, null, Set.of("interfaceAttachment"));
        String portId = null;
        String networkId = null;
        String fixedIp = null;
        String tag = null;
        JsonNode attachment = body.get("interfaceAttachment");
        if (attachment != null) {
            Schema.object(attachment, "interfaceAttachment");
            Set<String> allowed = call.atLeast(49) ? Set.of("net_id", "port_id", "fixed_ips", "tag")
                    : Set.of("net_id", "port_id", "fixed_ips");
            Schema.onlyKeys(attachment, "interfaceAttachment", allowed);
            portId = Schema.uuid(attachment, "port_id", false);
            networkId = Schema.uuid(attachment, "net_id", false);
            fixedIp = fixedIp(attachment.get("fixed_ips"));
            if (call.atLeast(49)) {
                tag = Schema.pattern(attachment, "tag", "^[^,/]*$", 60);
            }
        }
        Port port = simulation.cloud().execute(call.caller(),
                new AttachInterface(call.path("server_id"), portId, networkId, fixedIp, tag), call.requestId()).port();
        return Reply.ok(Json.object("interfaceAttachment", view(call, port)));
    }

    private static String fixedIp(JsonNode fixedIps) {
        if (fixedIps == null) {
            return null;
        }
        if (!fixedIps.isArray()) {
            throw Schema.fail("fixed_ips", fixedIps, Schema.repr(fixedIps) + " is not of type 'array'");
        }
        if (fixedIps.size() > 1) {
            throw Schema.fail("fixed_ips", fixedIps, Schema.repr(fixedIps) + " is too long");
        }
        if (fixedIps.isEmpty()) {
            return null;
        }
        JsonNode entry = fixedIps.get(0);
        Schema.object(entry, "fixed_ips");
        Schema.onlyKeys(entry, "fixed_ips", Set.of("ip_address"));
        Schema.required(entry, "fixed_ips", "ip_address");
        return Schema.ipv4(entry, "ip_address");
    }

    private Reply detach(Call call) {
        simulation.cloud().execute(call.caller(), new DetachInterface(call.path("server_id"), call.path("port_id")),
                call.requestId());
        return Reply.empty(202);
    }

    static Map<String, Object> view(Call call, Port port) {
        Map<String, Object> view = Json.object();
        List<Object> ips = new ArrayList<>();
        for (FixedIp ip : port.fixedIps()) {
            ips.add(Json.object("subnet_id", ip.subnetId(), "ip_address", ip.ipAddress()));
        }
        view.put("fixed_ips", ips);
        view.put("mac_addr", port.macAddress());
        view.put("net_id", port.networkId());
        view.put("port_id", port.id());
        view.put("port_state", port.status());
        if (call.atLeast(70)) {
            view.put("tag", port.tag());
        }
        return view;
    }
}
