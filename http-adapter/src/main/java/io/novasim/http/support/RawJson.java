package io.novasim.http.support;

/**
 * A reply's body already rendered to bytes in the API's spelling (a kept answer): written as it is.
 *
 * @param bytes the body
 */
public record RawJson(byte[] bytes) {
}
