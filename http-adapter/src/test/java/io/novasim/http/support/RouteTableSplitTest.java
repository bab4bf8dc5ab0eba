package io.novasim.http.support;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A path is split by hand: the same segments as {@code split("/", -1)} after the leading slash. */
class RouteTableSplitTest {
    private static String[] byString(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    @Test
    void sameAsStringSplit() {
        String alphabet = "//ab-9.";
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = path.toString();
            assertThat(RouteTable.split(text)).as(text).containsExactly(byString(text));
        }
        assertThat(RouteTable.split("/v2.1/servers/abc/action")).containsExactly("v2.1", "servers", "abc", "action");
        assertThat(RouteTable.split("/")).isEmpty();
        assertThat(RouteTable.split("")).isEmpty();
    }
}
