package io.novasim.http.schema;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of the community schemas that contradict what Nova really sends (nova-semantics.md, Nova's api-ref samples).
 * The simulator follows Nova; each erratum skips exactly one kind of check and says why. Everything else in the same
 * body is still checked. They are applied inside the validation (the dialect of {@link OpenApiSchemas}), not by
 * dropping messages afterwards, because from 2.69 the server schemas nest a {@code oneOf} whose verdict must not be
 * spoiled by a skipped check.
 */
public enum SchemaErrata {
    /**
     * Nova writes some timestamps as naive UTC with microseconds and no offset: {@code OS-SRV-USG:launched_at}
     * ({@code 2013-09-23T13:53:12.774549} in the api-ref's server samples), instance actions' {@code start_time}
     * and {@code updated_at}, their events' {@code start_time} and {@code finish_time} (nova-semantics.md §5, §10),
     * and a key pair's {@code created_at}. The schemas (e.g. {@code ServerShowResponse_*},
     * {@code ServersOs_Instance_ActionShowResponse_*}, {@code Os_KeypairShowResponse_*}) declare
     * {@code format: date-time}, which (RFC 3339) needs an offset. Only a zone-less timestamp of one of
     * {@link #NAIVE_TIMESTAMP_FIELDS} is accepted (see {@link NovaDateTimeFormat}); a server's {@code created} and
     * {@code updated} must still be RFC 3339.
     */
    NAIVE_UTC_TIMESTAMPS;

    /** The fields where Nova writes naive UTC timestamps. */
    static final Set<String> NAIVE_TIMESTAMP_FIELDS = Set.of("OS-SRV-USG:launched_at", "OS-SRV-USG:terminated_at",
            "start_time", "finish_time", "updated_at", "created_at");
    private static final Pattern NAIVE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?$");

    /** Whether {@code value} at {@code field} is one of Nova's naive UTC timestamps ({@link #NAIVE_UTC_TIMESTAMPS}). */
    static boolean naiveTimestamp(String field, String value) {
        return NAIVE_TIMESTAMP_FIELDS.contains(field) && NAIVE.matcher(value).matches();
    }
}
