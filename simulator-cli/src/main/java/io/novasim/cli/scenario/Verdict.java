package io.novasim.cli.scenario;

/** One thing an expectation checks, whether it holds, and what was there instead. */
record Verdict(String what, boolean passed, String otherwise) {
}
