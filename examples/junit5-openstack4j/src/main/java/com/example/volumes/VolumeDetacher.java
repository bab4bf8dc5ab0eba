package com.example.volumes;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.storage.block.Volume;

import java.time.Duration;

/**
 * The "user code" under test: detach a volume from a server, retrying while the cloud answers 409 (the server is busy),
 * 500 or 503, then wait until the volume is available; when the detach fails on the way (the volume comes back
 * in-use), send it again. It returns only once the volume is available, and says so when it gives up.
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

    private static final Duration POLL = Duration.ofSeconds(5);

    private final OSClientV3 os;
    private final Pause pause;
    private final int attempts;
    private final Duration patience;

    /** Waits up to 15 minutes for a detach to finish. */
    public VolumeDetacher(OSClientV3 os, Pause pause, int attempts) {
        this(os, pause, attempts, Duration.ofMinutes(15));
    }

    public VolumeDetacher(OSClientV3 os, Pause pause, int attempts, Duration patience) {
        this.os = os;
        this.pause = pause;
        this.attempts = attempts;
        this.patience = patience;
    }

    /** Returns how many detach requests it took; throws when it gives up. */
    public int detach(String serverId, String volumeId) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            ActionResponse response = os.compute().servers().detachVolume(serverId, volumeId);
            if (!response.isSuccess() && response.getCode() != 409 && response.getCode() != 500
                    && response.getCode() != 503) {
                throw new IllegalStateException("detach failed: " + response.getCode() + " " + response.getFault());
            }
            // openstack4j 3.12 reports a 503 on this call as a success (found by the fault-injection test), so the
            // volume's own status says whether the detach started, and then whether it finished.
            if (response.isSuccess()) {
                Volume.Status status = waitWhileDetaching(volumeId);
                if (status == Volume.Status.AVAILABLE) {
                    return attempt;
                }
                if (status == Volume.Status.DETACHING) {
                    throw new IllegalStateException("volume " + volumeId + " is still detaching after " + patience);
                }
                // IN_USE: the detach never started, or it failed on the way; send it again.
            }
            pause.pause(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("gave up after " + attempts + " attempts");
    }

    private Volume.Status waitWhileDetaching(String volumeId) {
        Volume.Status status = os.blockStorage().volumes().get(volumeId).getStatus();
        for (Duration waited = Duration.ZERO; status == Volume.Status.DETACHING && waited.compareTo(patience) < 0;
             waited = waited.plus(POLL)) {
            pause.pause(POLL);
            status = os.blockStorage().volumes().get(volumeId).getStatus();
        }
        return status;
    }
}
