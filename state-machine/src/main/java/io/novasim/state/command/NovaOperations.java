package io.novasim.state.command;

import io.novasim.state.rules.Operation;

/** Which of Nova's operations a command is the call of, by the names fault rules use: the journal names it so. */
public final class NovaOperations {

    private NovaOperations() {
    }

    /**
     * The operation a command calls, or null for a command of another service or of no operation of the table
     * (metadata, tags, key pairs, ports, volumes themselves).
     *
     * @param command a command, accepted or refused
     * @return the operation, or null
     */
    public static Operation of(Command command) {
        if (command instanceof Perform perform) {
            return perform.operation();
        } else if (command instanceof CreateServer) {
            return Operation.CREATE;
        } else if (command instanceof LockServer) {
            return Operation.LOCK;
        } else if (command instanceof AttachInterface) {
            return Operation.ATTACH_INTERFACE;
        } else if (command instanceof DetachInterface) {
            return Operation.DETACH_INTERFACE;
        } else if (command instanceof AttachVolume) {
            return Operation.ATTACH_VOLUME;
        } else if (command instanceof DetachVolume) {
            return Operation.DETACH_VOLUME;
        } else if (command instanceof UpdateVolumeAttachment update) {
            // before 2.85 every PUT of an attachment is a swap; from it, one that names the same volume updates it
            boolean swap = update.microversion() < UpdateVolumeAttachment.UPDATE_IN_PLACE
                    || !update.newVolumeId().equals(update.volumeId());
            return swap ? Operation.SWAP_VOLUME : null;
        } else if (command instanceof AttachMedia) {
            return Operation.MEDIA_ATTACH;
        } else if (command instanceof DetachMedia) {
            return Operation.MEDIA_DETACH;
        } else if (command instanceof RebuildServer) {
            return Operation.REBUILD;
        } else if (command instanceof ResizeServer) {
            return Operation.RESIZE;
        } else if (command instanceof CreateServerImage) {
            return Operation.CREATE_IMAGE;
        } else if (command instanceof CreateServerBackup) {
            return Operation.CREATE_BACKUP;
        } else if (command instanceof MigrateServer) {
            return Operation.MIGRATE;
        } else if (command instanceof LiveMigrateServer) {
            return Operation.LIVE_MIGRATE;
        } else if (command instanceof EvacuateServer) {
            return Operation.EVACUATE;
        }
        return null;
    }
}
