package io.novasim.http.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Json#writeBytes} writes what the mapper writes, byte for byte, for anything a view is made of. */
class JsonWriteTest {
    enum Colour { RED, GREEN }

    record Point(int x, String label) {
    }

    @Property(tries = 500)
    void writesWhatTheMapperWrites(@ForAll("values") Object value) throws JsonProcessingException {
        assertThat(new String(Json.writeBytes(value), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.MAPPER.writeValueAsBytes(value), StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Object> values() {
        return value(3);
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.strings().withChars('"', '\\', '\n', '\u0001', '\u00e9', '\u2028', '\ud83d')
                        .ofMaxLength(6).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.longs().between(0, 4_000_000_000L).map(s -> (Object) Instant.ofEpochSecond(s, 5000)),
                Arbitraries.of(Colour.class).map(c -> (Object) c),
                Arbitraries.integers().map(i -> (Object) new Point(i, "p" + i)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> inner = value(depth - 1);
        Arbitrary<Object> list = inner.list().ofMaxSize(4).map(items -> (Object) new ArrayList<>(items));
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().ofMaxLength(5), inner).ofMaxSize(4)
                .map(entries -> (Object) new LinkedHashMap<>(entries));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(1, map));
    }

    @Property(tries = 50)
    void writesAServerLikeBody(@ForAll("values") Object extra) throws JsonProcessingException {
        Map<String, Object> body = Json.object("server", Json.object("id", "x", "links",
                List.of(Json.object("rel", "self", "href", "http://h/v2.1/servers/x")), "extra", extra));
        assertThat(Json.writeBytes(body)).isEqualTo(Json.MAPPER.writeValueAsBytes(body));
    }
}
