package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.catalog.ComputeHost;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.Server;
import io.novasim.state.Cloud;
import io.novasim.state.command.SetComputeServiceDown;
import io.novasim.state.rules.AdminPolicy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The compute hosts as users see them: {@code os-services} (admins; a compute service forced down from 2.53),
 * {@code os-hypervisors} (admins; Nova's fake virt driver's resources) and {@code os-availability-zone}. The
 * controller's nova-scheduler and nova-conductor are in zone {@code internal}, as Nova lists them.
 */
final class HostsRoutes {
    private static final String CONTROLLER = "novasim-controller";
    /** The fake driver's CPU, as its get_available_resource reports it. */
    private static final Map<String, Object> CPU_INFO = Json.object("arch", "x86_64", "model", "Nehalem", "vendor",
            "Intel", "features", List.of("pge", "clflush"), "topology",
            Json.object("cores", 1, "threads", 1, "sockets", 4));

    private final Simulation simulation;

    HostsRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/os-services", this::services);
        api.route("PUT", "/os-services/{service_id}", this::updateService);
        api.route("GET", "/os-hypervisors", call -> hypervisors(call, false));
        api.route("GET", "/os-hypervisors/detail", call -> hypervisors(call, true));
        api.route("GET", "/os-hypervisors/{hypervisor_id}", this::hypervisor);
        api.route("GET", "/os-availability-zone", call -> zones(call, false));
        api.route("GET", "/os-availability-zone/detail", call -> zones(call, true));
    }

    /** One nova service: its binary, host and zone, numbered in Nova's order (controller first). */
    private record Service(int number, String binary, String host, String zone) {
        String uuid() {
            return UUID.nameUUIDFromBytes(("novasim-service:" + binary + "@" + host)
                    .getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    private List<Service> serviceList() {
        List<Service> services = new ArrayList<>();
        services.add(new Service(1, "nova-scheduler", CONTROLLER, "internal"));
        services.add(new Service(2, "nova-conductor", CONTROLLER, "internal"));
        for (ComputeHost host : simulation.cloud().catalog().hosts()) {
            services.add(new Service(services.size() + 1, "nova-compute", host.name(), host.availabilityZone()));
        }
        return services;
    }

    private Reply services(Call call) {
        AdminPolicy.SERVICES_LIST.enforce(call.caller().admin());
        Set<String> down = simulation.cloud().hostsDown();
        List<Object> views = new ArrayList<>();
        for (Service service : serviceList()) {
            if (matches(call.query("binary"), service.binary()) && matches(call.query("host"), service.host())) {
                views.add(serviceView(call, service, down.contains(service.host())
                        && service.binary().equals("nova-compute")));
            }
        }
        return Reply.ok(Json.object("services", views));
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private Map<String, Object> serviceView(Call call, Service service, boolean forcedDown) {
        Map<String, Object> view = Json.object();
        view.put("binary", service.binary());
        view.put("host", service.host());
        view.put("id", call.atLeast(53) ? service.uuid() : service.number());
        view.put("zone", service.zone());
        view.put("status", "enabled");
        view.put("state", forcedDown ? "down" : "up");
        view.put("updated_at", Json.micros(simulation.cloud().now()));
        view.put("disabled_reason", null);
        if (call.atLeast(11)) {
            view.put("forced_down", forcedDown);
        }
        return view;
    }

    /**
     * {@code PUT /os-services/{uuid}} from 2.53 with {@code forced_down}: a compute host marked down (nothing is
     * placed on it, its servers may be evacuated) or up again. Disabling a service is not simulated.
     */
    private Reply updateService(Call call) {
        if (!call.atLeast(53)) {
            throw Refusal.NOT_SIMULATED.exception("PUT", "/os-services/{service_id} before microversion 2.53");
        }
        AdminPolicy.SERVICES_UPDATE.enforce(call.caller().admin());
        Service service = serviceList().stream().filter(s -> s.uuid().equals(call.path("service_id"))).findFirst()
                .orElseThrow(() -> Refusal.SERVICE_NOT_FOUND.exception(call.path("service_id")));
        JsonNode body = call.body();
        Schema.object(body, null);
        Schema.onlyKeys(body, null, Set.of("status", "disabled_reason", "forced_down"));
        if (!service.binary().equals("nova-compute")) {
            throw Refusal.SERVICE_NOT_COMPUTE.exception(service.binary());
        }
        if (body.has("status") || body.has("disabled_reason")) {
            throw Refusal.NOT_SIMULATED.exception("PUT", "/os-services/{service_id} with status (disabling a "
                    + "service)");
        }
        Boolean forcedDown = Schema.bool(body, "forced_down");
        if (forcedDown == null) {
            throw Refusal.SERVICE_UPDATE_EMPTY.exception();
        }
        simulation.cloud().execute(call.caller(), new SetComputeServiceDown(service.host(), forcedDown),
                call.requestId());
        return Reply.ok(Json.object("service", serviceView(call, service, forcedDown)));
    }

    private Reply hypervisors(Call call, boolean detail) {
        (detail ? AdminPolicy.HYPERVISORS_LIST_DETAIL : AdminPolicy.HYPERVISORS_LIST).enforce(call.caller().admin());
        List<Object> views = new ArrayList<>();
        for (Service service : serviceList()) {
            if (service.binary().equals("nova-compute")) {
                views.add(hypervisorView(call, service, detail));
            }
        }
        return Reply.ok(Json.object("hypervisors", views));
    }

    private Reply hypervisor(Call call) {
        AdminPolicy.HYPERVISORS_SHOW.enforce(call.caller().admin());
        String id = call.path("hypervisor_id");
        for (Service service : serviceList()) {
            if (service.binary().equals("nova-compute") && id.equals(call.atLeast(53)
                    ? hypervisorUuid(service) : String.valueOf(service.number() - 2))) {
                return Reply.ok(Json.object("hypervisor", hypervisorView(call, service, true)));
            }
        }
        throw Refusal.HYPERVISOR_NOT_FOUND.exception(id);
    }

    private static String hypervisorUuid(Service service) {
        return UUID.nameUUIDFromBytes(("novasim-hypervisor:" + service.host()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private Map<String, Object> hypervisorView(Call call, Service service, boolean detail) {
        Cloud cloud = simulation.cloud();
        boolean up = !cloud.hostsDown().contains(service.host());
        Map<String, Object> view = Json.object();
        view.put("id", call.atLeast(53) ? hypervisorUuid(service) : service.number() - 2);
        view.put("hypervisor_hostname", service.host());
        view.put("state", up ? "up" : "down");
        view.put("status", "enabled");
        if (!detail) {
            return view;
        }
        view.put("hypervisor_type", "fake");
        view.put("hypervisor_version", 1000);
        view.put("host_ip", "127.0.0.1");
        view.put("service", Json.object("id", call.atLeast(53) ? service.uuid() : service.number(), "host",
                service.host(), "disabled_reason", null));
        if (call.atLeast(88)) {
            view.put("uptime", null);
            return view;
        }
        int vcpus = 0;
        int ram = 0;
        int disk = 0;
        int running = 0;
        for (Server server : cloud.servers(call.caller())) {
            if (service.host().equals(server.host())) {
                Flavor flavor = cloud.catalog().flavor(server.flavorId()).orElse(null);
                if (flavor != null) {
                    vcpus += flavor.vcpus();
                    ram += flavor.ramMb();
                    disk += flavor.diskGb();
                }
                running++;
            }
        }
        view.put("vcpus", ComputeHost.VCPUS);
        view.put("memory_mb", ComputeHost.MEMORY_MB);
        view.put("local_gb", ComputeHost.LOCAL_GB);
        view.put("vcpus_used", vcpus);
        view.put("memory_mb_used", ram);
        view.put("local_gb_used", disk);
        view.put("free_ram_mb", ComputeHost.MEMORY_MB - ram);
        view.put("free_disk_gb", ComputeHost.LOCAL_GB - disk);
        view.put("current_workload", 0);
        view.put("running_vms", running);
        view.put("disk_available_least", 0);
        view.put("cpu_info", call.atLeast(28) ? CPU_INFO : Json.write(CPU_INFO));
        return view;
    }

    /** The zones of the compute hosts; the detail (admins) adds zone internal and each zone's hosts and services. */
    private Reply zones(Call call, boolean detail) {
        if (detail) {
            AdminPolicy.AVAILABILITY_ZONE_DETAIL.enforce(call.caller().admin());
        }
        Set<String> down = simulation.cloud().hostsDown();
        Map<String, Map<String, Object>> hostsByZone = new LinkedHashMap<>();
        for (Service service : serviceList()) {
            if (!detail && service.zone().equals("internal")) {
                continue;
            }
            Map<String, Object> hosts = hostsByZone.computeIfAbsent(service.zone(), z -> new LinkedHashMap<>());
            boolean alive = !(down.contains(service.host()) && service.binary().equals("nova-compute"));
            @SuppressWarnings("unchecked")
            Map<String, Object> services = (Map<String, Object>) hosts.computeIfAbsent(service.host(),
                    h -> new LinkedHashMap<>());
            services.put(service.binary(), Json.object("available", alive, "active", true, "updated_at",
                    Json.micros(simulation.cloud().now())));
        }
        List<Object> zones = new ArrayList<>();
        hostsByZone.forEach((zone, hosts) -> {
            boolean available = zone.equals("internal") || hosts.keySet().stream().anyMatch(h -> !down.contains(h));
            zones.add(Json.object("zoneName", zone, "zoneState", Json.object("available", available), "hosts",
                    detail ? hosts : null));
        });
        return Reply.ok(Json.object("availabilityZoneInfo", zones));
    }
}
