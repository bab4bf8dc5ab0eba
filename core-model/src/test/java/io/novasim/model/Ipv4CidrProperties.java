package io.novasim.model;

import io.novasim.model.network.Ipv4Cidr;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Ipv4CidrProperties {
    @Test
    void blockArithmetic() {
        Ipv4Cidr cidr = Ipv4Cidr.parse("10.0.0.7/24");
        assertThat(cidr).hasToString("10.0.0.0/24");
        assertThat(cidr.size()).isEqualTo(256);
        assertThat(cidr.address(1)).isEqualTo("10.0.0.1");
        assertThat(cidr.offsetOf("10.0.0.255")).isEqualTo(255);
        assertThat(cidr.contains("10.0.0.9")).isTrue();
        assertThat(cidr.contains("10.0.1.9")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "1..2.3", "256.1.1.1", "1.2.3.a", "01234.1.1.1", "1.2.3.4."})
    void notAddresses(String text) {
        assertThat(Ipv4Cidr.isAddress(text)).isFalse();
        assertThat(Ipv4Cidr.parse("10.0.0.0/8").contains(text)).isFalse();
    }

    @Property
    void everyAddressPrintsAndParsesBack(@ForAll @IntRange(min = 0, max = 255) int a,
                                         @ForAll @IntRange(min = 0, max = 255) int b,
                                         @ForAll @IntRange(min = 0, max = 255) int c,
                                         @ForAll @IntRange(min = 0, max = 255) int d) {
        String address = a + "." + b + "." + c + "." + d;
        Ipv4Cidr block = Ipv4Cidr.parse(a + ".0.0.0/8");
        assertThat(block.contains(address)).isTrue();
        assertThat(block.address(block.offsetOf(address))).isEqualTo(address);
    }
}
