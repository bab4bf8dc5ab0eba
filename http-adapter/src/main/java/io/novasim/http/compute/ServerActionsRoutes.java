package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;
import io.novasim.state.command.AttachMedia;
import io.novasim.state.command.Command;
import io.novasim.state.command.CreateServerImage;
import io.novasim.state.command.DetachMedia;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.command.MigrateServer;
import io.novasim.state.command.CreateServerBackup;
import io.novasim.state.command.LiveMigrateServer;
import io.novasim.state.command.EvacuateServer;
import io.novasim.state.command.ResizeServer;
import io.novasim.state.command.Receipt;
import io.novasim.state.rules.Operation;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /servers/{id}/action}: one action per body, named by its only key. Answers as Nova does (202 with no
 * body; rescue 200 with the password); the bare-metal {@code media-attach} / {@code media-detach} answer 200 with no
 * body, as seed 002 documents.
 */
final class ServerActionsRoutes {
    private static final Map<String, Operation> SIMPLE = Map.ofEntries(
            Map.entry("os-stop", Operation.STOP),
            Map.entry("os-start", Operation.START),
            Map.entry("pause", Operation.PAUSE),
            Map.entry("unpause", Operation.UNPAUSE),
            Map.entry("suspend", Operation.SUSPEND),
            Map.entry("resume", Operation.RESUME),
            Map.entry("unrescue", Operation.UNRESCUE),
            Map.entry("shelve", Operation.SHELVE),
            Map.entry("shelveOffload", Operation.SHELVE_OFFLOAD),
            Map.entry("unshelve", Operation.UNSHELVE),
            Map.entry("unlock", Operation.UNLOCK),
            Map.entry("restore", Operation.RESTORE),
            Map.entry("revertResize", Operation.REVERT_RESIZE),
            Map.entry("forceDelete", Operation.FORCE_DELETE));

    private final Simulation simulation;
    private final RebuildAction rebuild;

    ServerActionsRoutes(Simulation simulation) {
        this.simulation = simulation;
        this.rebuild = new RebuildAction(simulation);
    }

    void register(ComputeApi api) {
        api.route("POST", "/servers/{server_id}/action", this::act);
    }

    private Reply act(Call call) {
        JsonNode body = call.body();
        if (body == null) {
            throw Refusal.MALFORMED_BODY.exception();
        }
        if (!body.isObject() || body.size() != 1) {
            throw Refusal.MALFORMED_BODY.exception();
        }
        Iterator<String> names = body.fieldNames();
        String action = names.next();
        JsonNode argument = body.get(action);
        String serverId = call.path("server_id");
        return switch (action) {
            case "reboot" -> run(call, new Perform(serverId, rebootType(argument)), 202);
            case "rescue" -> rescue(call, serverId);
            case "rebuild" -> rebuild.rebuild(call, serverId, argument);
            case "createImage" -> createImage(call, serverId, argument);
            case "createBackup" -> createBackup(call, serverId, argument);
            case "resize" -> run(call, new ResizeServer(serverId, flavorRef(argument)), 202);
            case "confirmResize" -> run(call, new Perform(serverId, Operation.CONFIRM_RESIZE), 204);
            case "migrate" -> run(call, new MigrateServer(serverId, migrateHost(call, argument)), 202);
            case "evacuate" -> evacuate(call, serverId, argument);
            case "os-migrateLive" -> run(call, new LiveMigrateServer(serverId, liveMigrateHost(call, argument)), 202);
            case "lock" -> run(call, new LockServer(serverId, lockReason(call, argument)), 202);
            case "os-resetState" -> run(call, new Perform(serverId, resetState(argument)), 202);
            case "resetNetwork" -> throw Refusal.GONE.exception(); // removed with nova-network; Nova answers 410
            case "os-getConsoleOutput" -> Reply.ok(Json.object("output", simulation.cloud().consoleOutput(
                    call.caller(), serverId, consoleLength(argument))));
            case "trigger_crash_dump" -> {
                if (!call.atLeast(17)) {
                    throw Refusal.NOT_IN_THIS_VERSION.exception();
                }
                if (argument != null && !argument.isNull()) {
                    throw Schema.fail("trigger_crash_dump", argument, Refusal.Reason.NOT_OF_TYPE.text(
                            Schema.repr(argument), "'null'"));
                }
                yield run(call, new Perform(serverId, Operation.TRIGGER_CRASH_DUMP), 202);
            }
            case "changePassword" -> {
                adminPass(argument);
                yield run(call, new Perform(serverId, Operation.CHANGE_PASSWORD), 202);
            }
            case "media-attach" -> run(call, new AttachMedia(serverId, imageRef(argument, action)), 200);
            case "media-detach" -> run(call, new DetachMedia(serverId, imageRef(argument, action)), 200);
            default -> {
                Operation operation = SIMPLE.get(action);
                if (operation == null) {
                    throw Refusal.NO_SUCH_ACTION.exception(action);
                }
                yield run(call, new Perform(serverId, operation), 202);
            }
        };
    }

    private Reply run(Call call, Command command, int status) {
        simulation.cloud().execute(call.caller(), command, call.requestId());
        return Reply.empty(status);
    }

    /**
     * A snapshot: below 2.45 an empty 202 whose Location names the image under the image endpoint (Nova's
     * {@code generate_image_url}); from 2.45 the image's id in the body and no header.
     */
    private Reply createImage(Call call, String serverId, JsonNode argument) {
        Schema.object(argument, "createImage");
        Schema.onlyKeys(argument, "createImage", Set.of("name", "metadata"));
        Schema.required(argument, "createImage", "name");
        String name = Schema.string(argument, "name", false, 1, 255);
        Map<String, String> metadata = argument.has("metadata")
                ? MetadataSchema.items(argument.get("metadata"), "metadata", 0, Integer.MAX_VALUE) : Map.of();
        Receipt receipt = simulation.cloud().execute(call.caller(), new CreateServerImage(serverId, name, metadata,
                !call.atLeast(39)), call.requestId());
        String imageId = receipt.image().id();
        if (call.atLeast(45)) {
            return Reply.json(202, Json.object("image_id", imageId));
        }
        return Reply.empty(202).withHeader("Location", call.base() + "/image/images/" + imageId);
    }

    /**
     * A backup: as createImage, but below 2.45 the Location is Nova's own image URL, and only when the rotation
     * keeps any backup (create_backup.py).
     */
    private Reply createBackup(Call call, String serverId, JsonNode argument) {
        Schema.object(argument, "createBackup");
        Schema.onlyKeys(argument, "createBackup", Set.of("name", "backup_type", "rotation", "metadata"));
        Schema.required(argument, "createBackup", "name");
        Schema.required(argument, "createBackup", "backup_type");
        Schema.required(argument, "createBackup", "rotation");
        String name = Schema.string(argument, "name", false, 1, 255);
        String backupType = Schema.string(argument, "backup_type", false, 0, Integer.MAX_VALUE);
        int rotation = Schema.integer(argument, "rotation", 0);
        Map<String, String> metadata = argument.has("metadata")
                ? MetadataSchema.items(argument.get("metadata"), "metadata", 0, Integer.MAX_VALUE) : Map.of();
        Receipt receipt = simulation.cloud().execute(call.caller(), new CreateServerBackup(serverId, name,
                backupType, rotation, metadata, !call.atLeast(39)), call.requestId());
        String imageId = receipt.image().id();
        if (call.atLeast(45)) {
            return Reply.json(202, Json.object("image_id", imageId));
        }
        Reply accepted = Reply.empty(202);
        return rotation > 0 ? accepted.withHeader("Location", call.base() + "/v2.1/images/" + imageId) : accepted;
    }

    private Reply rescue(Call call, String serverId) {
        Receipt receipt = simulation.cloud().execute(call.caller(), new Perform(serverId, Operation.RESCUE),
                call.requestId());
        return Reply.ok(Json.object("adminPass", receipt.adminPass()));
    }

    /** The host a migrate asks for: from 2.56 the body may name one (or null); before, the argument is ignored. */
    private static String migrateHost(Call call, JsonNode argument) {
        if (!call.atLeast(56) || argument == null || argument.isNull()) {
            return null;
        }
        Schema.object(argument, "migrate");
        Schema.onlyKeys(argument, "migrate", Set.of("host"));
        return Schema.string(argument, "host", true, 1, 255);
    }

    /**
     * The host an {@code os-migrateLive} asks for, its body checked as the microversion's schema has it:
     * {@code block_migration} and {@code host} required (and {@code disk_over_commit} before 2.25), {@code "auto"}
     * from 2.25, {@code force} from 2.30 to 2.67 (only with a host).
     */
    private static String liveMigrateHost(Call call, JsonNode argument) {
        Schema.object(argument, "os-migrateLive");
        Set<String> keys = call.atLeast(30) && !call.atLeast(68) ? Set.of("block_migration", "host", "force")
                : call.atLeast(25) ? Set.of("block_migration", "host")
                : Set.of("block_migration", "disk_over_commit", "host");
        Schema.onlyKeys(argument, "os-migrateLive", keys);
        Schema.required(argument, "os-migrateLive", "block_migration");
        if (!call.atLeast(25)) {
            Schema.required(argument, "os-migrateLive", "disk_over_commit");
            Schema.bool(argument, "disk_over_commit");
        }
        Schema.required(argument, "os-migrateLive", "host");
        JsonNode block = argument.get("block_migration");
        if (!(call.atLeast(25) && block.isTextual() && block.textValue().equals("auto"))) {
            Schema.bool(argument, "block_migration");
        }
        String host = Schema.string(argument, "host", true, 1, 255);
        if (keys.contains("force") && Boolean.TRUE.equals(Schema.bool(argument, "force")) && host == null) {
            throw Refusal.FORCE_WITHOUT_HOST.exception();
        }
        return host;
    }

    /**
     * An evacuation: 200, with the new password below 2.14 (where {@code onSharedStorage} is required), and no body
     * from 2.14 on ({@code force} from 2.29, only with a host).
     */
    private Reply evacuate(Call call, String serverId, JsonNode argument) {
        Schema.object(argument, "evacuate");
        Set<String> keys = call.atLeast(29) ? Set.of("host", "adminPass", "force")
                : call.atLeast(14) ? Set.of("host", "adminPass") : Set.of("host", "adminPass", "onSharedStorage");
        Schema.onlyKeys(argument, "evacuate", keys);
        if (!call.atLeast(14)) {
            Schema.required(argument, "evacuate", "onSharedStorage");
            Schema.bool(argument, "onSharedStorage");
        }
        String host = Schema.string(argument, "host", false, 1, 255);
        String adminPass = Schema.string(argument, "adminPass", false, 0, Integer.MAX_VALUE);
        if (call.atLeast(29) && Boolean.TRUE.equals(Schema.bool(argument, "force")) && host == null) {
            throw Refusal.FORCE_WITHOUT_HOST.exception();
        }
        Receipt receipt = simulation.cloud().execute(call.caller(), new EvacuateServer(serverId, host, adminPass),
                call.requestId());
        return call.atLeast(14) ? Reply.empty(200) : Reply.ok(Json.object("adminPass", receipt.adminPass()));
    }

    /** The resize's flavor, as Nova's schema takes it (a string or an integer) and reads it (a link's last part). */
    private static String flavorRef(JsonNode argument) {
        Schema.object(argument, "resize");
        Schema.onlyKeys(argument, "resize", Set.of("flavorRef", "OS-DCF:diskConfig"));
        JsonNode flavorRef = Schema.required(argument, "resize", "flavorRef");
        Schema.oneOf(argument, "OS-DCF:diskConfig", List.of("AUTO", "MANUAL"));
        if (!flavorRef.isTextual() && !flavorRef.isIntegralNumber()) {
            throw Schema.fail("flavorRef", flavorRef, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(flavorRef),
                    "'string', 'integer'"));
        }
        String ref = flavorRef.asText();
        if (flavorRef.isTextual() && ref.isEmpty()) {
            throw Schema.fail("flavorRef", flavorRef, Refusal.Reason.TOO_SHORT.text(Schema.repr(flavorRef)));
        }
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Operation rebootType(JsonNode argument) {
        Schema.object(argument, "reboot");
        Schema.onlyKeys(argument, "reboot", Set.of("type"));
        Schema.required(argument, "reboot", "type");
        String type = Schema.oneOf(argument, "type", List.of("HARD", "Hard", "hard", "SOFT", "Soft", "soft"));
        return type.equalsIgnoreCase("HARD") ? Operation.REBOOT_HARD : Operation.REBOOT_SOFT;
    }

    private static String lockReason(Call call, JsonNode argument) {
        if (argument == null || argument.isNull() || !call.atLeast(73)) {
            return null;
        }
        Schema.object(argument, "lock");
        Schema.onlyKeys(argument, "lock", Set.of("locked_reason"));
        return Schema.string(argument, "locked_reason", false, 1, 255);
    }

    /**
     * {@code length} of {@code os-getConsoleOutput}, as Nova's schema takes it: an integer from -1, a string of
     * digits naming one, or null; null when absent.
     */
    private static Integer consoleLength(JsonNode argument) {
        Schema.object(argument, "os-getConsoleOutput");
        Schema.onlyKeys(argument, "os-getConsoleOutput", Set.of("length"));
        JsonNode length = argument.get("length");
        if (length == null || length.isNull()) {
            return null;
        }
        if (length.isTextual()) {
            if (!length.textValue().matches("-?[0-9]+")) {
                throw Schema.fail("length", length, Refusal.Reason.NO_MATCH.text(Schema.repr(length), "^-?[0-9]+$"));
            }
            // Nova's validator reads a string of digits as the number for its minimum
            java.math.BigInteger number = new java.math.BigInteger(length.textValue());
            if (number.compareTo(java.math.BigInteger.valueOf(-1)) < 0) {
                throw Schema.fail("length", length, Refusal.Reason.BELOW_MINIMUM.text(length.textValue(), "-1"));
            }
            return clamp(number);
        }
        if (!length.isIntegralNumber()) {
            throw Schema.fail("length", length, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(length),
                    "'integer', 'string', 'null'"));
        }
        if (length.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(-1)) < 0) {
            throw Schema.fail("length", length, Refusal.Reason.BELOW_MINIMUM.text(Schema.repr(length), "-1"));
        }
        return clamp(length.bigIntegerValue());
    }

    /** A length past what any log has lines for means all of them (Python's ints have no limit). */
    private static int clamp(java.math.BigInteger length) {
        return length.max(java.math.BigInteger.valueOf(-Integer.MAX_VALUE))
                .min(java.math.BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    /** The new password (the simulator keeps none: no API shows it), checked as Nova's schema checks it. */
    private static String adminPass(JsonNode argument) {
        Schema.object(argument, "changePassword");
        Schema.onlyKeys(argument, "changePassword", Set.of("adminPass"));
        Schema.required(argument, "changePassword", "adminPass");
        return Schema.string(argument, "adminPass", false, 0, Integer.MAX_VALUE);
    }

    private static Operation resetState(JsonNode argument) {
        Schema.object(argument, "os-resetState");
        Schema.onlyKeys(argument, "os-resetState", Set.of("state"));
        Schema.required(argument, "os-resetState", "state");
        return Schema.oneOf(argument, "state", List.of("active", "error")).equals("active")
                ? Operation.RESET_STATE_ACTIVE : Operation.RESET_STATE_ERROR;
    }

    private static String imageRef(JsonNode argument, String action) {
        Schema.object(argument, action);
        Schema.required(argument, action, "imageRef");
        return Schema.string(argument, "imageRef", false, 1, 255);
    }
}
