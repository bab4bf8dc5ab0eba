package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.quota.QuotaResource;
import io.novasim.model.server.Server;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateKeypair;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateServerGroup;
import io.novasim.state.command.DeleteQuotas;
import io.novasim.state.command.Perform;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.ResizeServer;
import io.novasim.state.command.UpdateQuotas;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nova's quotas: limits an admin sets per project, counted from the project's servers, with Nova's texts. */
class QuotasTest {
    private final Cloud cloud = cloud(7);

    private void setQuotas(Map<String, Integer> limits) {
        cloud.execute(ADMIN, UpdateQuotas.compute(DEMO, limits, false));
    }

    private Server boot(String name) {
        return cloud.execute(ALICE, new CreateServer(name, FLAVOR, IMAGE)).server();
    }

    private void refused(Caller caller, io.novasim.state.command.Command command, int code, String message) {
        CloudState before = cloud.state();
        assertThatThrownBy(() -> cloud.execute(caller, command)).isInstanceOf(ComputeException.class)
                .hasMessage(message).satisfies(e -> assertThat(((ComputeException) e).code()).isEqualTo(code));
        assertThat(cloud.state()).as("a refusal changes nothing").isEqualTo(before);
    }

    @Test
    void theEleventhServerOfAProjectIsRefusedByNovasDefaultInstancesQuota() {
        for (int i = 0; i < 10; i++) {
            boot("web-" + i);
        }
        refused(ALICE, new CreateServer("one-too-many", FLAVOR, IMAGE), 403,
                "Quota exceeded for instances: Requested 1, but already used 10 of 10 instances");
        assertThat(cloud.execute(MALLORY, new CreateServer("elsewhere", FLAVOR, IMAGE)).server())
                .as("another project has its own quota").isNotNull();
    }

    @Test
    void coresAndRamAreCountedFromTheFlavorsAndEveryResourceOverIsNamed() {
        setQuotas(Map.of("cores", 2));
        boot("a");
        boot("b");
        refused(ALICE, new CreateServer("c", FLAVOR, IMAGE), 403,
                "Quota exceeded for cores: Requested 1, but already used 2 of 2 cores");

        setQuotas(Map.of("cores", -1, "instances", 2, "ram", 1100));
        refused(ALICE, new CreateServer("c", FLAVOR, IMAGE), 403,
                "Quota exceeded for instances, ram: Requested 1, 512, but already used 2, 1024 of 2, 1100 instances, "
                        + "ram");
    }

    @Test
    void aMultiCreateMakesAsManyAsTheQuotaHoldsFromMinCountOn() {
        setQuotas(Map.of("instances", 3));
        Receipt made = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE).between(1, 5));
        assertThat(made.servers()).extracting(Server::name).containsExactly("web-1", "web-2", "web-3");

        setQuotas(Map.of("instances", 4));
        assertThat(cloud.execute(ALICE, new CreateServer("db", FLAVOR, IMAGE).between(1, 5)).servers())
                .as("one server made is named without a suffix, as Nova names it")
                .extracting(Server::name).containsExactly("db");
        refused(ALICE, new CreateServer("web", FLAVOR, IMAGE).between(2, 5), 403,
                "Quota exceeded for instances: Requested 2-5, but already used 4 of 4 instances");
    }

    @Test
    void aLimitBelowWhatIsUsedNeedsForceAndOnlyAdminsSetLimits() {
        boot("a");
        boot("b");
        refused(ADMIN, UpdateQuotas.compute(DEMO, Map.of("instances", 1), false), 400,
                "Quota limit 1 for instances must be greater than or equal to already used and reserved 2.");
        Map<String, Integer> inOrder = new LinkedHashMap<>();
        inOrder.put("key_pairs", 5);
        inOrder.put("cores", 1);
        refused(ADMIN, UpdateQuotas.compute(DEMO, inOrder, false), 400,
                "Quota limit 1 for cores must be greater than or equal to already used and reserved 2.");
        refused(ADMIN, UpdateQuotas.compute(DEMO, Map.of("networks", 1), false), 400,
                "The networks quota has been removed");
        refused(ALICE, UpdateQuotas.compute(DEMO, Map.of("instances", 20), false), 403,
                "Policy doesn't allow os_compute_api:os-quota-sets:update to be performed.");
        refused(ADMIN, UpdateQuotas.compute("no-such-project", Map.of("instances", 20), false), 400,
                "Project ID no-such-project is not a valid project.");

        Receipt forced = cloud.execute(ADMIN, UpdateQuotas.compute(DEMO, Map.of("instances", 1), true));
        assertThat(forced.quotaSet().limit(QuotaResource.INSTANCES)).isEqualTo(1);
        assertThat(cloud.quotaDetail(ALICE, DEMO).inUse().get(QuotaResource.INSTANCES)).isEqualTo(2);
        refused(ALICE, new CreateServer("c", FLAVOR, IMAGE), 403,
                "Quota exceeded for instances: Requested 1, but already used 2 of 1 instances");

        cloud.execute(ADMIN, new DeleteQuotas(DEMO, io.novasim.model.quota.QuotaResource.Service.COMPUTE));
        assertThat(cloud.quotaLimits(ALICE, DEMO).limit(QuotaResource.INSTANCES)).isEqualTo(10);
        assertThat(cloud.state().quotaOverrides()).isEmpty();
    }

    @Test
    void aProjectsLimitsAreReadByItsOwnUsersAndAdmins() {
        assertThat(cloud.quotaLimits(MALLORY, OTHER).limit(QuotaResource.CORES)).isEqualTo(20);
        assertThatThrownBy(() -> cloud.quotaLimits(MALLORY, DEMO)).isInstanceOf(ComputeException.class)
                .hasMessage("Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
        assertThatThrownBy(() -> cloud.quotaDetail(MALLORY, DEMO)).isInstanceOf(ComputeException.class)
                .hasMessage("Policy doesn't allow os_compute_api:os-quota-sets:detail to be performed.");
        assertThatThrownBy(() -> cloud.limits(ALICE, DEMO)).as("a tenant_id needs an admin, even one's own")
                .isInstanceOf(ComputeException.class)
                .hasMessage("Policy doesn't allow os_compute_api:limits:other_project to be performed.");
        boot("a");
        assertThat(cloud.limits(ADMIN, DEMO).inUse()).containsEntry(QuotaResource.INSTANCES, 1L)
                .containsEntry(QuotaResource.CORES, 1L).containsEntry(QuotaResource.RAM, 512L);
        assertThat(cloud.limits(MALLORY, null).inUse()).containsEntry(QuotaResource.INSTANCES, 0L);
    }

    @Test
    void aSoftDeletedServerCountsForNothingUntilItIsRestored() {
        Cloud reclaiming = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(7),
                Timings.defaults().withReclaimInstanceInterval(Optional.of(Duration.ofHours(1))), EventListener.NONE);
        reclaiming.execute(ADMIN, UpdateQuotas.compute(DEMO, Map.of("instances", 1), false));
        Server first = reclaiming.execute(ALICE, new CreateServer("first", FLAVOR, IMAGE)).server();
        reclaiming.advance(Duration.ofMinutes(1));
        reclaiming.execute(ALICE, new Perform(first.id(), Operation.DELETE));
        reclaiming.advance(Duration.ofMinutes(1));
        assertThat(reclaiming.quotaDetail(ALICE, DEMO).inUse()).containsEntry(QuotaResource.INSTANCES, 0L);
        reclaiming.execute(ALICE, new CreateServer("second", FLAVOR, IMAGE));

        assertThatThrownBy(() -> reclaiming.execute(ALICE, new Perform(first.id(), Operation.RESTORE)))
                .isInstanceOf(ComputeException.class)
                .hasMessage("Quota exceeded for instances: Requested 1, but already used 1 of 1 instances");
    }

    @Test
    void aResizeUpCountsOnlyItsGrowthAndARevertOfAResizeDownToo() {
        setQuotas(Map.of("ram", 600));
        Server server = boot("web");
        cloud.advance(Duration.ofMinutes(1));
        refused(ALICE, new ResizeServer(server.id(), BIGGER_FLAVOR), 403,
                "Quota exceeded for ram: Requested 1536, but already used 512 of 600 ram");
        setQuotas(Map.of("ram", 2048));
        cloud.execute(ALICE, new ResizeServer(server.id(), BIGGER_FLAVOR));
        cloud.advance(Duration.ofMinutes(1));
        assertThat(cloud.quotaDetail(ALICE, DEMO).inUse()).containsEntry(QuotaResource.RAM, 2048L);
    }

    @Test
    void keyPairsServerGroupsAndTheirMembersHaveTheirOwnQuotasAndTexts() {
        setQuotas(Map.of("key_pairs", 1, "server_groups", 1, "server_group_members", 1, "metadata_items", 1));
        cloud.execute(ALICE, new CreateKeypair("a", null, null));
        refused(ALICE, new CreateKeypair("a", null, null), 403, "Quota exceeded, too many key pairs.");

        String group = cloud.execute(ALICE, new CreateServerGroup("g", "anti-affinity", null)).serverGroup().id();
        refused(BOB, new CreateServerGroup("h", "affinity", null), 403, "Quota exceeded, too many server groups.");

        cloud.execute(ALICE, new CreateServer("a", FLAVOR, IMAGE).inGroup(group));
        refused(ALICE, new CreateServer("b", FLAVOR, IMAGE).inGroup(group), 403,
                "Quota exceeded, too many servers in group");
        assertThat(cloud.execute(BOB, new CreateServer("b", FLAVOR, IMAGE).inGroup(group)).server())
                .as("members are counted per user").isNotNull();

        refused(ALICE, new CreateServer("c", FLAVOR, IMAGE, null, "nova", Map.of("a", "1", "b", "2"),
                io.novasim.state.command.Networks.AUTO), 403, "Maximum number of metadata items exceeds 1");
        assertThat(cloud.quotaDetail(ALICE, DEMO).inUse()).containsEntry(QuotaResource.SERVER_GROUPS, 1L)
                .as("key pairs and members are per user: the project view shows 0, as Nova's")
                .containsEntry(QuotaResource.KEY_PAIRS, 0L).containsEntry(QuotaResource.SERVER_GROUP_MEMBERS, 0L);
        assertThat(List.copyOf(cloud.state().quotaOverrides().keySet())).containsExactly(DEMO);
    }

    private void setIn(QuotaResource.Service service, Map<String, Integer> limits) {
        cloud.execute(ADMIN, new UpdateQuotas(DEMO, service, limits, false));
    }

    @Test
    void neutronRefusesACreateOverItsQuotaWithItsOwnBodyAndNovaBootsNoMoreThanThePortsHold() {
        setIn(QuotaResource.Service.NETWORK, Map.of("port", 2, "network", 1));
        cloud.execute(ALICE, new io.novasim.state.command.CreatePort(NET, "p1", null));
        cloud.execute(ALICE, new io.novasim.state.command.CreatePort(NET, "p2", null));
        refused(ALICE, new io.novasim.state.command.CreatePort(NET, "p3", null), 409,
                "Quota exceeded for resources: ['port'].");
        refused(ALICE, new CreateServer("web", FLAVOR, IMAGE), 403, "Maximum number of ports exceeded");
        assertThat(cloud.execute(ALICE, new CreateServer("portless", FLAVOR, IMAGE)
                .withNetworks(io.novasim.state.command.Networks.NONE)).server()).as("needs no port").isNotNull();
        refused(ALICE, new io.novasim.state.command.CreateNetwork("second", null, false, false, 1450), 409,
                "Quota exceeded for resources: ['network'].");

        setIn(QuotaResource.Service.NETWORK, Map.of("port", 4));
        Receipt some = cloud.execute(ALICE, new CreateServer("web", FLAVOR, IMAGE).between(1, 5));
        assertThat(some.servers()).as("as many as the free ports hold").hasSize(2);
        assertThat(cloud.serviceQuota(ALICE, DEMO, QuotaResource.Service.NETWORK, true).inUse())
                .containsEntry(QuotaResource.PORT, 4L).containsEntry(QuotaResource.NETWORK, 1L)
                .containsEntry(QuotaResource.SECURITY_GROUP, 1L).containsEntry(QuotaResource.SECURITY_GROUP_RULE, 4L);

        setIn(QuotaResource.Service.NETWORK, Map.of("security_group_rule", 5));
        refused(ALICE, new io.novasim.state.command.CreateSecurityGroup("web", ""), 409,
                "Quota exceeded for resources: ['security_group_rule'].");
        assertThatThrownBy(() -> cloud.serviceQuota(MALLORY, DEMO, QuotaResource.Service.NETWORK, false))
                .hasMessage("rule:get_quota is disallowed by policy");
        assertThatThrownBy(() -> cloud.serviceQuota(MALLORY, DEMO, QuotaResource.Service.NETWORK, true))
                .hasMessage("User does not have admin privileges: Only admin is authorized to access quotas for "
                        + "another project.");
    }

    @Test
    void neutronChecksTheUsageOnlyWhenAskedAndComparesEvenMinusOne() {
        cloud.execute(ALICE, new io.novasim.state.command.CreatePort(NET, "p1", null));
        refused(ADMIN, new UpdateQuotas(DEMO, QuotaResource.Service.NETWORK, Map.of("port", 0), true), 400,
                "Quota limit 0 for port must be greater than or equal to already used 1");
        refused(ADMIN, new UpdateQuotas(DEMO, QuotaResource.Service.NETWORK, Map.of("port", -1), true), 400,
                "Quota limit -1 for port must be greater than or equal to already used 1");
        setIn(QuotaResource.Service.NETWORK, Map.of("port", 0));
        refused(ALICE, new UpdateQuotas(DEMO, QuotaResource.Service.NETWORK, Map.of("port", 9), false), 403,
                "rule:update_quota is disallowed by policy");
        cloud.execute(ADMIN, new DeleteQuotas(DEMO, QuotaResource.Service.NETWORK));
        refused(ADMIN, new DeleteQuotas(DEMO, QuotaResource.Service.NETWORK), 404,
                "Quota for tenant " + DEMO + " could not be found.");
    }

    @Test
    void cinderRefusesAVolumeOverItsQuotasInItsOrderAndWords() {
        setIn(QuotaResource.Service.VOLUME, Map.of("volumes", 2, "gigabytes", 5, "per_volume_gigabytes", 3));
        refused(ALICE, new io.novasim.state.command.CreateVolume("big", 4, false, false), 413,
                "VolumeSizeExceedsLimit: Requested volume size 4G is larger than maximum allowed limit 3G.");
        cloud.execute(ALICE, new io.novasim.state.command.CreateVolume("a", 3, false, false));
        refused(ALICE, new io.novasim.state.command.CreateVolume("b", 3, false, false), 413,
                "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. "
                        + "Requested 3G, quota is 5G and 3G has been consumed.");
        cloud.execute(ALICE, new io.novasim.state.command.CreateVolume("b", 1, false, false));
        refused(ALICE, new io.novasim.state.command.CreateVolume("c", 1, false, false), 413,
                "VolumeLimitExceeded: Maximum number of volumes allowed (2) exceeded for quota 'volumes'.");
        assertThat(cloud.serviceQuota(ALICE, DEMO, QuotaResource.Service.VOLUME, true).inUse())
                .containsEntry(QuotaResource.VOLUMES, 2L).containsEntry(QuotaResource.GIGABYTES, 4L)
                .containsEntry(QuotaResource.DEFAULT_TYPE_VOLUMES, 2L);
        refused(ADMIN, new UpdateQuotas(DEMO, QuotaResource.Service.VOLUME, Map.of("volumes", 1), true), 400,
                "Quota volumes limit must be equal or greater than existing resources. Current usage is 2 and the "
                        + "requested limit is 1.");
        cloud.execute(ADMIN, new UpdateQuotas(DEMO, QuotaResource.Service.VOLUME, Map.of("snapshots", 0), true));
        assertThatThrownBy(() -> cloud.serviceQuota(MALLORY, DEMO, QuotaResource.Service.VOLUME, false))
                .hasMessage("Policy doesn't allow volume_extension:quotas:show to be performed.");
    }
}
