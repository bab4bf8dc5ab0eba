package io.novasim.http.support;

import io.novasim.model.error.ComputeException;

/**
 * Why a request was refused, in words for the people reading the server's log or a scenario's transcript (never for
 * the client, whose body keeps the real API's text): the rule that fired, as the core explained it, or as the adapter
 * knows it for the refusals it makes itself (authentication, routing, validation).
 */
public final class Refusals {
    private Refusals() {
    }

    /** Remembers which refusal the request is answered with, and why. */
    public static void note(Exchange exchange, ComputeException refusal) {
        exchange.refusedWith(refusal.refusal());
        if (exchange.refusal() == null) {
            exchange.refuse(refusal.refusing(exchange.method() + " " + exchange.path()).explanation());
        }
    }

    /**
     * Why the request got {@code status}, or null when it was not refused.
     *
     * @param status the status code answered
     */
    public static String of(Exchange exchange, int status) {
        if (status < 400) {
            return null;
        }
        if (exchange.refusal() != null) {
            return exchange.refusal();
        }
        String request = exchange.method() + " " + exchange.path() + " refused: ";
        return switch (status) {
            case 401 -> request + "no valid credentials (rule: every request but Keystone's needs a valid token"
                    + " scoped to a project, or the dialect's Basic authentication)";
            case 404 -> request + "nothing there (rule: the path must name a route and a resource the caller"
                    + " can see)";
            case 405 -> request + "the route does not take " + exchange.method() + " (rule: each route answers"
                    + " only its methods)";
            default -> request + "status " + status;
        };
    }
}
