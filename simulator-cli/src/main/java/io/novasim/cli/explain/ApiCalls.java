package io.novasim.cli.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.novasim.cli.scenario.NamedOperations;
import io.novasim.cli.scenario.Scenario;
import io.novasim.state.rules.Operation;

import static io.novasim.cli.explain.Placeholders.*;

/**
 * The HTTP request behind each operation, as a Nova v2.1 client sends it, and what a success answers. Where a
 * scenario can name the operation, the request is the one the scenario runner sends ({@link NamedOperations}); the
 * others are spelled here. The answers are those of the compute routes ({@code ExplainCommandTest} sends them).
 */
final class ApiCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiCalls() {
    }

    /** One line saying what the operation does. */
    static String title(Operation operation) {
        return switch (operation) {
            case CREATE -> "Boot a new server from an image or a volume";
            case DELETE -> "Delete a server";
            case STOP -> "Power a server off";
            case START -> "Power a stopped server on";
            case REBOOT_SOFT -> "Reboot a server gracefully";
            case REBOOT_HARD -> "Reboot a server by power-cycling it";
            case PAUSE -> "Pause a server (its memory is kept)";
            case UNPAUSE -> "Unpause a paused server";
            case SUSPEND -> "Suspend a server (its memory goes to disk)";
            case RESUME -> "Resume a suspended server";
            case RESCUE -> "Boot a server into rescue mode";
            case UNRESCUE -> "Leave rescue mode";
            case SHELVE -> "Shelve a server";
            case SHELVE_OFFLOAD -> "Offload a shelved server from its host";
            case UNSHELVE -> "Bring a shelved server back";
            case SOFT_DELETE -> "Delete a server that can be restored (a delete under reclaim_instance_interval)";
            case RESTORE -> "Bring a soft-deleted server back";
            case FORCE_DELETE -> "Delete a soft-deleted server now";
            case REBUILD -> "Boot a server again from an image, keeping its id, ports and volumes";
            case CREATE_IMAGE -> "Snapshot a server into a new image";
            case CREATE_BACKUP -> "Back a server up into a new image, keeping the newest backups of its type";
            case RESIZE -> "Move a server to another flavor (then confirm or revert)";
            case CONFIRM_RESIZE -> "Keep a resized server's new flavor";
            case REVERT_RESIZE -> "Go back to a resized server's old flavor";
            case MIGRATE -> "Move a server to another host, keeping its flavor (admin; then confirm or revert)";
            case EVACUATE -> "Rebuild a server on another host because its own is down (admin)";
            case LIVE_MIGRATE -> "Move a running server to another host without stopping it (admin)";
            case CHANGE_PASSWORD -> "Set a server's administrator password";
            case TRIGGER_CRASH_DUMP -> "Make the guest dump its memory (a crash dump; 2.17)";
            case LOCK -> "Lock a server against changes by non-admins";
            case UNLOCK -> "Unlock a server";
            case RESET_STATE_ACTIVE -> "Force a server's vm_state to active (admin)";
            case RESET_STATE_ERROR -> "Force a server's vm_state to error (admin)";
            case ATTACH_INTERFACE -> "Attach a port, or a new port on a network, to a server";
            case DETACH_INTERFACE -> "Detach a port from a server";
            case ATTACH_VOLUME -> "Attach a Cinder volume to a server";
            case DETACH_VOLUME -> "Detach a Cinder volume from a server";
            case SWAP_VOLUME -> "Replace an attached volume with another (admin)";
            case MEDIA_ATTACH -> "Attach an image as virtual media to a bare-metal server";
            case MEDIA_DETACH -> "Detach virtual media from a bare-metal server";
        };
    }

    /** The request and its successful answer. */
    static Explanation.Call call(Operation operation) {
        Explanation.Request request = request(operation);
        return switch (operation) {
            case CREATE -> new Explanation.Call(request, 202,
                    "{\"server\": {...}} with the new server's id, links and adminPass, and a Location header", true,
                    null);
            case DELETE, SOFT_DELETE, CONFIRM_RESIZE -> new Explanation.Call(request, 204, "no body", false, null);
            case EVACUATE -> new Explanation.Call(request, 200, "{\"adminPass\": ...} below 2.14, no body from "
                    + "2.14", true, null);
            case RESCUE -> new Explanation.Call(request, 200, "{\"adminPass\": ...}: the rescue password", true, null);
            case CREATE_BACKUP -> new Explanation.Call(request, 202, "no body and, when the rotation keeps any, a "
                    + "Location header naming the image; from 2.45 {\"image_id\": ...}", true, null);
            case CREATE_IMAGE -> new Explanation.Call(request, 202, "no body and a Location header naming the "
                    + "image; from 2.45 {\"image_id\": ...} and no header", true, null);
            case REBUILD -> new Explanation.Call(request, 202,
                    "{\"server\": {...}} as the rebuild left it, with adminPass, and a Location header", true, null);
            case ATTACH_INTERFACE -> new Explanation.Call(request, 200,
                    "{\"interfaceAttachment\": {...}}: the port as GET os-interface/<port> shows it", true, null);
            case ATTACH_VOLUME -> new Explanation.Call(request, 200,
                    "{\"volumeAttachment\": {...}} with the device name reserved for it", true, null);
            case MEDIA_ATTACH, MEDIA_DETACH -> new Explanation.Call(request, 200, "no body", false,
                    "an action of NTT Enterprise Cloud's bare-metal API (seed 002), not of Nova; the simulator "
                            + "accepts it under every dialect");
            default -> new Explanation.Call(request, 202, "no body", false, null);
        };
    }

    static Explanation.Request request(Operation operation) {
        String scenarioName = OperationNames.scenarioName(operation);
        if (scenarioName != null) {
            String type = switch (operation) {
                case REBOOT_SOFT -> "SOFT";
                case REBOOT_HARD -> "HARD";
                default -> null;
            };
            Scenario.Request sent = NamedOperations.request(new Scenario.NamedOperation(scenarioName, SERVER, PORT,
                    NETWORK, VOLUME, IMAGE, type, null, null, null));
            return new Explanation.Request(sent.method(), "/v2.1" + sent.path(),
                    sent.body() == null ? null : sent.body().toString());
        }
        return switch (operation) {
            case CREATE -> {
                ObjectNode server = JSON.createObjectNode().put("name", NAME).put("imageRef", IMAGE)
                        .put("flavorRef", FLAVOR);
                yield new Explanation.Request("POST", "/v2.1/servers",
                        JSON.createObjectNode().set("server", server).toString());
            }
            case RESET_STATE_ACTIVE, RESET_STATE_ERROR -> new Explanation.Request("POST",
                    "/v2.1/servers/" + SERVER + "/action", JSON.createObjectNode().set("os-resetState",
                    JSON.createObjectNode().put("state", operation == Operation.RESET_STATE_ACTIVE ? "active"
                            : "error")).toString());
            case SOFT_DELETE -> new Explanation.Request("DELETE", "/v2.1/servers/" + SERVER, null);
            case RESIZE -> new Explanation.Request("POST", "/v2.1/servers/" + SERVER + "/action",
                    JSON.createObjectNode().set("resize", JSON.createObjectNode().put("flavorRef", NEW_FLAVOR))
                            .toString());
            case MIGRATE -> new Explanation.Request("POST", "/v2.1/servers/" + SERVER + "/action",
                    JSON.createObjectNode().set("migrate", JSON.nullNode()).toString());
            case CREATE_BACKUP -> new Explanation.Request("POST", "/v2.1/servers/" + SERVER + "/action",
                    JSON.createObjectNode().set("createBackup", JSON.createObjectNode().put("name", NAME)
                            .put("backup_type", "daily").put("rotation", 2)).toString());
            case LIVE_MIGRATE -> new Explanation.Request("POST", "/v2.1/servers/" + SERVER + "/action",
                    JSON.createObjectNode().set("os-migrateLive", JSON.createObjectNode().put("block_migration",
                            "auto").putNull("host")).toString());
            case EVACUATE -> new Explanation.Request("POST", "/v2.1/servers/" + SERVER + "/action",
                    JSON.createObjectNode().set("evacuate", JSON.createObjectNode()).toString());
            case CONFIRM_RESIZE, REVERT_RESIZE -> new Explanation.Request("POST", "/v2.1/servers/" + SERVER
                    + "/action", JSON.createObjectNode().set(operation == Operation.CONFIRM_RESIZE ? "confirmResize"
                    : "revertResize", JSON.nullNode()).toString());
            case CREATE_IMAGE -> new Explanation.Request("POST", "/v2.1/servers/" + SERVER + "/action",
                    JSON.createObjectNode().set("createImage", JSON.createObjectNode().put("name", NAME))
                            .toString());
            case REBUILD -> new Explanation.Request("POST", "/v2.1/servers/" + SERVER + "/action",
                    JSON.createObjectNode().set("rebuild", JSON.createObjectNode().put("imageRef", IMAGE))
                            .toString());
            case CHANGE_PASSWORD -> new Explanation.Request("POST", "/v2.1/servers/" + SERVER + "/action",
                    JSON.createObjectNode().set("changePassword", JSON.createObjectNode().put("adminPass",
                            "new-password")).toString());
            case TRIGGER_CRASH_DUMP -> new Explanation.Request("POST", "/v2.1/servers/" + SERVER + "/action",
                    JSON.createObjectNode().set("trigger_crash_dump", JSON.nullNode()).toString());
            case SWAP_VOLUME -> new Explanation.Request("PUT",
                    "/v2.1/servers/" + SERVER + "/os-volume_attachments/" + VOLUME,
                    JSON.createObjectNode().set("volumeAttachment",
                            JSON.createObjectNode().put("volumeId", NEW_VOLUME)).toString());
            default -> throw new IllegalStateException("no request spelled for " + operation);
        };
    }
}
