package com.example.volumes;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.ActionResponse;

import java.time.Duration;

/**
 * A deliberately naive detacher, kept to show what a fault sweep finds: it takes the detach's 202 as "done", waits
 * the few seconds a detach usually takes, and never looks at the volume. It works every day; {@code
 * VolumeDetacherSweepTest} proves where it breaks.
 */
public final class NaiveVolumeDetacher {
    private final OSClientV3 os;
    private final VolumeDetacher.Pause pause;

    public NaiveVolumeDetacher(OSClientV3 os, VolumeDetacher.Pause pause) {
        this.os = os;
        this.pause = pause;
    }

    /** Detaches the volume, or throws when the cloud refuses. */
    public void detach(String serverId, String volumeId) {
        ActionResponse response = os.compute().servers().detachVolume(serverId, volumeId);
        if (!response.isSuccess()) {
            throw new IllegalStateException("detach failed: " + response.getCode() + " " + response.getFault());
        }
        pause.pause(Duration.ofSeconds(5));
    }
}
