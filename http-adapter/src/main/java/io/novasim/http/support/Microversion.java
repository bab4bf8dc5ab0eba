package io.novasim.http.support;

import io.novasim.model.error.BadRequest;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compute microversion 2.X (nova-semantics.md §1.3): read from {@code OpenStack-API-Version: compute 2.X}, or the
 * legacy {@code X-OpenStack-Nova-API-Version: 2.X} (the new header wins), 2.1 when absent, {@code latest} for the
 * maximum.
 */
public record Microversion(int minor) {
    /** Runs of whitespace, between a service and its version: compiled once, not at every request. */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    public static final int MIN = 1;
    public static final int MAX = 93;
    public static final Microversion DEFAULT = new Microversion(MIN);

    private static final Pattern FORMAT = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");

    public boolean atLeast(int other) {
        return minor >= other;
    }

    @Override
    public String toString() {
        return "2." + minor;
    }

    /**
     * @param openstackHeader the value of {@code OpenStack-API-Version}, or null
     * @param legacyHeader    the value of {@code X-OpenStack-Nova-API-Version}, or null
     * @throws BadRequest        for a malformed version (Nova answers without version headers then)
     * @throws UnsupportedVersion for a version outside 2.1 to 2.93 (406, which echoes the requested version)
     */
    public static Microversion negotiate(String openstackHeader, String legacyHeader) {
        String requested = requested(openstackHeader, legacyHeader);
        if (requested == null) {
            return DEFAULT;
        }
        if (requested.equalsIgnoreCase("latest")) {
            return new Microversion(MAX);
        }
        Matcher m = FORMAT.matcher(requested);
        if (!m.matches()) {
            throw Refusal.VERSION_MALFORMED.exception(requested);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major != 2 || minor < MIN || minor > MAX) {
            throw new UnsupportedVersion(requested);
        }
        return new Microversion(minor);
    }

    /**
     * The compute version a client asked for, as it spelled it: the compute entry of {@code OpenStack-API-Version},
     * else {@code X-OpenStack-Nova-API-Version}; null when it asked for none.
     *
     * @param openstackHeader the value of {@code OpenStack-API-Version}, or null
     * @param legacyHeader    the value of {@code X-OpenStack-Nova-API-Version}, or null
     * @return e.g. {@code 2.79} or {@code latest}, or null
     */
    public static String requested(String openstackHeader, String legacyHeader) {
        String requested = computeVersionIn(openstackHeader);
        if (requested == null) {
            requested = legacyHeader == null ? null : legacyHeader.trim();
        }
        return requested == null || requested.isEmpty() ? null : requested;
    }

    /** The compute entry of {@code OpenStack-API-Version} (which may list several services), or null. */
    private static String computeVersionIn(String header) {
        if (header == null) {
            return null;
        }
        for (String entry : header.split(",")) {
            String[] parts = WHITESPACE.split(entry.trim());
            if (parts.length == 2 && parts[0].equalsIgnoreCase("compute")) {
                return parts[1];
            }
        }
        return null;
    }

    /**
     * Nova's 406 ({@link Refusal#VERSION_NOT_SUPPORTED}), apart from other refusals because its answer echoes the
     * version asked for.
     */
    public static final class UnsupportedVersion extends RuntimeException {
        private final String requested;
        private final ComputeException fault;

        UnsupportedVersion(String requested) {
            this(requested, Refusal.VERSION_NOT_SUPPORTED.exception(requested, "2." + MIN, "2." + MAX));
        }

        private UnsupportedVersion(String requested, ComputeException fault) {
            super(fault.getMessage(), null, false, false);
            this.requested = requested;
            this.fault = fault;
        }

        /** The version asked for, as the client spelled it. */
        public String requested() {
            return requested;
        }

        /** The 406 to answer. */
        public ComputeException toFault() {
            return fault;
        }
    }
}
