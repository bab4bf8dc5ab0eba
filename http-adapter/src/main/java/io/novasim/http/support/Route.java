package io.novasim.http.support;

/** A route of one of the APIs: a call in, a reply out. Errors are thrown as {@code ComputeException}. */
@FunctionalInterface
public interface Route {
    Reply handle(Call call);
}
