package io.novasim.http.support;

import io.javalin.http.Context;
import io.novasim.model.error.ComputeException;

/**
 * Why a request was refused, in words for the people reading the server's log or a scenario's transcript (never for
 * the client, whose body keeps the real API's text): the rule that fired, as the core explained it, or as the adapter
 * knows it for the refusals it makes itself (authentication, routing, validation).
 */
public final class Refusals {
    private static final String KEY = "novasim.refusal";

    private Refusals() {
    }

    /** Remembers why the request of {@code ctx} is being refused. */
    public static void note(Context ctx, ComputeException refusal) {
        if (ctx.attribute(KEY) == null) {
            ctx.attribute(KEY, refusal.refusing(ctx.method().name() + " " + ctx.path()).explanation());
        }
    }

    /** Remembers why the request of {@code ctx} is being refused. */
    public static void note(Context ctx, String explanation) {
        if (ctx.attribute(KEY) == null) {
            ctx.attribute(KEY, explanation);
        }
    }

    /**
     * Why the request of {@code ctx} got {@code status}, or null when it was not refused.
     *
     * @param status the status code answered
     */
    public static String of(Context ctx, int status) {
        if (status < 400) {
            return null;
        }
        String noted = ctx.attribute(KEY);
        if (noted != null) {
            return noted;
        }
        String request = ctx.method().name() + " " + ctx.path() + " refused: ";
        return switch (status) {
            case 401 -> request + "no valid credentials (rule: every request but Keystone's needs a valid token"
                    + " scoped to a project, or the dialect's Basic authentication)";
            case 404 -> request + "nothing there (rule: the path must name a route and a resource the caller"
                    + " can see)";
            case 405 -> request + "the route does not take " + ctx.method().name() + " (rule: each route answers"
                    + " only its methods)";
            default -> request + "status " + status;
        };
    }
}
