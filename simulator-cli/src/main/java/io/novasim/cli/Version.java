package io.novasim.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, from a resource Maven filters, so {@code --version} also works outside the shaded jar. */
public final class Version implements IVersionProvider {
    static String current() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException unreadable) {
            // fall through to the development label
        }
        String version = properties.getProperty("version", "");
        return version.isEmpty() || version.startsWith("${") ? "development build" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"novasim " + current()};
    }
}
