package io.github.sqlguard.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash that tells changed files and settings apart: stable, streaming, and different for near-equal input. */
class ContentHashTest {

    @Test
    void theSameContentHashesAlikeWhetherAddedAtOnceInPiecesOrReadFromAFile(@TempDir Path folder) throws IOException {
        byte[] bytes = "DELETE FROM customers WHERE id = 5;\n".repeat(5000).getBytes(UTF_8);
        Path file = Files.write(folder.resolve("V1__x.sql"), bytes);
        ContentHash pieces = new ContentHash();
        for (int offset = 0; offset < bytes.length; offset += 777) {
            pieces.add(bytes, offset, Math.min(777, bytes.length - offset));
        }

        assertEquals(ContentHash.of(bytes), pieces.hex());
        assertEquals(ContentHash.of(bytes), ContentHash.of(file));
        assertTrue(ContentHash.of(bytes).matches("[0-9a-f]{32}"), ContentHash.of(bytes));
    }

    @Test
    void everyOneCharacterEditOfAScriptAndEveryPrefixOfItHashesDifferently() {
        String script = "DELETE FROM customers WHERE id = 5;";
        Set<String> hashes = new HashSet<>();
        hashes.add(ContentHash.of(script));
        for (int i = 0; i < script.length(); i++) {
            for (char replacement : new char[] {' ', 'x', ';', '\u00e9'}) {
                if (script.charAt(i) != replacement) {
                    String edited = script.substring(0, i) + replacement + script.substring(i + 1);
                    assertTrue(hashes.add(ContentHash.of(edited)), edited);
                }
            }
            assertTrue(hashes.add(ContentHash.of(script.substring(0, i))), script.substring(0, i));
        }
    }

    @Test
    void swappedOrRepeatedContentHashesDifferently() {
        assertNotEquals(ContentHash.of("ab"), ContentHash.of("ba"));
        assertNotEquals(ContentHash.of(""), ContentHash.of("\0"));
        assertNotEquals(ContentHash.of("\0"), ContentHash.of("\0\0"));
        assertNotEquals(ContentHash.of("V1__a.sql\nV2__b.sql\n"), ContentHash.of("V2__b.sql\nV1__a.sql\n"));
    }
}
