package io.novasim.model.server;

import java.util.List;
import java.util.Locale;

/**
 * What a server keeps besides its state: what its create or an update sent that changes nothing in the simulation
 * (key name, user data, description, tags, hostname), and its place in its create request (reservation, launch
 * index). Every server that has none of these shares {@link #NONE}, so an idle server pays one reference for them;
 * and nothing that can be derived is stored (see {@link Server#reservationId()} and {@link Server#hostname()}).
 *
 * @param keyName       the key pair the create named, or {@code null}
 * @param userData      the create's {@code user_data}, or {@code null}
 * @param description   the description (microversion 2.19), or {@code null}
 * @param tags          the create's tags (2.52), in the order given
 * @param reservationId the create request's reservation when the server's own id does not make it (the servers of a
 *                      multi-create after the first share the first's), else {@code null}
 * @param launchIndex   the server's place among its create request's servers, from 0
 * @param hostname      the hostname when one was given or a rename had to keep it, else {@code null} (the name
 *                      makes it)
 */
public record ServerDetails(String keyName, String userData, String description, List<String> tags,
                            String reservationId, int launchIndex, String hostname) {
    /** The details of a server that was created alone and given none of them. */
    public static final ServerDetails NONE = new ServerDetails(null, null, null, List.of(), null, 0, null);

    public ServerDetails {
        tags = List.copyOf(tags);
        if (launchIndex < 0) {
            throw new IllegalArgumentException("a launch index is at least 0: " + launchIndex);
        }
    }

    /** These details, as the shared {@link #NONE} when they hold nothing of their own. */
    public static ServerDetails of(String keyName, String userData, String description, List<String> tags,
                                   String reservationId, int launchIndex, String hostname) {
        return new ServerDetails(keyName, userData, description, tags, reservationId, launchIndex, hostname)
                .shared();
    }

    /** With another description ({@code null} removes it). */
    public ServerDetails withDescription(String newDescription) {
        return new ServerDetails(keyName, userData, newDescription, tags, reservationId, launchIndex, hostname)
                .shared();
    }

    /** With a hostname of its own. */
    public ServerDetails withHostname(String newHostname) {
        return new ServerDetails(keyName, userData, description, tags, reservationId, launchIndex, newHostname)
                .shared();
    }

    /** With these tags. */
    public ServerDetails withTags(List<String> newTags) {
        return new ServerDetails(keyName, userData, description, newTags, reservationId, launchIndex, hostname)
                .shared();
    }

    private ServerDetails shared() {
        return equals(NONE) ? NONE : this;
    }

    /** The reservation of a create request, made from its first server's id: {@code r-} and 8 characters. */
    public static String reservationFrom(String firstServerId) {
        return "r-" + firstServerId.substring(0, 8);
    }

    /** The hostname a server's name makes when none is given: lower case, with a dash for any other character. */
    public static String hostnameFrom(String name, String serverId) {
        String hostname = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return hostname.isEmpty() ? "server-" + serverId : hostname;
    }
}
