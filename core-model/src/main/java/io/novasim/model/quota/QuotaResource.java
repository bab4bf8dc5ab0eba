package io.novasim.model.quota;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The resources Nova's quota engine knows, in its order ({@code QUOTAS} in {@code nova/quota.py}), each with the
 * default limit of Nova's {@code [quota]} options. The last four are nova-network's, kept only so the API answers as
 * before: nothing counts them, and their default is unlimited.
 */
public enum QuotaResource {
    INSTANCES("instances", 10),
    CORES("cores", 20),
    RAM("ram", 50 * 1024),
    METADATA_ITEMS("metadata_items", 128),
    INJECTED_FILES("injected_files", 5),
    INJECTED_FILE_CONTENT_BYTES("injected_file_content_bytes", 10 * 1024),
    INJECTED_FILE_PATH_BYTES("injected_file_path_bytes", 255),
    KEY_PAIRS("key_pairs", 100),
    SERVER_GROUPS("server_groups", 10),
    SERVER_GROUP_MEMBERS("server_group_members", 10),
    FIXED_IPS("fixed_ips", QuotaResource.UNLIMITED),
    FLOATING_IPS("floating_ips", QuotaResource.UNLIMITED),
    SECURITY_GROUPS("security_groups", QuotaResource.UNLIMITED),
    SECURITY_GROUP_RULES("security_group_rules", QuotaResource.UNLIMITED);

    /** A limit of -1: no limit. */
    public static final int UNLIMITED = -1;

    private static final List<QuotaResource> ALL = List.of(values());

    private final String key;
    private final int novaDefault;

    QuotaResource(String key, int novaDefault) {
        this.key = key;
        this.novaDefault = novaDefault;
    }

    /** Nova's name of the resource, as the API writes it: {@code server_group_members}. */
    public String key() {
        return key;
    }

    /** The limit when neither the setup nor an admin set one. */
    public int novaDefault() {
        return novaDefault;
    }

    /** Whether Nova counts what is used of it (the others are checked against each request alone, or not at all). */
    public boolean counted() {
        return switch (this) {
            case INSTANCES, CORES, RAM, KEY_PAIRS, SERVER_GROUPS, SERVER_GROUP_MEMBERS -> true;
            default -> false;
        };
    }

    /** The resource Nova names so, if any. */
    public static Optional<QuotaResource> byKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }

    /** Every resource, in Nova's order. */
    public static List<QuotaResource> all() {
        return ALL;
    }
}
