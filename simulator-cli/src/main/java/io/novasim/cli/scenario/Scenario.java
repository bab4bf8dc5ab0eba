package io.novasim.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A scenario file: a seed and steps. A step sends a request (and may {@code expect} things of the answer and
 * {@code save} values from it for later steps as {@code ${name}}), advances the virtual clock, or adds a fault rule
 * (in the control plane's JSON form).
 */
public record Scenario(Long seed, String description, List<Step> steps) {
    public Scenario {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * One step: exactly one of {@code request}, {@code operation}, {@code advance}, {@code fault}. A request (or an
     * operation, which is a request spelled for you) with {@code until} is sent again {@code every} (default 1s) of
     * virtual time until {@code until} holds, for at most {@code within}.
     */
    public record Step(String name, Request request, NamedOperation operation, Expect until, String within,
                       String every, Expect expect, Map<String, String> save, String advance, JsonNode fault) {
    }

    /**
     * A named operation on a server ({@code stop}, {@code reboot}, {@code detach-volume}, ...), sent as the Nova v2.1
     * request a client would send; {@code type} is a reboot's {@code SOFT} (default) or {@code HARD}.
     */
    public record NamedOperation(String name, String server, String port, String network, String volume,
                                 String image, String type) {
    }

    /** An API request, sent as {@code user} of {@code project} (the demo user when absent). */
    public record Request(String method, String path, JsonNode body, String user, String password, String project,
                          String microversion, Map<String, String> headers) {
    }

    /**
     * What the answer must be: a status, headers, the fault's name (the body's one key, as {@code conflictingRequest}
     * in {@code {"conflictingRequest": {"code": 409, "message": ...}}}), a regular expression its message matches
     * whole, and values at JSON pointers of the body.
     */
    public record Expect(Integer status, Map<String, String> headers, String fault, String message,
                         Map<String, JsonNode> json) {
    }
}
