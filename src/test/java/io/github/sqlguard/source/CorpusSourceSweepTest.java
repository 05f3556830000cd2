package io.github.sqlguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.CorpusFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reads and classifies every file of the shared corpus of real migrations nobody on the team wrote. */
class CorpusSourceSweepTest {

    private static final List<String> CHANGELOG_INCLUDES =
            List.of("**/*.sql", "**/*.xml", "**/*.yaml", "**/*.yml", "**/*.json");

    @Test
    void everyCorpusFileIsReadAndClassified() throws IOException {
        Path corpus = CorpusFiles.folder();
        SourceScanner scanner = new SourceScanner(CHANGELOG_INCLUDES, List.of());
        SourceClassifier classifier = new SourceClassifier();

        ScanResult scan = scanner.scan(List.of(corpus), corpus);

        Map<SourceKind, Integer> byKind = new EnumMap<>(SourceKind.class);
        Map<String, Map<SourceKind, Integer>> byFolder = new TreeMap<>();
        int unreadable = 0;
        int decodeWarnings = 0;
        for (SourcePath file : scan.files()) {
            ReadResult read = SourceReader.read(file.file(), StandardCharsets.UTF_8);
            if (read instanceof ReadResult.Unreadable problem) {
                unreadable++;
                System.out.println("unreadable: " + file + ": " + problem.reason());
                continue;
            }
            ReadResult.Text text = (ReadResult.Text) read;
            if (text.decodeWarning().isPresent()) {
                decodeWarnings++;
                System.out.println("decode warning: " + file + ": " + text.decodeWarning().get().message());
            }
            SourceKind kind = classifier.classify(file, text.text()).kind();
            byKind.merge(kind, 1, Integer::sum);
            byFolder.computeIfAbsent(folderOf(file.relativePath()), folder -> new EnumMap<>(SourceKind.class))
                    .merge(kind, 1, Integer::sum);
        }
        System.out.println("corpus files: " + scan.files().size() + ", unreadable: " + unreadable
                + ", decode warnings: " + decodeWarnings + ", per kind: " + byKind);
        byFolder.forEach((folder, kinds) -> System.out.println("  " + folder + ": " + kinds));

        assertEquals(countMatchingFiles(corpus, scanner), scan.files().size(), "every corpus file is scanned");
        assertTrue(scan.problems().isEmpty(), scan.problems().toString());
        assertEquals(0, unreadable, "corpus files are text");
        assertTrue(byFolder.get("real/DSpace-DSpace").getOrDefault(SourceKind.FLYWAY_VERSIONED, 0) > 0, "Flyway scripts are found");
        assertTrue(byFolder.get("real/apache-fineract").getOrDefault(SourceKind.LIQUIBASE_XML, 0) > 0,
                "Liquibase XML changelogs are found");
        Map<SourceKind, Integer> liquibase = byFolder.get("real/liquibase-liquibase");
        assertTrue(liquibase.getOrDefault(SourceKind.LIQUIBASE_YAML, 0) > 0, "liquibase has YAML changelogs");
        assertTrue(liquibase.getOrDefault(SourceKind.LIQUIBASE_FORMATTED_SQL, 0) > 0, "liquibase has formatted SQL");
        // The sqlfluff fixtures' .yml files are parse trees, not changelogs.
        assertTrue(byKind.getOrDefault(SourceKind.OTHER, 0) > 0, "parse-tree YAML is OTHER");
    }

    /** The folder a corpus file belongs to: {@code real/<project>} or {@code sqlfluff/<dialect>}. */
    private static String folderOf(String relativePath) {
        String[] parts = relativePath.split("/");
        return parts.length > 2 ? parts[0] + "/" + parts[1] : parts[0];
    }

    private static long countMatchingFiles(Path corpus, SourceScanner scanner) throws IOException {
        return CorpusFiles.files(corpus, "").stream()
                .filter(file -> scanner.isSelected(corpus.relativize(file).toString().replace('\\', '/')))
                .count();
    }
}
