package io.novasim.cli.explain;

import io.novasim.cli.explain.Explanation.Check;
import io.novasim.cli.explain.Explanation.LaterFailure;
import io.novasim.cli.explain.Explanation.Refused;
import io.novasim.model.error.EventErrors;
import io.novasim.model.error.Refusal;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.time.Timings;

import java.time.Duration;
import java.util.List;

import static io.novasim.cli.explain.Placeholders.*;

/**
 * Port interfaces, as the engine's {@code Interfaces} runs them (nova-semantics.md §3): attach is a synchronous call
 * to nova-compute, detach is accepted at once and completes later.
 */
final class InterfaceSemantics {
    private final Timings timings;

    InterfaceSemantics(Timings timings) {
        this.timings = timings;
    }

    void explain(TransitionRule rule, Draft draft) {
        if (rule.operation() == Operation.ATTACH_INTERFACE) {
            attach(rule, draft);
        } else {
            detach(rule, draft);
        }
    }

    private static void attach(TransitionRule rule, Draft draft) {
        draft.checks.add(Gates.serverVisible());
        draft.checks.add(Check.of("port_id and net_id are not both given",
                Refused.of(Refusal.BOTH_NETWORK_AND_PORT.exception(), "both are given")));
        draft.checks.add(Check.of("a fixed IP is asked for only together with a net_id",
                Refused.of(Refusal.FIXED_IP_WITHOUT_NETWORK.exception(), "fixed_ips is given without net_id")));
        draft.checks.addAll(Gates.rule(rule));
        draft.checks.add(new Check("with port_id: the port exists, is visible to the caller and is bound to no server",
                List.of(Refused.of(Refusal.PORT_NOT_FOUND.exception(PORT),
                                "the port does not exist or belongs to another project"),
                        Refused.of(Refusal.PORT_IN_USE.exception(PORT), "the port is bound to a server"))));
        draft.checks.add(new Check("with net_id: the network exists and the caller's project may use it; with "
                + "neither: the server's project can use exactly one network",
                List.of(Refused.of(Refusal.NETWORK_NOT_FOUND.exception(NETWORK),
                                "the network does not exist or may not be used"),
                        Refused.of(Refusal.NETWORK_AMBIGUOUS.exception(),
                                "neither is given and the project can use several networks"),
                        Refused.of(Refusal.NO_NETWORK_AVAILABLE.exception(PROJECT),
                                "neither is given and the project can use none"))));
        draft.checks.add(new Check("a new port gets an address: the fixed IP asked for when it is free and on the "
                + "network, else the lowest free one",
                List.of(Refused.of(Refusal.FIXED_IP_IN_USE.exception(IP), "the fixed IP asked for is taken"),
                        Refused.of(Refusal.FIXED_IP_NOT_ON_NETWORK.exception(IP, NETWORK),
                                "the fixed IP asked for is not in the network's subnets"),
                        Refused.of(Refusal.NO_MORE_FIXED_IPS.exception(NETWORK), "the network has no free address"))));
        draft.faultRuleCheck();
        draft.checks.add(Check.of("no fault rule of type fail fires for the call",
                Refused.of(Refusal.INTERFACE_ATTACH_FAILED.exception(SERVER),
                        "a fault rule of type fail fires: the attach "
                        + "is a synchronous call to nova-compute, so its failure is the answer")));

        draft.atOnce.add("the port is bound to the server (with net_id or neither, a new port is created on the "
                + "network first) and listed by GET os-interface; the server's addresses show its fixed IP");
        draft.atOnce.add("instance action " + rule.instanceAction() + " is recorded, its event "
                + rule.computeEvent() + " already Success");
        draft.atOnce.add("vm_state, task_state and status do not change");
        draft.notes.add("the body may name a network instead of a port: {\"interfaceAttachment\": {\"net_id\": "
                + "\"" + NETWORK + "\"}}, or neither: {} joins the project's only network");
    }

    private void detach(TransitionRule rule, Draft draft) {
        draft.checks.add(Gates.serverVisible());
        draft.checks.addAll(Gates.rule(rule));
        draft.faultRuleCheck();
        draft.notes.add("nothing looks whether the port is attached to the server before the 202, as in Nova: a "
                + "wrong port is accepted and fails later");

        draft.atOnce.add("instance action " + rule.instanceAction() + " is recorded, its event "
                + rule.computeEvent() + " running");
        draft.atOnce.add("the port stays bound and listed by GET os-interface until the detach completes");
        draft.atOnce.add("vm_state, task_state and status do not change: nothing on the server shows the detach");

        Duration total = timings.of(rule.operation());
        draft.later = new Explanation.Later(total, List.of("at " + Draft.time(total) + ": the port is released: a "
                + "port Nova created (by network) is deleted, a port the user created is kept and unbound; event "
                + rule.computeEvent() + " Success",
                "if the server is deleted first, the detach ends with it"));
        draft.laterFailures.add(new LaterFailure(rule.computeEvent(), EventErrors.portNotAttached(PORT),
                "the port is not bound to this server by then", "nothing changes"));
        draft.laterFailures.add(new LaterFailure(rule.computeEvent(),
                EventErrors.interfaceDetachFailed(SERVER) + ": " + RULE_MESSAGE,
                "a fault rule of type fail fires for the call", "the port stays bound and listed"));
    }
}
