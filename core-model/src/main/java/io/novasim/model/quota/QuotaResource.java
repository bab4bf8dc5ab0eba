package io.novasim.model.quota;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The resources each service's quota engine knows, each service's in its API's order, with the default limit of its
 * configuration: Nova's ({@code QUOTAS} in {@code nova/quota.py}, {@code [quota]} options), Neutron's
 * ({@code quota_*} options of the default no-lock driver) and Cinder's ({@code cinder/quota.py}, with the default
 * volume type's own). Nova's last four are nova-network's, kept only so its API answers as before: nothing counts
 * them, and their default is unlimited.
 */
public enum QuotaResource {
    INSTANCES(Service.COMPUTE, "instances", 10),
    CORES(Service.COMPUTE, "cores", 20),
    RAM(Service.COMPUTE, "ram", 50 * 1024),
    METADATA_ITEMS(Service.COMPUTE, "metadata_items", 128),
    INJECTED_FILES(Service.COMPUTE, "injected_files", 5),
    INJECTED_FILE_CONTENT_BYTES(Service.COMPUTE, "injected_file_content_bytes", 10 * 1024),
    INJECTED_FILE_PATH_BYTES(Service.COMPUTE, "injected_file_path_bytes", 255),
    KEY_PAIRS(Service.COMPUTE, "key_pairs", 100),
    SERVER_GROUPS(Service.COMPUTE, "server_groups", 10),
    SERVER_GROUP_MEMBERS(Service.COMPUTE, "server_group_members", 10),
    FIXED_IPS(Service.COMPUTE, "fixed_ips", QuotaResource.UNLIMITED),
    FLOATING_IPS(Service.COMPUTE, "floating_ips", QuotaResource.UNLIMITED),
    SECURITY_GROUPS(Service.COMPUTE, "security_groups", QuotaResource.UNLIMITED),
    SECURITY_GROUP_RULES(Service.COMPUTE, "security_group_rules", QuotaResource.UNLIMITED),

    NETWORK(Service.NETWORK, "network", 100),
    SUBNET(Service.NETWORK, "subnet", 100),
    SUBNETPOOL(Service.NETWORK, "subnetpool", QuotaResource.UNLIMITED),
    PORT(Service.NETWORK, "port", 500),
    ROUTER(Service.NETWORK, "router", 10),
    FLOATINGIP(Service.NETWORK, "floatingip", 50),
    RBAC_POLICY(Service.NETWORK, "rbac_policy", 10),
    SECURITY_GROUP(Service.NETWORK, "security_group", 10),
    SECURITY_GROUP_RULE(Service.NETWORK, "security_group_rule", 100),

    VOLUMES(Service.VOLUME, "volumes", 10),
    PER_VOLUME_GIGABYTES(Service.VOLUME, "per_volume_gigabytes", QuotaResource.UNLIMITED),
    SNAPSHOTS(Service.VOLUME, "snapshots", 10),
    GIGABYTES(Service.VOLUME, "gigabytes", 1000),
    BACKUPS(Service.VOLUME, "backups", 10),
    BACKUP_GIGABYTES(Service.VOLUME, "backup_gigabytes", 1000),
    DEFAULT_TYPE_VOLUMES(Service.VOLUME, "volumes___DEFAULT__", QuotaResource.UNLIMITED),
    DEFAULT_TYPE_GIGABYTES(Service.VOLUME, "gigabytes___DEFAULT__", QuotaResource.UNLIMITED),
    DEFAULT_TYPE_SNAPSHOTS(Service.VOLUME, "snapshots___DEFAULT__", QuotaResource.UNLIMITED),
    GROUPS(Service.VOLUME, "groups", 10);

    /** A limit of -1: no limit. */
    public static final int UNLIMITED = -1;

    /** The service whose quota API shows a resource. */
    public enum Service {
        COMPUTE, NETWORK, VOLUME
    }

    private final Service service;
    private final String key;
    private final int configDefault;

    QuotaResource(Service service, String key, int configDefault) {
        this.service = service;
        this.key = key;
        this.configDefault = configDefault;
    }

    public Service service() {
        return service;
    }

    /** The service's name of the resource, as its API writes it: {@code server_group_members}, {@code port}. */
    public String key() {
        return key;
    }

    /** The limit when neither the setup nor an admin set one: the service's own default. */
    public int configDefault() {
        return configDefault;
    }

    /** The resource some service names so, if any (the names of the three services differ). */
    public static Optional<QuotaResource> byKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }

    /** The resource this service names so, if any. */
    public static Optional<QuotaResource> byKey(Service service, String key) {
        return byKey(key).filter(r -> r.service == service);
    }

    /** Every resource of every service, each service's in its order. */
    public static List<QuotaResource> all() {
        return List.of(values());
    }

    /** A service's resources, in the order its API shows them. */
    public static List<QuotaResource> of(Service service) {
        return Arrays.stream(values()).filter(r -> r.service == service).toList();
    }
}
