package io.novasim.http.schema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The microversion suffix of the community schemas' names: {@code ServerShowResponse_216} is for 2.16 and later,
 * {@code _20} for 2.0, {@code _2100} for 2.100. A request at 2.X uses the schema with the highest suffix at or below
 * 2.X.
 */
public final class Microversions {
    private static final Pattern SUFFIX = Pattern.compile("_(\\d)(\\d+)$");
    private static final Pattern REQUESTED = Pattern.compile("^(\\d+)\\.(\\d+)$");

    private Microversions() {
    }

    /** The version a name's suffix stands for, as {@code major * 1000 + minor}; -1 when the name has none. */
    static int suffixVersion(String name) {
        Matcher m = SUFFIX.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2)) : -1;
    }

    static int requested(String microversion) {
        Matcher m = REQUESTED.matcher(microversion);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a microversion: " + microversion);
        }
        return Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2));
    }

    /**
     * The schema for a request at {@code microversion} among the variants of one response: the one name when there is
     * only one, else the highest suffix at or below the request.
     */
    public static String pick(List<String> names, String microversion) {
        if (names.size() == 1) {
            return names.get(0);
        }
        int wanted = requested(microversion);
        String best = null;
        int bestVersion = -1;
        for (String name : names) {
            int version = suffixVersion(name);
            if (version < 0) {
                throw new IllegalArgumentException("a variant without a microversion suffix: " + name);
            }
            if (version <= wanted && version > bestVersion) {
                best = name;
                bestVersion = version;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no schema of " + names + " applies at " + microversion);
        }
        return best;
    }
}
