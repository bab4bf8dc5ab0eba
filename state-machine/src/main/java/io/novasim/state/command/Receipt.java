package io.novasim.state.command;

import io.novasim.model.keypair.Keypair;
import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;

/**
 * What an accepted command returns at once: its request id (the key of its instance action) and what the API shows
 * before any asynchronous work has run. Fields a command does not produce are {@code null}.
 *
 * @param adminPass  the password a create or a rescue hands out
 * @param servers    every server a create made, in launch order (a multi-create makes several; {@code server} is the
 *                   first); empty for other commands
 * @param keypair    the key pair a key pair command created or deleted
 * @param privateKey the private key of a generated key pair: only this receipt has it, the engine keeps none
 * @param unchanged  whether the command was accepted and found nothing to change (a tag the server had), which some
 *                   answers tell apart (Nova's 204 instead of 201)
 * @param resource   what else the command made or deleted: an image, a network or a subnet ({@link #image()},
 *                   {@link #network()}, {@link #subnet()})
 */
public record Receipt(String requestId, Server server, String adminPass, Port port, VolumeAttachment volumeAttachment,
                      CinderVolume volume, java.util.List<Server> servers, Keypair keypair, String privateKey,
                      boolean unchanged, Object resource) {
    public Receipt {
        servers = java.util.List.copyOf(servers);
    }

    /** A receipt that names no image. */
    public Receipt(String requestId, Server server, String adminPass, Port port, VolumeAttachment volumeAttachment,
                   CinderVolume volume, java.util.List<Server> servers, Keypair keypair, String privateKey,
                   boolean unchanged) {
        this(requestId, server, adminPass, port, volumeAttachment, volume, servers, keypair, privateKey, unchanged,
                null);
    }

    /** The image a server action (or a Glance request, {@code server} null) made or changed. */
    public static Receipt of(String requestId, Server server, io.novasim.model.image.GlanceImage image) {
        return new Receipt(requestId, server, null, null, null, null, java.util.List.of(), null, null, false, image);
    }

    /** A network made or deleted. */
    public static Receipt of(String requestId, io.novasim.model.network.Network network) {
        return new Receipt(requestId, null, null, null, null, null, java.util.List.of(), null, null, false, network);
    }

    /** A subnet made or deleted. */
    public static Receipt of(String requestId, io.novasim.model.network.Subnet subnet) {
        return new Receipt(requestId, null, null, null, null, null, java.util.List.of(), null, null, false, subnet);
    }

    /** A project's quota limits after they changed. */
    public static Receipt of(String requestId, io.novasim.model.quota.QuotaSet limits) {
        return new Receipt(requestId, null, null, null, null, null, java.util.List.of(), null, null, false, limits);
    }

    /** The quota limits the command set, or {@code null}. */
    public io.novasim.model.quota.QuotaSet quotaSet() {
        return resource instanceof io.novasim.model.quota.QuotaSet limits ? limits : null;
    }

    /** A server group made or deleted. */
    public static Receipt of(String requestId, io.novasim.model.server.ServerGroup group) {
        return new Receipt(requestId, null, null, null, null, null, java.util.List.of(), null, null, false, group);
    }

    /** The server group the command made or deleted, or {@code null}. */
    public io.novasim.model.server.ServerGroup serverGroup() {
        return resource instanceof io.novasim.model.server.ServerGroup group ? group : null;
    }

    /** A security group made or deleted. */
    public static Receipt of(String requestId, io.novasim.model.network.SecurityGroup group) {
        return new Receipt(requestId, null, null, null, null, null, java.util.List.of(), null, null, false, group);
    }

    /** A security group rule made or deleted. */
    public static Receipt of(String requestId, io.novasim.model.network.SecurityGroupRule rule) {
        return new Receipt(requestId, null, null, null, null, null, java.util.List.of(), null, null, false, rule);
    }

    /** The security group the command made or deleted, or {@code null}. */
    public io.novasim.model.network.SecurityGroup securityGroup() {
        return resource instanceof io.novasim.model.network.SecurityGroup group ? group : null;
    }

    /** The security group rule the command made or deleted, or {@code null}. */
    public io.novasim.model.network.SecurityGroupRule securityGroupRule() {
        return resource instanceof io.novasim.model.network.SecurityGroupRule rule ? rule : null;
    }

    /** The image the command made, or {@code null}. */
    public io.novasim.model.image.GlanceImage image() {
        return resource instanceof io.novasim.model.image.GlanceImage image ? image : null;
    }

    /** The network the command made or deleted, or {@code null}. */
    public io.novasim.model.network.Network network() {
        return resource instanceof io.novasim.model.network.Network network ? network : null;
    }

    /** The subnet the command made or deleted, or {@code null}. */
    public io.novasim.model.network.Subnet subnet() {
        return resource instanceof io.novasim.model.network.Subnet subnet ? subnet : null;
    }

    /** Accepted, and nothing changed: the server as it was. */
    public static Receipt unchanged(String requestId, Server server) {
        return new Receipt(requestId, server, null, null, null, null, java.util.List.of(), null, null, true);
    }

    public static Receipt of(String requestId, Server server) {
        return new Receipt(requestId, server, null, null, null, null, java.util.List.of(), null, null, false);
    }

    public static Receipt of(String requestId, Port port) {
        return new Receipt(requestId, null, null, port, null, null, java.util.List.of(), null, null, false);
    }

    public static Receipt of(String requestId, CinderVolume volume) {
        return new Receipt(requestId, null, null, null, null, volume, java.util.List.of(), null, null, false);
    }

    public static Receipt of(String requestId, VolumeAttachment attachment) {
        return new Receipt(requestId, null, null, null, attachment, null, java.util.List.of(), null, null, false);
    }

    /** @param privateKey the generated key's private half, or {@code null} */
    public static Receipt of(String requestId, Keypair keypair, String privateKey) {
        return new Receipt(requestId, null, null, null, null, null, java.util.List.of(), keypair, privateKey, false);
    }
}
