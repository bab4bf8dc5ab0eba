package io.novasim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.novasim.ClockMode;
import io.novasim.CloudSetup;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What {@code serve} prints once it listens: where, who can log in, and ready-to-paste client settings. */
final class Banner {
    static final String CLOUD_NAME = "novasim";
    static final String REGION = "RegionOne";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private Banner() {
    }

    static String render(URI base, CloudSetup setup, long seed, double clockSpeed) {
        return render(base, setup, seed, clockSpeed == 0 ? ClockMode.manual() : ClockMode.wall(clockSpeed), Map.of());
    }

    /** @param dialects the base URL of each compute dialect served, by name */
    static String render(URI base, CloudSetup setup, long seed, ClockMode clock, Map<String, String> dialects) {
        StringBuilder out = new StringBuilder();
        out.append("novasim ").append(Version.current()).append(": listening on ").append(base).append('\n');
        out.append("seed ").append(seed).append(", ");
        if (clock instanceof ClockMode.Wall wall) {
            out.append("clock speed ").append(wall.speed()).append(" (").append(wall.speed() == 1
                    ? "virtual time follows the wall clock" : "virtual time runs " + wall.speed() + "x").append(')');
        } else if (clock instanceof ClockMode.Client client) {
            out.append("clock follows the client (each request moves virtual time ")
                    .append(client.step().toMillis() / 1000.0).append(" s on")
                    .append(client.settleReads() ? "; a read runs the work in flight on what it reads" : "")
                    .append(')');
        } else {
            out.append("clock speed 0.0 (virtual time stands still)");
        }
        out.append("\n\n");
        endpoints(out, base);
        if (!dialects.isEmpty()) {
            out.append("Compute dialects:\n");
            dialects.forEach((name, url) -> out.append("  ").append(String.format("%-14s", name)).append(url)
                    .append('\n'));
            out.append('\n');
        }
        users(out, setup);
        Login.pick(setup).ifPresentOrElse(login -> clientSettings(out, base, login),
                () -> out.append("No user has a password and a role in a project: nobody can log in.\n\n"));
        out.append("Press Ctrl-C to stop.\n");
        return out.toString();
    }

    private static void endpoints(StringBuilder out, URI base) {
        out.append("Endpoints:\n");
        out.append("  identity  ").append(base).append("/identity/v3\n");
        out.append("  compute   ").append(base).append("/v2.1\n");
        out.append("  network   ").append(base).append("/network\n");
        out.append("  volume    ").append(base).append("/volume/v3\n");
        out.append("  image     ").append(base).append("/image\n");
        out.append("  console   ").append(base).append("/__sim/console (in a browser, as an admin)\n\n");
    }

    private static void users(StringBuilder out, CloudSetup setup) {
        List<User> users = setup.catalog().users();
        int nameWidth = users.stream().mapToInt(u -> u.name().length()).max().orElse(0);
        int passwordWidth = users.stream().mapToInt(u -> password(setup, u).length()).max().orElse(0);
        out.append("Users (name / password / projects):\n");
        for (User user : users) {
            out.append("  ").append(pad(user.name(), nameWidth)).append(" / ")
                    .append(pad(password(setup, user), passwordWidth)).append(" / ")
                    .append(projects(setup, user)).append('\n');
        }
        out.append('\n');
    }

    private static String password(CloudSetup setup, User user) {
        return setup.passwords().getOrDefault(user.id(), "(none)");
    }

    private static String projects(CloudSetup setup, User user) {
        List<Project> projects = Login.projectsOf(setup, user);
        if (projects.isEmpty()) {
            return "(no project)";
        }
        return projects.stream()
                .map(p -> p.name() + (setup.rolesOf(user.id(), p.id()).contains("admin") ? " (admin)" : ""))
                .collect(Collectors.joining(", "));
    }

    private static void clientSettings(StringBuilder out, URI base, Login login) {
        String authUrl = base + "/identity/v3";
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("auth_url", authUrl);
        auth.put("username", login.username());
        auth.put("password", login.password());
        auth.put("project_name", login.projectName());
        auth.put("user_domain_name", login.userDomainName());
        auth.put("project_domain_name", login.projectDomainName());
        Map<String, Object> cloud = new LinkedHashMap<>();
        cloud.put("auth", auth);
        cloud.put("region_name", REGION);
        cloud.put("identity_api_version", 3);
        out.append("clouds.yaml (e.g. ~/.config/openstack/clouds.yaml, then: export OS_CLOUD=")
                .append(CLOUD_NAME).append("):\n");
        out.append(yaml(Map.of("clouds", Map.of(CLOUD_NAME, cloud)))).append('\n');

        out.append("Or the environment:\n");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OS_AUTH_URL", authUrl);
        env.put("OS_USERNAME", login.username());
        env.put("OS_PASSWORD", login.password());
        env.put("OS_PROJECT_NAME", login.projectName());
        env.put("OS_USER_DOMAIN_NAME", login.userDomainName());
        env.put("OS_PROJECT_DOMAIN_NAME", login.projectDomainName());
        env.put("OS_REGION_NAME", REGION);
        env.put("OS_IDENTITY_API_VERSION", "3");
        env.forEach((name, value) -> out.append("export ").append(name).append('=').append(shell(value))
                .append('\n'));
        out.append('\n');
    }

    private static String yaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Single-quotes a value only when the shell would otherwise split or expand it. */
    static String shell(String value) {
        return SHELL_SAFE.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
