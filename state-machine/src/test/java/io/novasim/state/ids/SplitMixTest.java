package io.novasim.state.ids;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** SplitMix draws what the JDK's SplittableRandom draws, call for call, so a seed keeps its ids; and it copies. */
class SplitMixTest {

    @Property(tries = 300)
    void drawsWhatSplittableRandomDraws(@ForAll long seed, @ForAll("calls") List<Integer> calls) {
        SplittableRandom jdk = new SplittableRandom(seed);
        SplitMix ours = new SplitMix(seed);
        for (int call : calls) {
            switch (call % 6) {
                case 0 -> assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
                case 1 -> assertThat(ours.nextDouble()).isEqualTo(jdk.nextDouble());
                case 2 -> assertThat(ours.nextInt(256)).isEqualTo(jdk.nextInt(256));
                case 3 -> {
                    int bound = 1 + (call >>> 3) % 2_000_000_000; // mostly not a power of two: the rejection path
                    assertThat(ours.nextInt(bound)).isEqualTo(jdk.nextInt(bound));
                }
                case 4 -> {
                    SplittableRandom jdkChild = jdk.split();
                    SplitMix ourChild = ours.split();
                    for (int i = 0; i < 5; i++) {
                        assertThat(ourChild.nextLong()).isEqualTo(jdkChild.nextLong());
                        assertThat(ourChild.nextInt(1 << 24)).isEqualTo(jdkChild.nextInt(1 << 24));
                    }
                }
                default -> assertThat(ours.nextInt(62)).isEqualTo(jdk.nextInt(62));
            }
        }
    }

    @Property(tries = 100)
    void aCopyDrawsWhatTheOriginalDrawsAndLeavesItWhereItWas(@ForAll long seed, @ForAll("calls") List<Integer> calls) {
        SplitMix original = new SplitMix(seed);
        calls.forEach(call -> original.nextInt(1 + Math.abs(call % 1000)));
        SplitMix copy = original.copy();
        long[] fromCopy = {copy.nextLong(), copy.nextLong()};
        assertThat(new long[]{original.nextLong(), original.nextLong()}).isEqualTo(fromCopy);
    }

    @Provide
    Arbitrary<List<Integer>> calls() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(60);
    }
}
