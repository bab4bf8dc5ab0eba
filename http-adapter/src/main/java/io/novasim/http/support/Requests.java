package io.novasim.http.support;

import io.javalin.http.Context;

import java.util.Locale;

/** Request checks shared by the APIs. */
public final class Requests {
    private Requests() {
    }

    /**
     * Whether the body's Content-Type is one Nova accepts. An absent type, {@code text/plain} and an empty body count
     * as "no type" (nova-semantics.md §1.6).
     */
    public static boolean acceptableJson(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || type.isBlank()) {
            return true;
        }
        String base = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return base.equals("application/json") || base.equals("application/vnd.openstack.compute+json")
                || base.equals("text/plain") || base.isEmpty();
    }

    /** Whether the body counts as absent: no bytes, or a {@code text/plain} type. */
    public static boolean bodyAbsent(Context ctx) {
        String type = ctx.header("Content-Type");
        return ctx.body().isBlank() || (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/plain"));
    }
}
