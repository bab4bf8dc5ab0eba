package io.novasim.cli.explain;

import io.novasim.cli.explain.Explanation.Check;
import io.novasim.cli.explain.Explanation.Refused;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Microversion;
import io.novasim.http.support.Reply;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.rules.AdminPolicy;
import io.novasim.state.rules.TransitionRule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.novasim.cli.explain.Placeholders.*;

/**
 * The checks every operation shares, as the engine makes them: the HTTP pipeline's, the server lookup, the admin
 * policy, and the gate of a {@link TransitionRule} (lock, vm_state, task_state, launched_at, in Nova's order).
 */
final class Gates {
    private Gates() {
    }

    /**
     * The compute pipeline's checks before any route runs, in {@code ComputeApi}'s order: token, microversion, body
     * type, project id.
     */
    static List<Check> pipeline(Explanation.Request request) {
        List<Check> checks = new ArrayList<>();
        Reply unauthorized = Errors.unauthorized();
        Map<?, ?> body = (Map<?, ?>) unauthorized.body();
        String faultName = (String) body.keySet().iterator().next();
        Map<?, ?> fault = (Map<?, ?>) body.get(faultName);
        checks.add(Check.of("the request carries a valid Keystone token (X-Auth-Token)",
                new Refused(unauthorized.refusal(), (Integer) fault.get("code"), faultName,
                        (String) fault.get("message"),
                        "the token is missing, wrong or expired (keystonemiddleware's body, not a Nova fault)")));
        List<Refused> versions = new ArrayList<>();
        try {
            Microversion.negotiate("compute " + VALUE, null);
        } catch (ComputeException malformed) {
            versions.add(Refused.of(malformed, "the version asked for is not of the form 2.N or latest"));
        }
        String beyond = "3.0";
        try {
            Microversion.negotiate("compute " + beyond, null);
        } catch (Microversion.UnsupportedVersion unsupported) {
            versions.add(Refused.of(unsupported.toFault(), "the version asked for is below 2." + Microversion.MIN
                    + " or above 2." + Microversion.MAX + ", e.g. " + beyond));
        }
        checks.add(new Check("a microversion asked for (OpenStack-API-Version: compute 2.N; 2.1 when none) is one "
                + "the API has", versions));
        if (request.method().equals("POST") || request.method().equals("PUT")) {
            checks.add(new Check("a body, if any, is sent as application/json and parses as JSON",
                    List.of(Refused.of(Refusal.UNSUPPORTED_CONTENT_TYPE.exception(), "the Content-Type is another"),
                            Refused.of(Refusal.MALFORMED_BODY.exception(), "the body is not JSON"))));
        }
        checks.add(Check.of("a project id in the URL (optional in Nova v2.1) is the token's project",
                Refused.of(Refusal.PROJECT_ID_MISMATCH.exception(URL_PROJECT, TOKEN_PROJECT),
                        "the URL names another project than the token's")));
        return checks;
    }

    /** The route's reading of the body: well-formed JSON in the request's schema. */
    static List<Check> body(Explanation.Request request) {
        if (request.body() == null) {
            return List.of();
        }
        Refused schema = Refused.of(Refusal.INVALID_INPUT.exception(FIELD, VALUE, REASON),
                "a field is missing, unknown, of the wrong type or out of range");
        if (request.path().endsWith("/action")) {
            return List.of(new Check("the body is an object with one key, the action, whose argument matches the "
                    + "action's schema", List.of(Refused.of(Refusal.MALFORMED_BODY.exception(),
                    "the body has no key or several"), schema)));
        }
        return List.of(Check.of("the body matches the request's schema", schema));
    }

    static Check serverVisible() {
        return Check.of("the server exists and belongs to the caller's project (an admin may act on any project's)",
                Refused.of(Refusal.INSTANCE_NOT_FOUND.exception(SERVER),
                        "the server does not exist, or it belongs to another project and the caller is not an admin"));
    }

    static Check adminPolicy(AdminPolicy policy) {
        return Check.of("the caller is an admin (policy " + policy.rule() + ")",
                Refused.of(policy.refusal(), "the caller is not an admin"));
    }

    /** The rule's gate, in the order {@link TransitionRule#check} makes it; only the checks the rule has. */
    static List<Check> rule(TransitionRule rule) {
        List<Check> checks = new ArrayList<>();
        if (rule.checksLock()) {
            checks.add(Check.of("the server is not locked, or the caller is an admin",
                    Refused.of(Refusal.INSTANCE_LOCKED.exception(SERVER),
                            "the server is locked and the caller is not an admin")));
        }
        if (rule.checksHost()) {
            checks.add(Check.of("the server is on a compute host",
                    Refused.of(Refusal.INSTANCE_NOT_READY.exception(SERVER),
                            "the server is on no host (still scheduling, or offloaded)")));
        }
        if (rule.allowedVmStates() != null) {
            Set<VmState> refused = EnumSet.complementOf(EnumSet.copyOf(rule.allowedVmStates()));
            refused.remove(VmState.DELETED); // a deleted server is not found at all
            checks.add(Check.of("vm_state is " + or(rule.allowedVmStates(), VmState::value),
                    Refused.of(rule.stateRefusal(SERVER, "vm_state", VM_STATE),
                            "vm_state is " + or(refused, VmState::value))));
        }
        if (rule.allowedTaskStates() != null) {
            boolean idleOnly = rule.allowedTaskStates().equals(EnumSet.of(TaskState.NONE));
            checks.add(Check.of(idleOnly ? "no task runs on the server (task_state None)"
                            : "task_state is " + or(rule.allowedTaskStates(), TaskState::toString),
                    Refused.of(rule.stateRefusal(SERVER, "task_state", TASK_STATE),
                            idleOnly ? "another task runs (task_state is not None), e.g. a reboot, a stop or a media "
                                    + "action just accepted"
                                    : "task_state is any other")));
        }
        if (rule.mustHaveLaunched()) {
            checks.add(Check.of("the server has been active once (launched_at is set)",
                    Refused.of(Refusal.INSTANCE_NOT_LAUNCHED.exception(SERVER, rule.action()),
                            "the server never became active (its build has not finished, or failed)")));
        }
        return checks;
    }

    /** {@code a, b or c}. */
    static <T> String or(Collection<T> values, Function<T, String> spelling) {
        List<String> words = values.stream().map(spelling).toList();
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
