package io.novasim.cli.setup;

import io.novasim.CloudSetup;
import io.novasim.cli.setup.SetupReader.Format;
import io.novasim.model.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@Timeout(30)
class SetupReaderTest {
    private static final String MINIMAL = """
            projects: [{name: demo}]
            users: [{name: demo, password: secret, roles: {demo: [member]}}]
            """;

    @Test
    void theExampleFileIsTheDemoWorld() throws Exception {
        CloudSetup example = SetupReader.parse(resource("/setup-example.yaml"), Format.YAML);
        CloudSetup demo = CloudSetup.demo();

        assertSameCatalog(example.catalog(), demo.catalog());
        assertThat(example.passwords()).isEqualTo(demo.passwords());
        assertThat(example.roles()).isEqualTo(demo.roles());
        assertThat(example.volumes()).isEqualTo(demo.volumes());
    }

    @Test
    void quotasChangeTheDefaultLimitsTheyName() throws Exception {
        CloudSetup setup = SetupReader.parse(MINIMAL + "quotas: {instances: 50, cores: -1}", Format.YAML);

        assertThat(setup.catalog().quotaDefaults().byKey()).containsEntry("instances", 50).containsEntry("cores", -1)
                .containsEntry("ram", 51200);
    }

    @Test
    void readsJsonToo() throws Exception {
        CloudSetup setup = SetupReader.parse("""
                {"projects": [{"name": "demo"}],
                 "users": [{"name": "demo", "password": "secret", "roles": {"demo": ["member"]}}],
                 "flavors": [{"id": "1", "name": "m1.tiny", "vcpus": 1, "ram_mb": 512}]}
                """, Format.JSON);

        assertThat(setup.catalog().flavor("1")).hasValueSatisfying(f -> assertThat(f.diskGb()).isZero());
    }

    @Test
    void derivesStableIdsAndDefaults() throws Exception {
        String text = MINIMAL + """
                networks:
                  - {name: private, project: demo, subnets: [{cidr: 10.0.0.0/24}]}
                volumes: [{project: demo, name: data, size_gb: 2}]
                """;
        CloudSetup first = SetupReader.parse(text, Format.YAML);
        CloudSetup second = SetupReader.parse(text, Format.YAML);

        assertSameCatalog(first.catalog(), second.catalog());
        assertThat(first.catalog().projects().get(0).id()).matches("[0-9a-f]{32}");
        assertThat(first.catalog().subnets().get(0)).satisfies(s -> {
            assertThat(s.name()).isEqualTo("private-subnet");
            assertThat(s.gatewayIp()).isEqualTo("10.0.0.1");
            assertThat(s.projectId()).isEqualTo(first.catalog().projects().get(0).id());
        });
        assertThat(first.catalog().networks().get(0).mtu()).isEqualTo(1500);
        assertThat(first.volumes().get(0).sizeGb()).isEqualTo(2);
    }

    @Test
    void namesTheFieldOfEachProblem() {
        assertProblem(MINIMAL + "flavors: [{name: m1, vcpus: 1, ram_mb: 1, dsik_gb: 1}]",
                "flavors[0].dsik_gb", "unknown field");
        assertProblem(MINIMAL + "flavors: [{name: m1, vcpus: 1.5, ram_mb: 1}]",
                "flavors[0].vcpus", "expected a whole number");
        assertProblem(MINIMAL + "flavors: [{name: m1, ram_mb: 1}]", "flavors[0].vcpus", "missing");
        assertProblem(MINIMAL + "flavors: [{name: m1, vcpus: 0, ram_mb: 1}]", "flavors[0].vcpus", "at least 1");
        assertProblem(MINIMAL + "volumes: [{project: nowhere, name: v, size_gb: 1}]",
                "volumes[0].project", "no project named (or with id) 'nowhere'");
        assertProblem("""
                projects: [{name: demo}]
                users: [{name: demo, password: secret, roles: {demo: [member], ops: [admin]}}]
                """, "users[0].roles.ops", "no project");
        assertProblem("projects: [{name: demo}]\nusers: [{name: demo}]", "users[0].password", "missing");
        assertProblem(MINIMAL + "networks: [{name: n, project: demo, subnets: [{cidr: 10.0.0/24}]}]",
                "networks[0].subnets[0].cidr", "10.0.0/24");
        assertProblem(MINIMAL + "networks: [{name: n, project: demo, subnets: [{cidr: 10.0.0.0/24, "
                + "gateway_ip: 10.9.0.1}]}]", "networks[0].subnets[0].gateway_ip", "not an address in");
        assertProblem("projects: [{id: p, name: a}, {id: p, name: b}]", "projects[1].id", "already used by projects[0]");
        assertProblem("projects: {name: demo, colour: blue}", "projects[0].colour", "unknown field");
        assertProblem("projects:\n  - name: a\n  -\n", "projects[1]", "empty entry");
        assertProblem("projets: []", "projets",
                "known fields: flavors, hosts, images, networks, projects, quotas, users, volumes");
        assertProblem(MINIMAL + "quotas: {instance: 5}", "quotas.instance",
                "no service has such a quota; Nova, Neutron and Cinder have instances, cores, ram");
        assertProblem(MINIMAL + "quotas: {cores: -2}", "quotas.cores", "-1 for unlimited");
    }

    @Test
    void reportsSyntaxAndEmptyFilesForTheWholeFile() {
        assertProblem("# nothing but a comment\n", "", "the file is empty");
        assertProblem("projects: [{name: demo}\n", "", "not valid YAML");
        assertProblem("projects: []\nprojects: []\n", "", "Duplicate field 'projects'");
        assertProblem("- just\n- a list\n", "", "expected a mapping with projects");
    }

    private static void assertProblem(String text, String path, String problem) {
        InvalidSetupException e = catchThrowableOfType(InvalidSetupException.class,
                () -> SetupReader.parse(text, Format.YAML));
        assertThat(e).as("problem in:\n" + text).isNotNull();
        assertThat(e.path()).as(e.getMessage()).isEqualTo(path);
        assertThat(e.problem()).contains(problem);
    }

    private static void assertSameCatalog(Catalog actual, Catalog expected) {
        assertThat(actual.projects()).isEqualTo(expected.projects());
        assertThat(actual.users()).isEqualTo(expected.users());
        assertThat(actual.flavors()).isEqualTo(expected.flavors());
        assertThat(actual.images()).isEqualTo(expected.images());
        assertThat(actual.networks()).isEqualTo(expected.networks());
        assertThat(actual.subnets()).isEqualTo(expected.subnets());
        assertThat(actual.hosts()).isEqualTo(expected.hosts());
        assertThat(actual.quotaDefaults()).isEqualTo(expected.quotaDefaults());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SetupReaderTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
