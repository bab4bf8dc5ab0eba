package io.novasim.state.command;

/**
 * A root volume Nova makes for a boot ({@code block_device_mapping_v2} of source {@code image} or {@code blank},
 * destination {@code volume}, boot index 0).
 *
 * @param imageId             the image it is made from, or {@code null} for a blank volume
 * @param sizeGb              its size; Nova refuses less than 1
 * @param deleteOnTermination whether deleting the server deletes it
 */
public record NewRootVolume(String imageId, int sizeGb, boolean deleteOnTermination) {
}
