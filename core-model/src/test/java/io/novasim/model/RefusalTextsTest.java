package io.novasim.model;

import io.novasim.model.error.ApiError;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Conflict;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The texts of nova-semantics.md §1.2, with the id, fault name and code each carries. */
class RefusalTextsTest {
    private static final String ID = "7a1c1d2e-3f40-4152-8364-7586978a9bfd";

    private static void assertFault(ComputeException e, Refusal refusal, int code, String name, String message) {
        assertThat(e.refusal()).isEqualTo(refusal);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.faultName()).isEqualTo(name);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void texts() {
        assertFault(Refusal.INSTANCE_NOT_FOUND.exception(ID), Refusal.INSTANCE_NOT_FOUND, 404, "itemNotFound",
                "Instance " + ID + " could not be found.");
        assertFault(Refusal.INSTANCE_INVALID_STATE.exception("detach_interface", ID, "task_state",
                        TaskState.REBOOTING), Refusal.INSTANCE_INVALID_STATE, 409, "conflictingRequest",
                "Cannot 'detach_interface' instance " + ID + " while it is in task_state rebooting");
        assertFault(Refusal.INSTANCE_INVALID_STATE.exception("pause", ID, "vm_state", VmState.SOFT_DELETED),
                Refusal.INSTANCE_INVALID_STATE, 409, "conflictingRequest",
                "Cannot 'pause' instance " + ID + " while it is in vm_state soft-delete");
        assertFault(Refusal.INSTANCE_NOT_LAUNCHED.exception(ID, "stop"), Refusal.INSTANCE_NOT_LAUNCHED, 409,
                "conflictingRequest", "Instance " + ID + " is in an invalid state for 'stop'");
        assertFault(Refusal.INSTANCE_LOCKED.exception(ID), Refusal.INSTANCE_LOCKED, 409, "conflictingRequest",
                "Instance " + ID + " is locked");
        assertFault(Refusal.POLICY_NOT_AUTHORIZED.exception("os_compute_api:os-volumes-attachments:swap"),
                Refusal.POLICY_NOT_AUTHORIZED, 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-volumes-attachments:swap to be performed.");
        assertFault(Refusal.NO_SUCH_ACTION.exception("fooBar"), Refusal.NO_SUCH_ACTION, 400, "badRequest",
                "There is no such action: fooBar");
        assertFault(Refusal.MALFORMED_BODY.exception(), Refusal.MALFORMED_BODY, 400, "badRequest",
                "Malformed request body");
        assertFault(Refusal.INVALID_INPUT.exception("port_id", "nope", Refusal.Reason.NOT_A_UUID.text("'nope'")),
                Refusal.INVALID_INPUT, 400, "badRequest",
                "Invalid input for field/attribute port_id. Value: nope. 'nope' is not a 'uuid'");
    }

    @Test
    void keypairAndServerCreateTexts() {
        assertFault(Refusal.KEYPAIR_EXISTS.exception("k1"), Refusal.KEYPAIR_EXISTS, 409, "conflictingRequest",
                "Key pair 'k1' already exists.");
        assertFault(Refusal.KEYPAIR_NOT_FOUND.exception("k1", "u1"), Refusal.KEYPAIR_NOT_FOUND, 404, "itemNotFound",
                "Keypair k1 not found for user u1");
        assertFault(Refusal.INVALID_KEY_NAME.exception(), Refusal.INVALID_KEY_NAME, 400, "badRequest",
                "Invalid key_name provided.");
        assertFault(Refusal.HOSTNAME_FOR_MULTIPLE_INSTANCES.exception(), Refusal.HOSTNAME_FOR_MULTIPLE_INSTANCES,
                400, "badRequest", "Unable to allocate a single hostname to multiple instances");
    }

    @Test
    void theStatusPicksTheExceptionsClassAndAStatusWithoutOneIsAnApiError() {
        assertThat(Refusal.INSTANCE_LOCKED.exception(ID)).isInstanceOf(Conflict.class);
        assertFault(Refusal.UNSUPPORTED_CONTENT_TYPE.exception(), Refusal.UNSUPPORTED_CONTENT_TYPE, 415,
                "badMediaType", "Unsupported Content-Type");
        assertThat(Refusal.UNSUPPORTED_CONTENT_TYPE.exception()).isInstanceOf(ApiError.class);
    }

    @Test
    void aFaultRulesErrorHasItsOwnIdAndTheRulesCodeFaultNameAndMessage() {
        assertFault(ApiError.ofFaultRule(503, "serviceUnavailable", "try later"), Refusal.FAULT_RULE_ERROR, 503,
                "serviceUnavailable", "try later");
        assertThatThrownBy(Refusal.FAULT_RULE_ERROR::exception).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void placeholdersAreFilledInOrderAndOnlyExactlyAsManyArgumentsAsThereArePlaceholders() {
        assertThat(Refusal.PROJECT_ID_MISMATCH.placeholders()).containsExactly("url_project", "token_project");
        assertThat(Refusal.PROJECT_ID_MISMATCH.message("a", "b")).isEqualTo(
                "Malformed request URL: URL's project_id 'a' doesn't match Context's project_id 'b'");
        assertThatThrownBy(() -> Refusal.PROJECT_ID_MISMATCH.message("a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROJECT_ID_MISMATCH takes 2");
        // An argument is never read as a placeholder, and braces that are no placeholder are text.
        assertThat(Refusal.INSTANCE_LOCKED.message("{server}")).isEqualTo("Instance {server} is locked");
        assertThat(Refusal.SECONDS_REQUIRED.placeholders()).isEmpty();
        assertThat(Refusal.SECONDS_REQUIRED.message()).isEqualTo("Give {\"seconds\": <non-negative number>}");
    }

    @Test
    void wireSpellingsRoundTrip() {
        for (TaskState t : TaskState.values()) {
            assertThat(TaskState.fromValue(t.value())).isEqualTo(t);
        }
        for (VmState v : VmState.values()) {
            assertThat(VmState.fromValue(v.value())).isEqualTo(v);
        }
        assertThat(TaskState.NONE).hasToString("None");
        assertThat(TaskState.POWERING_OFF.value()).isEqualTo("powering-off");
    }
}
