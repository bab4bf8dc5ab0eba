package io.novasim;

import io.novasim.state.faults.TransportFault;

/**
 * A call answered in memory whose answer a fault rule lost to a transport fault: over HTTP the client would have seen
 * the connection reset, closed empty, a body cut short, garbage, or a stall until its timeout. The call was handled
 * (its change, if any, is made); only the answer is lost.
 */
public final class TransportFailure extends RuntimeException {
    private final TransportFault fault;
    private final String ruleId;

    public TransportFailure(TransportFault fault, String ruleId) {
        super("transport fault " + fault.jsonName() + " (fault rule " + ruleId + "): " + fault.meaning());
        this.fault = fault;
        this.ruleId = ruleId;
    }

    /** What happened to the connection. */
    public TransportFault fault() {
        return fault;
    }

    /** The fault rule that decided it. */
    public String ruleId() {
        return ruleId;
    }
}
