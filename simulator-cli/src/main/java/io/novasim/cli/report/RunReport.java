package io.novasim.cli.report;

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
            fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(fields));
        }
    }
}
