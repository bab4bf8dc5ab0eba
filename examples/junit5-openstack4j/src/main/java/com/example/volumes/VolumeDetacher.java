package com.example.volumes;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.storage.block.Volume;

import java.time.Duration;

/**
 * The "user code" under test: detach a volume from a server, retrying while the cloud answers 409 (the server is busy)
 * or 503 (the service is), then wait until the volume is no longer attached.
 */
public final class VolumeDetacher {
    /** Waits between attempts; production sleeps, a test moves a simulated clock instead. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration);

        Pause SLEEP = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    private final OSClientV3 os;
    private final Pause pause;
    private final int attempts;

    public VolumeDetacher(OSClientV3 os, Pause pause, int attempts) {
        this.os = os;
        this.pause = pause;
        this.attempts = attempts;
    }

    /** Returns how many detach requests it took; throws when it gives up. */
    public int detach(String serverId, String volumeId) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            ActionResponse response = os.compute().servers().detachVolume(serverId, volumeId);
            if (!response.isSuccess() && response.getCode() != 409 && response.getCode() != 503) {
                throw new IllegalStateException("detach failed: " + response.getCode() + " " + response.getFault());
            }
            // openstack4j 3.12 reports a 503 on this call as a success (found by the fault-injection test), so the
            // volume's own status says whether the detach started.
            if (response.isSuccess() && os.blockStorage().volumes().get(volumeId).getStatus() != Volume.Status.IN_USE) {
                waitUntilDetached(serverId, volumeId);
                return attempt;
            }
            pause.pause(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("gave up after " + attempts + " attempts");
    }

    private void waitUntilDetached(String serverId, String volumeId) {
        for (int poll = 0; poll < 60; poll++) {
            if (!os.compute().servers().get(serverId).getOsExtendedVolumesAttached().contains(volumeId)) {
                return;
            }
            pause.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("volume " + volumeId + " is still attached");
    }
}
