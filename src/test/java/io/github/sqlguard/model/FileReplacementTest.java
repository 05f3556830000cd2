package io.github.sqlguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplacementTest {

    @TempDir
    Path folder;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("target"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheFileAndItsFolderAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = folder.resolve("target/cache.bin");

        FileReplacement.replace(file, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        FileReplacement.replace(file, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));

        assertEquals("second", Files.readString(file));
        assertEquals(List.of("cache.bin"), names());
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAsItWas() throws IOException {
        Path file = folder.resolve("target/cache.bin");
        FileReplacement.replace(file, out -> out.write("kept".getBytes(StandardCharsets.UTF_8)));

        assertThrows(IOException.class, () -> FileReplacement.replace(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals("kept", Files.readString(file));
        assertEquals(List.of("cache.bin"), names());
    }
}
