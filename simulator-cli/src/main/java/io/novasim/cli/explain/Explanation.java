package io.novasim.cli.explain;

import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.state.rules.Operation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one operation does, in words a reader can hold against the simulator: the request, the conditions it is
 * accepted under (in the order the engine checks them), what has changed when the answer arrives and what changes
 * later, every failure with its refusal id, status, fault name and message, and how each dialect differs.
 * {@link Explainer} builds it from the transition rules, the timings and the {@link Refusal} catalog, so its texts are
 * the engine's texts.
 *
 * @param operation     the operation explained
 * @param name          its command-line name, e.g. {@code detach-interface}
 * @param aliases       other names that mean it (a scenario's {@code reboot} is {@code reboot-soft})
 * @param title         one line saying what it does
 * @param call          the request a Nova v2.1 client sends, and what a success answers
 * @param checks        the conditions it is accepted under, in the order they are checked, each with its refusals
 * @param notes         what the checks do not look at, and other facts a caller may not expect
 * @param atOnce        what has changed when the answer arrives
 * @param later         what happens afterwards, or {@code null} when the answer is the end of it
 * @param laterFailures the ways an accepted call can still fail, seen only afterwards
 * @param microversions behaviour that depends on the microversion of the request
 * @param dialects      per dialect other than Nova v2.1, what differs for this operation
 */
public record Explanation(Operation operation, String name, List<String> aliases, String title, Call call,
                          List<Check> checks, List<String> notes, List<String> atOnce, Later later,
                          List<LaterFailure> laterFailures, List<Microversion> microversions,
                          List<DialectNote> dialects) {

    /** Copies the lists. */
    public Explanation {
        Objects.requireNonNull(operation, "operation");
        aliases = List.copyOf(aliases);
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
        atOnce = List.copyOf(atOnce);
        laterFailures = List.copyOf(laterFailures);
        microversions = List.copyOf(microversions);
        dialects = List.copyOf(dialects);
    }

    /** Every refusal of every check, in the order the checks are made. */
    public List<Refused> refusals() {
        return checks.stream().flatMap(check -> check.refusals().stream()).toList();
    }

    /** The same explanation with these dialect notes. */
    Explanation withDialects(List<DialectNote> notesPerDialect) {
        return new Explanation(operation, name, aliases, title, call, checks, notes, atOnce, later, laterFailures,
                microversions, notesPerDialect);
    }

    /**
     * An HTTP request.
     *
     * @param method the HTTP method
     * @param path   the path, with placeholders such as {@code <server>} for ids
     * @param body   the JSON body, or {@code null} for none
     */
    public record Request(String method, String path, String body) {
    }

    /**
     * The request and its successful answer.
     *
     * @param request the request a Nova v2.1 client sends
     * @param status  the status of a successful answer
     * @param answer  what the successful answer carries ({@code no body} when nothing)
     * @param hasBody whether the successful answer has a body
     * @param origin  where the operation comes from when it is not Nova's own, else {@code null}
     */
    public record Call(Request request, int status, String answer, boolean hasBody, String origin) {
    }

    /**
     * One condition of acceptance.
     *
     * @param condition what must hold
     * @param refusals  what is answered when it does not (empty when nothing is answered)
     */
    public record Check(String condition, List<Refused> refusals) {
        /** Copies the list. */
        public Check {
            refusals = List.copyOf(refusals);
        }

        /** A condition whose failure is answered with one refusal. */
        static Check of(String condition, Refused refusal) {
            return new Check(condition, List.of(refusal));
        }
    }

    /**
     * A refused call: the answer, and when it is given. Nothing has changed when a call is refused.
     *
     * @param refusal   which refusal it is
     * @param status    the HTTP status
     * @param faultName the key of the fault body, e.g. {@code conflictingRequest}
     * @param message   the message, with placeholders such as {@code <server>} for ids and states
     * @param when      when it is answered
     */
    public record Refused(Refusal refusal, int status, String faultName, String message, String when) {
        /** The refusal the engine raises as {@code refused}, made with placeholders, answered {@code when}. */
        static Refused of(ComputeException refused, String when) {
            return new Refused(refused.refusal(), refused.code(), refused.faultName(), refused.getMessage(), when);
        }
    }

    /**
     * The asynchronous part of an operation.
     *
     * @param duration how long it takes by default ({@code Timings.defaults()})
     * @param steps    what happens, in order, with the time of each step
     */
    public record Later(Duration duration, List<String> steps) {
        /** Copies the list. */
        public Later {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A failure of an accepted call: the answer said yes, and the work failed afterwards.
     *
     * @param event   the instance action event that ends in {@code Error}
     * @param message the event's error text, or {@code null} when it is the fault rule's message
     * @param when    when it happens
     * @param effect  what the failure leaves behind
     */
    public record LaterFailure(String event, String message, String when, String effect) {
    }

    /**
     * Behaviour that depends on the request's microversion.
     *
     * @param minor  the minor version from which it holds, e.g. 20 for 2.20
     * @param change what holds from that version on
     * @param before what holds below it
     */
    public record Microversion(int minor, String change, String before) {
    }

    /**
     * How one dialect differs from Nova v2.1 for this operation.
     *
     * @param dialect     the dialect's name, e.g. {@code ecl-compute}
     * @param request     the request line in this dialect
     * @param status      the status of a successful answer in this dialect
     * @param differences what differs, one fact a line
     */
    public record DialectNote(String dialect, String request, int status, List<String> differences) {
        /** Copies the list. */
        public DialectNote {
            differences = List.copyOf(differences);
        }
    }
}
