/**
 * JUnit 5 support for novasim: {@link io.novasim.junit5.NovaSimulatorTest @NovaSimulatorTest} for a class's simulator
 * injected as a parameter, and {@link io.novasim.junit5.NovaSimulatorExtension} for {@code @RegisterExtension} with a
 * builder (a simulator per class or per test).
 */
package io.novasim.junit5;
