package io.novasim.model.network;

/** An IPv4 block such as {@code 10.0.0.0/24}, with the arithmetic fixed-IP allocation needs. */
public record Ipv4Cidr(int network, int prefix) {
    public Ipv4Cidr {
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("prefix must be between /8 and /30: " + prefix);
        }
        network = network & mask(prefix);
    }

    public static Ipv4Cidr parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR: " + cidr);
        }
        return new Ipv4Cidr(toInt(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** The address at {@code offset} from the network address ({@code .1} is offset 1). */
    public String address(int offset) {
        return toString(network + offset);
    }

    /** The number of addresses in the block, network and broadcast included. */
    public int size() {
        return 1 << (32 - prefix);
    }

    public boolean contains(String address) {
        try {
            return (toInt(address) & mask(prefix)) == network;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    /** The offset of an address inside this block. */
    public int offsetOf(String address) {
        return toInt(address) - network;
    }

    public static boolean isAddress(String text) {
        try {
            toInt(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static int toInt(String address) {
        int value = 0;
        int octets = 0;
        int octet = -1;
        for (int i = 0; i <= address.length(); i++) {
            char c = i < address.length() ? address.charAt(i) : '.';
            if (c == '.') {
                if (octet < 0 || ++octets > 4) {
                    throw new IllegalArgumentException("not an IPv4 address: " + address);
                }
                value = (value << 8) | octet;
                octet = -1;
            } else if (c >= '0' && c <= '9' && octet < 100) {
                octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
                if (octet > 255) {
                    throw new IllegalArgumentException("not an IPv4 address: " + address);
                }
            } else {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
        }
        if (octets != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        return value;
    }

    static String toString(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    @Override
    public String toString() {
        return toString(network) + "/" + prefix;
    }
}
