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
 * @param describedByName whether the description is the server's name (as Nova describes a server created below 2.19),
 *                      kept as this flag so that such servers share one details object ({@link #DESCRIBED_BY_NAME});
 *                      a rename writes the old name out first
 */
public record ServerDetails(String keyName, String userData, String description, List<String> tags,
                            String reservationId, int launchIndex, String hostname, boolean describedByName) {
    /** The details of a server that was created alone and given none of them. */
    public static final ServerDetails NONE = new ServerDetails(null, null, null, List.of(), null, 0, null);
    /** The details of a server created alone below 2.19 and given none of them: described by its name. */
    public static final ServerDetails DESCRIBED_BY_NAME = new ServerDetails(null, null, null, List.of(), null, 0,
            null, true);

    /** Details whose description, if any, is written out. */
    public ServerDetails(String keyName, String userData, String description, List<String> tags,
                         String reservationId, int launchIndex, String hostname) {
        this(keyName, userData, description, tags, reservationId, launchIndex, hostname, false);
    }

    public ServerDetails {
        tags = List.copyOf(tags);
        if (describedByName && description != null) {
            throw new IllegalArgumentException("described by its name, or by a description: not both");
        }
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

    /** {@link #of}, for a server of this name: a description that is the name is kept as {@link #describedByName}. */
    public static ServerDetails of(String name, String keyName, String userData, String description,
                                   List<String> tags, String reservationId, int launchIndex, String hostname) {
        boolean byName = name.equals(description);
        return new ServerDetails(keyName, userData, byName ? null : description, tags, reservationId, launchIndex,
                hostname, byName).shared();
    }

    /** The description of a server of this name. */
    public String descriptionOf(String name) {
        return describedByName ? name : description;
    }

    /** With another description ({@code null} removes it). */
    public ServerDetails withDescription(String newDescription) {
        return new ServerDetails(keyName, userData, newDescription, tags, reservationId, launchIndex, hostname, false)
                .shared();
    }

    /** With a hostname of its own. */
    public ServerDetails withHostname(String newHostname) {
        return new ServerDetails(keyName, userData, description, tags, reservationId, launchIndex, newHostname,
                describedByName).shared();
    }

    /** With another key pair ({@code null} removes it). */
    public ServerDetails withKeyName(String newKeyName) {
        return new ServerDetails(newKeyName, userData, description, tags, reservationId, launchIndex, hostname,
                describedByName).shared();
    }

    /** With other user data ({@code null} removes it). */
    public ServerDetails withUserData(String newUserData) {
        return new ServerDetails(keyName, newUserData, description, tags, reservationId, launchIndex, hostname,
                describedByName).shared();
    }

    /** With these tags. */
    public ServerDetails withTags(List<String> newTags) {
        return new ServerDetails(keyName, userData, description, newTags, reservationId, launchIndex, hostname,
                describedByName).shared();
    }

    private ServerDetails shared() {
        return equals(NONE) ? NONE : equals(DESCRIBED_BY_NAME) ? DESCRIBED_BY_NAME : this;
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
