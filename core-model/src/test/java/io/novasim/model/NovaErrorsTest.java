package io.novasim.model;

import io.novasim.model.error.ComputeException;
import io.novasim.model.error.NovaErrors;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The texts of nova-semantics.md §1.2, with the fault name and code each carries. */
class NovaErrorsTest {
    private static final String ID = "7a1c1d2e-3f40-4152-8364-7586978a9bfd";

    private static void assertFault(ComputeException e, int code, String name, String message) {
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.faultName()).isEqualTo(name);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void texts() {
        assertFault(NovaErrors.instanceNotFound(ID), 404, "itemNotFound", "Instance " + ID + " could not be found.");
        assertFault(NovaErrors.invalidState("detach_interface", ID, "task_state", TaskState.REBOOTING), 409,
                "conflictingRequest",
                "Cannot 'detach_interface' instance " + ID + " while it is in task_state rebooting");
        assertFault(NovaErrors.invalidState("pause", ID, "vm_state", VmState.SOFT_DELETED), 409,
                "conflictingRequest", "Cannot 'pause' instance " + ID + " while it is in vm_state soft-delete");
        assertFault(NovaErrors.invalidState("stop", ID, "launched_at", null), 409, "conflictingRequest",
                "Instance " + ID + " is in an invalid state for 'stop'");
        assertFault(NovaErrors.locked(ID), 409, "conflictingRequest", "Instance " + ID + " is locked");
        assertFault(NovaErrors.policyForbids("os_compute_api:os-volumes-attachments:swap"), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-volumes-attachments:swap to be performed.");
        assertFault(NovaErrors.noSuchAction("fooBar"), 400, "badRequest", "There is no such action: fooBar");
        assertFault(NovaErrors.malformedBody(), 400, "badRequest", "Malformed request body");
        assertFault(NovaErrors.invalidInput("port_id", "nope", "'nope' is not a 'uuid'"), 400, "badRequest",
                "Invalid input for field/attribute port_id. Value: nope. 'nope' is not a 'uuid'");
    }

    @Test
    void keypairAndServerCreateTexts() {
        assertFault(NovaErrors.keypairExists("k1"), 409, "conflictingRequest", "Key pair 'k1' already exists.");
        assertFault(NovaErrors.keypairNotFound("k1", "u1"), 404, "itemNotFound", "Keypair k1 not found for user u1");
        assertFault(NovaErrors.invalidKeyName(), 400, "badRequest", "Invalid key_name provided.");
        assertFault(NovaErrors.hostnameForMultipleInstances(), 400, "badRequest",
                "Unable to allocate a single hostname to multiple instances");
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
