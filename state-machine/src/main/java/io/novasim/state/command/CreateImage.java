package io.novasim.state.command;

import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /image/v2/images}: a Glance image record, queued until its data is uploaded ({@link UploadImage}).
 *
 * @param imageId         the id the request chose, or {@code null} for a new one
 * @param name            {@code null} when the request gives none
 * @param diskFormat      {@code null} until set
 * @param containerFormat {@code null} until set
 * @param visibility      {@code private}, {@code shared} (Glance's default), {@code community} or {@code public}
 * @param properties      the extra properties, as Glance keeps them (strings)
 */
public record CreateImage(String imageId, String name, String diskFormat, String containerFormat, String visibility,
                          int minDiskGb, int minRamMb, Map<String, String> properties) implements Command {
    public CreateImage {
        Objects.requireNonNull(visibility, "visibility");
        properties = Map.copyOf(properties);
    }

    @Override
    public String serverId() {
        return null;
    }
}
