package io.novasim.state.command;

/** A request that may change the simulated cloud. Commands are values, so a log of them can be replayed. */
public sealed interface Command permits CreateServer, UpdateServer, Perform, LockServer, AttachInterface, DetachInterface,
        CreatePort, DeletePort, CreateVolume, DeleteVolume, AttachVolume, DetachVolume, UpdateVolumeAttachment,
        AttachMedia, DetachMedia, CreateKeypair, DeleteKeypair, SetServerMetadata, DeleteServerMetadata,
        UpdateServerTags, RebuildServer, CreateServerImage, DeleteImage, ResizeServer, CreateNetwork,
        DeleteNetwork, CreateSubnet, DeleteSubnet, MigrateServer, EvacuateServer, SetComputeServiceDown,
        LiveMigrateServer, CreateServerBackup, CreateSecurityGroup, DeleteSecurityGroup, CreateSecurityGroupRule,
        DeleteSecurityGroupRule, UpdatePort, CreateServerGroup, DeleteServerGroup,
        UpdateQuotas, DeleteQuotas, CreateImage, UploadImage, CallService, AnswerRoute {
    /** The server it acts on, or {@code null} when it acts on no existing server. */
    String serverId();
}
