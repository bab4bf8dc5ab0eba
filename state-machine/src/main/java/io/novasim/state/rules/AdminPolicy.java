package io.novasim.state.rules;

import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;

/**
 * Nova's policy rules that only an admin passes ({@code check_str=base.ADMIN} in {@code nova/policies/}), by Nova's
 * names. Whoever else asks gets {@link Refusal#POLICY_NOT_AUTHORIZED}, which names the rule.
 */
public enum AdminPolicy {
    /** {@code GET /servers?all_tenants=1}: every project's servers ({@code nova/policies/servers.py}). */
    SERVERS_INDEX_ALL_TENANTS("os_compute_api:servers:index:get_all_tenants"),
    /** {@code GET /servers/detail?all_tenants=1}. */
    SERVERS_DETAIL_ALL_TENANTS("os_compute_api:servers:detail:get_all_tenants"),
    /** {@code GET /os-migrations} ({@code nova/policies/migrations.py}). */
    MIGRATIONS_INDEX("os_compute_api:os-migrations:index"),
    /** {@code GET /servers/{id}/migrations} ({@code nova/policies/servers_migrations.py}). */
    SERVER_MIGRATIONS_INDEX("os_compute_api:servers:migrations:index"),
    /** The {@code migrate} action ({@code nova/policies/migrate_server.py}). */
    MIGRATE("os_compute_api:os-migrate-server:migrate"),
    /** The {@code os-migrateLive} action. */
    MIGRATE_LIVE("os_compute_api:os-migrate-server:migrate_live"),
    /** The {@code evacuate} action ({@code nova/policies/evacuate.py}). */
    EVACUATE("os_compute_api:os-evacuate"),
    /** {@code GET /os-services} ({@code nova/policies/services.py}). */
    SERVICES_LIST("os_compute_api:os-services:list"),
    /** {@code PUT /os-services/{id}}. */
    SERVICES_UPDATE("os_compute_api:os-services:update"),
    /** {@code GET /os-hypervisors} and its detail ({@code nova/policies/hypervisors.py}). */
    HYPERVISORS_LIST("os_compute_api:os-hypervisors:list"),
    /** {@code GET /os-hypervisors/detail}. */
    HYPERVISORS_LIST_DETAIL("os_compute_api:os-hypervisors:list-detail"),
    /** {@code GET /os-hypervisors/{id}}. */
    HYPERVISORS_SHOW("os_compute_api:os-hypervisors:show"),
    /** {@code GET /os-availability-zone/detail} ({@code nova/policies/availability_zone.py}). */
    AVAILABILITY_ZONE_DETAIL("os_compute_api:os-availability-zone:detail"),
    /** {@code PUT /os-quota-sets/{project_id}} ({@code nova/policies/quota_sets.py}). */
    QUOTA_SETS_UPDATE("os_compute_api:os-quota-sets:update"),
    /** {@code DELETE /os-quota-sets/{project_id}}: the project's limits back to the defaults. */
    QUOTA_SETS_DELETE("os_compute_api:os-quota-sets:delete"),
    /** {@code GET /limits?tenant_id=}: another project's limits ({@code nova/policies/limits.py}). */
    LIMITS_OTHER_PROJECT("os_compute_api:limits:other_project"),
    /** {@code os-resetState} ({@code nova/policies/admin_actions.py}). */
    RESET_STATE("os_compute_api:os-admin-actions:reset_state"),
    /** A volume attachment's PUT that swaps the volume ({@code nova/policies/volumes_attachments.py}). */
    SWAP_VOLUME("os_compute_api:os-volumes-attachments:swap"),
    /**
     * An unlock of a lock not set from the server's own project (an admin's lock)
     * ({@code nova/api/openstack/compute/lock_server.py}).
     */
    UNLOCK_OVERRIDE("os_compute_api:os-lock-server:unlock:unlock_override");

    private final String rule;

    AdminPolicy(String rule) {
        this.rule = rule;
    }

    /** Nova's name of the rule, as its 403 prints it: {@code os_compute_api:os-admin-actions:reset_state}. */
    public String rule() {
        return rule;
    }

    /** The policy a server list asking for every project's servers needs: index's, or detail's. */
    public static AdminPolicy allTenants(boolean detail) {
        return detail ? SERVERS_DETAIL_ALL_TENANTS : SERVERS_INDEX_ALL_TENANTS;
    }

    /** Nova's 403 for a caller the rule does not allow, without an explanation. */
    public ComputeException refusal() {
        return Refusal.POLICY_NOT_AUTHORIZED.exception(rule);
    }

    /**
     * Refuses a caller who is not an admin, explained as this rule.
     *
     * @throws ComputeException Nova's 403, {@link Refusal#POLICY_NOT_AUTHORIZED}
     */
    public void enforce(boolean callerIsAdmin) {
        if (!callerIsAdmin) {
            throw refusal().explainedAs("the caller is not an admin (rule: " + onlyAdmins() + ")");
        }
    }

    /** The rule in words: {@code policy <name> allows only admins}. */
    public String onlyAdmins() {
        return "policy " + rule + " allows only admins";
    }
}
