package io.github.sqlguard.source;

import java.util.Objects;

/**
 * Which bytes a text was read from: the file's size and modification time as they were when it was opened, and
 * the {@link io.github.sqlguard.model.ContentHash} of the bytes read. The analysis cache compares these with the next run's, so a file is never read
 * a second time just to learn whether it changed.
 *
 * @param size the file's size in bytes when it was opened
 * @param modifiedNanos its modification time then, in nanoseconds since the epoch
 * @param contentHash the hash of the bytes read, as lower-case hex
 */
public record ReadStamp(long size, long modifiedNanos, String contentHash) {

    public ReadStamp {
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
