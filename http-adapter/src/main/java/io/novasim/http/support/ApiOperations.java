package io.novasim.http.support;

import io.novasim.state.faults.Service;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The operations of Keystone, Neutron, Cinder and Glance that fault rules match, by the names the services' own
 * policies give them ({@code get_port}, {@code get_volume}, {@code add_image}); Keystone's token calls are
 * {@code issue_token}, {@code validate_token} and {@code revoke_token}. Each route of those APIs carries one of them
 * (a route naming another fails at start), and a test holds every name here to a route.
 */
public final class ApiOperations {
    private static final Map<Service, SortedSet<String>> NAMES = Map.of(
            Service.IDENTITY, sorted("issue_token", "validate_token", "revoke_token", "get_projects", "get_project",
                    "get_user_projects"),
            Service.NETWORK, sorted("get_security_groups", "create_security_group", "get_security_group",
                    "delete_security_group", "get_security_group_rules", "create_security_group_rule",
                    "get_security_group_rule", "delete_security_group_rule", "get_networks", "get_network",
                    "get_subnets", "get_subnet", "create_network", "delete_network", "create_subnet",
                    "delete_subnet", "get_extensions", "get_extension", "get_ports", "create_port", "get_port",
                    "delete_port", "update_port", "get_quotas", "get_quota", "get_quota_default",
                    "get_quota_details", "update_quota", "delete_quota"),
            Service.VOLUME, sorted("create_volume", "get_volumes", "get_volumes_detail", "get_volume",
                    "delete_volume", "get_quota_set", "get_quota_set_defaults", "update_quota_set",
                    "delete_quota_set", "get_limits"),
            Service.IMAGE, sorted("get_images", "get_image", "delete_image", "add_image", "upload_image"));

    private ApiOperations() {
    }

    /** The operation names of a service other than Nova, in order. */
    public static SortedSet<String> of(Service service) {
        SortedSet<String> names = NAMES.get(service);
        if (names == null) {
            throw new IllegalArgumentException("Nova's operations are its Operation values, not names here");
        }
        return names;
    }

    private static SortedSet<String> sorted(String... names) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(List.of(names)));
    }
}
