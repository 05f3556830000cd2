package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.sqlguard.source.SourcePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapExhaustedExceptionTest {

    @TempDir
    Path folder;

    @Test
    void namesTheHeapTheLargestFileAndWhatToChange() throws IOException {
        SourcePath small = write("V1__schema.sql", 1024);
        SourcePath large = write("V2__load_prices.sql", 3 * 1024 * 1024);
        OutOfMemoryError cause = new OutOfMemoryError("Java heap space");

        HeapExhaustedException exception = HeapExhaustedException.of(List.of(small, large), 256L * 1024 * 1024, cause);

        assertEquals("sqlguard ran out of memory: the Java heap of this build (at most 256.0 MB) cannot hold the"
                + " analysis of these migrations. The largest of the 2 scanned file(s) is db/V2__load_prices.sql"
                + " (3.0 MB); analysing it takes about 90.0 MB of heap. Give Maven more heap (for example"
                + " MAVEN_OPTS=-Xmx2g, or -Xmx2g in .mvn/jvm.config), or lower maxFileSizeMb so that files above it"
                + " are reported as unreadable instead of read.", exception.getMessage());
        assertSame(cause, exception.getCause());
    }

    @Test
    void withoutFilesSaysOnlyTheHeap() {
        HeapExhaustedException exception = HeapExhaustedException.of(List.of(), 64L * 1024 * 1024,
                new OutOfMemoryError());

        assertEquals("sqlguard ran out of memory: the Java heap of this build (at most 64.0 MB) cannot hold the"
                + " analysis of these migrations. Give Maven more heap (for example MAVEN_OPTS=-Xmx2g, or -Xmx2g in"
                + " .mvn/jvm.config), or lower maxFileSizeMb so that files above it are reported as unreadable"
                + " instead of read.", exception.getMessage());
    }

    private SourcePath write(String name, int bytes) throws IOException {
        Path file = folder.resolve("db").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
        return new SourcePath(file, "db/" + name, folder.resolve("db"), name);
    }
}
