package io.novasim.cli.scenario;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ${name}} is replaced by a scan: the same text as the regular expression it stands for gives. */
class VariablesTest {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private static String byPattern(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<" + m.group(1) + "$\\>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void sameAsThePattern() throws InvalidScenarioException {
        String alphabet = "${}$${}}a.-_Z9 /\\\"é";
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String scanned = ScenarioRunner.replaceVariables(text.toString(), name -> "<" + name + "$\\>");
            assertThat(scanned).as(text.toString()).isEqualTo(byPattern(text.toString()));
        }
        assertThat(ScenarioRunner.replaceVariables("/v2.1/servers/${server.node-1}/action",
                name -> "id")).isEqualTo("/v2.1/servers/id/action");
        assertThat(ScenarioRunner.replaceVariables("no variables", name -> "x")).isEqualTo("no variables");
    }
}
