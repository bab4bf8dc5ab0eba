package io.novasim.cli;

import io.novasim.CloudSetup;
import io.novasim.cli.setup.SetupReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class BannerTest {
    private static final URI BASE = URI.create("http://127.0.0.1:8774");

    @Test
    void describesTheClock() {
        assertThat(Banner.render(BASE, CloudSetup.demo(), 7, 1.0))
                .contains("listening on http://127.0.0.1:8774\n", "seed 7, clock speed 1.0 (virtual time follows");
        assertThat(Banner.render(BASE, CloudSetup.demo(), 1, 0)).contains("virtual time stands still");
        assertThat(Banner.render(BASE, CloudSetup.demo(), 1, 10)).contains("virtual time runs 10.0x");
    }

    @Test
    void listsEveryUserOfTheSetup() {
        assertThat(Banner.render(BASE, CloudSetup.demo(), 1, 1.0)).contains(
                "Users (name / password / projects):\n"
                        + "  demo  / secret / demo\n"
                        + "  alt   / secret / alt\n"
                        + "  admin / secret / demo (admin), admin (admin)\n");
    }

    @Test
    void logsInAsTheFirstUserWithAProjectWhenThereIsNoDemoUser() throws Exception {
        CloudSetup lab = SetupReader.parse("""
                projects: [{name: lab}]
                users:
                  - {name: nobody, password: x}
                  - {name: ops, password: "it's 1234", roles: {lab: [member]}}
                """, SetupReader.Format.YAML);

        assertThat(Banner.render(BASE, lab, 1, 1.0)).contains(
                "  nobody / x         / (no project)\n",
                "      username: ops\n      password: it's 1234\n      project_name: lab\n",
                "export OS_PASSWORD='it'\\''s 1234'\n");
    }

    @Test
    void quotesShellValuesOnlyWhenNeeded() {
        assertThat(Banner.shell("secret")).isEqualTo("secret");
        assertThat(Banner.shell("http://127.0.0.1:8774/identity/v3")).isEqualTo("http://127.0.0.1:8774/identity/v3");
        assertThat(Banner.shell("it's $HOME")).isEqualTo("'it'\\''s $HOME'");
    }

    @Test
    void listsTheDialectsServed() {
        assertThat(Banner.render(BASE, CloudSetup.demo(), 1, io.novasim.ClockMode.wall(1), java.util.Map.of("hostway",
                BASE + "/hostway"))).contains("Compute dialects:\n  hostway       " + BASE + "/hostway\n");
    }
}
