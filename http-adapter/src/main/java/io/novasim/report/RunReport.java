package io.novasim.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a scenario run did, in order: what the transcript prints, the {@code --json} report holds and the
 * {@code --html} timeline draws.
 *
 * @param scenario     the file's name
 * @param description  the scenario's description, or null
 * @param seed         the seed it ran with
 * @param dialect      the dialect its named operations spoke
 * @param start        virtual time when the first step ran
 * @param end          virtual time when the last step ended
 * @param entries      what happened, in order
 * @param expectations how many expectations were checked
 * @param failures     how many of them failed
 */
public record RunReport(String scenario, String description, long seed, String dialect, Instant start, Instant end,
                        List<Entry> entries, int expectations, int failures) {
    public RunReport {
        entries = List.copyOf(entries);
    }

    public boolean passed() {
        return failures == 0;
    }

    /** What an entry tells. */
    public enum Kind {
        /** The scenario's heading. */
        TITLE,
        /** The world was built before the first step. */
        WORLD,
        /** A request sent (the step's name first, when it has one). */
        REQUEST,
        /** The answer to it. */
        ANSWER,
        /** Why the simulator refused it: the rule that fired. */
        REFUSAL,
        /** The virtual clock moved. */
        ADVANCE,
        /** A fault rule was added or removed. */
        FAULT_RULE,
        /** A fault rule fired on a call. */
        FAULT_FIRED,
        /** A server's vm_state, task_state or power_state changed. */
        SERVER,
        /** A port, volume, attachment or medium changed. */
        RESOURCE,
        /** Asynchronous work failed. */
        WORK_FAILED,
        /** An expectation held. */
        PASS,
        /** An expectation did not hold. */
        FAIL,
        /** Anything else worth a line (how many requests a wait took). */
        NOTE
    }

    /**
     * One thing that happened.
     *
     * @param at      virtual time
     * @param kind    what it tells
     * @param text    the transcript's words for it
     * @param subject what it is about (a server's or a resource's name), or null
     * @param fields  details for the reports (for {@link Kind#SERVER}: {@code vm_state}, {@code task_state},
     *                {@code power_state}; for {@link Kind#RESOURCE}: {@code kind}, {@code state}); never null
     */
    public record Entry(Instant at, Kind kind, String text, String subject, Map<String, String> fields) {
        public Entry {
            fields = fields == null || fields.isEmpty() ? Map.of() : RunReport.fields(fields);
        }
    }

    /**
     * Fields for entries: in the order given, unmodifiable. An entry keeps these as they are, so entries that tell
     * the same (a long run has hundreds of thousands of server entries, with few distinct states) may share one
     * copy.
     *
     * @param fields names and values, in order
     * @return an unmodifiable copy (the same map when it is one already)
     */
    public static Map<String, String> fields(Map<String, String> fields) {
        return fields instanceof Fields frozen ? frozen : new Fields(fields);
    }

    /** An entry's fields: a copy, in order, that cannot change. */
    private static final class Fields extends java.util.AbstractMap<String, String> {
        private final Map<String, String> copy;

        Fields(Map<String, String> fields) {
            this.copy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        @Override
        public java.util.Set<Map.Entry<String, String>> entrySet() {
            return copy.entrySet();
        }

        @Override
        public String get(Object key) {
            return copy.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return copy.containsKey(key);
        }

        @Override
        public int size() {
            return copy.size();
        }
    }
}
