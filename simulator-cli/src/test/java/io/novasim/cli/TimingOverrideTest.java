package io.novasim.cli;

import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class TimingOverrideTest {
    @Test
    void readsShortAndIsoDurations() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationText.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(DurationText.parse("pt0.25s")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("0")).isZero();
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> DurationText.parse("2")).hasMessageContaining("not a duration: '2'");
        assertThatThrownBy(() -> DurationText.parse("-2s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationText.parse("PT-2S")).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> DurationText.parse("PTxS")).hasMessageContaining("not a duration");
    }

    @Test
    void operationNamesAreCaseInsensitiveAndTakeDashes() {
        assertThat(TimingOverride.parse("DETACH_INTERFACE=2s"))
                .isEqualTo(new TimingOverride(Operation.DETACH_INTERFACE, Duration.ofSeconds(2)));
        assertThat(TimingOverride.parse("detach-interface=2s").operation()).isEqualTo(Operation.DETACH_INTERFACE);
        assertThat(TimingOverride.parse("Create=500ms").operation()).isEqualTo(Operation.CREATE);
    }

    @Test
    void refusesAnEntryWithoutOperationOrEquals() {
        assertThatThrownBy(() -> TimingOverride.parse("2s")).hasMessageContaining("expected OPERATION=DURATION");
        assertThatThrownBy(() -> TimingOverride.parse("warp=2s"))
                .hasMessageContaining("unknown operation 'warp'").hasMessageContaining("MEDIA_DETACH");
    }

    @Test
    void overridesApplyInOrderOverTheDefaults() {
        Timings timings = TimingOverride.apply(Timings.defaults(), List.of(TimingOverride.parse("create=1s"),
                TimingOverride.parse("create=3s"), TimingOverride.parse("detach_volume=PT4S")));

        assertThat(timings.of(Operation.CREATE)).isEqualTo(Duration.ofSeconds(3));
        assertThat(timings.of(Operation.DETACH_VOLUME)).isEqualTo(Duration.ofSeconds(4));
        assertThat(timings.of(Operation.STOP)).isEqualTo(Timings.defaults().of(Operation.STOP));
    }
}
