package io.novasim.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Expectations print values as JSON text, plain strings without Jackson's writer: the same text as it writes. */
class JsonTextTest {
    @Test
    void sameAsJackson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String alphabet = "aZ09 -_/\\\"'<>&\u00e9\u2028\t\n\u007f\u0001{}";
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            JsonNode node = nodes.textNode(text.toString());
            assertThat(AnswerExpectations.json(node)).isEqualTo(node.toString());
        }
        for (JsonNode node : List.of(nodes.numberNode(202), nodes.nullNode(), nodes.booleanNode(true),
                nodes.objectNode().put("a", 1), nodes.textNode("ACTIVE"))) {
            assertThat(AnswerExpectations.json(node)).isEqualTo(node.toString());
        }
    }
}
