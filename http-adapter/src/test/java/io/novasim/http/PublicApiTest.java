package io.novasim.http;

import io.novasim.NovaSimulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user types comes from {@code io.novasim}: its public types show no adapter type ({@code io.novasim.http}),
 * no web framework and no mutable engine type ({@code Cloud}, {@code World}) in any public or protected signature,
 * and they are exactly the ones the README lists. Immutable core values (fault rules, state readouts, timings) may
 * appear.
 */
class PublicApiTest {
    /** The public types of {@code io.novasim}, as the README's embedding section lists them. */
    static final Set<String> PUBLIC_TYPES = Set.of("ApiRequest", "ApiRequest.Built", "ApiRequest.Header",
            "ApiResponse", "ApiResponse.Delivery", "ClockMode", "ClockMode.Client", "ClockMode.Manual", "ClockMode.Wall",
            "CloudSetup", "CloudSetup.VolumeSeed", "NovaSimulator",
            "NovaSimulator.Builder", "NovaSimulator.Credentials", "RecordedRequest", "RequestCount", "RequestPattern", "SimulatorControl",
            "SimulatorSettings", "TransportFailure");

    /** Packages no public signature may show. */
    private static final List<String> FORBIDDEN_PACKAGES = List.of("io.novasim.http.", "io.javalin.",
            "org.eclipse.jetty.", "jakarta.servlet.", "com.fasterxml.", "dagger.");
    /** The engine's mutable types (its immutable values, such as {@code CloudState}, may appear). */
    private static final Set<String> ENGINE = Set.of("io.novasim.state.Cloud", "io.novasim.state.World");

    @Test
    void thePublicTypesAreTheListedOnes() throws IOException, URISyntaxException {
        assertThat(publicTypes().stream().map(PublicApiTest::name).toList())
                .containsExactlyInAnyOrderElementsOf(PUBLIC_TYPES);
    }

    @Test
    void theReadmeListsThePublicTypes() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("### Embedding, the public types");
        assertThat(section).as("the README's section on the public types").isPositive();
        String table = readme.substring(section, readme.indexOf("\n#", section + 4));
        for (String type : PUBLIC_TYPES) {
            assertThat(table).as("the README lists " + type).contains("`" + type + "`");
        }
    }

    @Test
    void noPublicSignatureShowsAnAdapterFrameworkOrEngineType() throws IOException, URISyntaxException {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            if (type.getSuperclass() != null) {
                check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
            }
            for (Type implemented : type.getGenericInterfaces()) {
                check(type.getName() + " implements", implemented, leaks);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method.getModifiers()) && !method.isSynthetic()) {
                    checkExecutable(type.getName() + "." + method.getName(), method, leaks);
                    check(type.getName() + "." + method.getName() + " returns", method.getGenericReturnType(), leaks);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor.getModifiers())) {
                    checkExecutable(type.getName() + ".<init>", constructor, leaks);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(type.getName() + "." + field.getName(), field.getGenericType(), leaks);
                }
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    check(type.getName() + "." + component.getName(), component.getGenericType(), leaks);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static void checkExecutable(String where, Executable executable, List<String> leaks) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(where + " takes", parameter, leaks);
        }
        for (Type thrown : executable.getGenericExceptionTypes()) {
            check(where + " throws", thrown, leaks);
        }
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type instanceof Class<?> plain) {
            Class<?> element = plain;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            String name = element.getName();
            if (ENGINE.contains(name) || FORBIDDEN_PACKAGES.stream().anyMatch(name::startsWith)) {
                leaks.add(where + " " + name);
            }
        } else if (type instanceof ParameterizedType parameterized) {
            check(where, parameterized.getRawType(), leaks);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(where, argument, leaks);
            }
        } else if (type instanceof WildcardType wildcard) {
            Stream.concat(Stream.of(wildcard.getUpperBounds()), Stream.of(wildcard.getLowerBounds()))
                    .forEach(bound -> check(where, bound, leaks));
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Every public class, interface and record of {@code io.novasim} (not its subpackages), nested ones included. */
    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException {
        Path root = Path.of(NovaSimulator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/novasim");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(root)) {
            files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".class"))
                    .forEach(file -> names.add("io.novasim." + file.substring(0, file.length() - 6)));
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name);
                if (isPubliclyReachable(type)) {
                    types.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }

    private static boolean isPubliclyReachable(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static String name(Class<?> type) {
        return type.getName().substring("io.novasim.".length()).replace('$', '.');
    }
}
