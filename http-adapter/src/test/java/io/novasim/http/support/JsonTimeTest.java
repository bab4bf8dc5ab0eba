package io.novasim.http.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Timestamps are written by hand for speed: the same text as the formatters' patterns, whatever the instant. */
class JsonTimeTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    @Test
    void sameTextAsThePatterns() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("2026-01-01T00:00:05Z"),
                Instant.parse("2026-12-31T23:59:59.999999999Z"), Instant.parse("1999-02-28T09:08:07.000001Z"),
                Instant.EPOCH, Instant.ofEpochSecond(-1, 5), Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("0999-12-31T23:59:59.5Z"), Instant.parse("9999-12-31T23:59:59.123456789Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-15T12:00:00Z")));
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertThat(Json.time(instant)).as(instant.toString()).isEqualTo(TIME.format(instant));
            assertThat(Json.micros(instant)).as(instant.toString())
                    .isEqualTo(MICROS.format(instant.truncatedTo(ChronoUnit.MICROS)));
        }
        assertThat(Json.time(null)).isNull();
        assertThat(Json.micros(null)).isNull();
    }
}
