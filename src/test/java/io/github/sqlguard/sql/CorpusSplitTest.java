package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Splits every .sql file of the shared corpus, with AUTO and with the dialect its folder implies. */
class CorpusSplitTest {

    @Test
    void splitsTheWholeCorpusWithoutExceptions() throws IOException {
        Path corpus = Path.of(System.getProperty("sqlguard.corpus", "../shared/corpus"));
        Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus not found at " + corpus.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        List<String> texts = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            bytes += content.length;
            texts.add(new String(content, StandardCharsets.UTF_8));
        }
        for (boolean folderDialect : new boolean[] {false, true}) {
            long started = System.nanoTime();
            long statements = 0;
            long inner = 0;
            int lexErrors = 0;
            for (int i = 0; i < files.size(); i++) {
                Dialect dialect = folderDialect ? dialectOf(corpus.relativize(files.get(i))) : Dialect.AUTO;
                Script script = new StatementSplitter(dialect, Placeholders.DEFAULT)
                        .split(files.get(i).toString(), texts.get(i));
                statements += script.statements().size();
                inner += script.statements().stream().filter(s -> s.context().kind() != StatementContext.Kind.SCRIPT)
                        .count();
                lexErrors += script.lexError().isPresent() ? 1 : 0;
                for (Statement statement : script.statements()) {
                    assertTrue(!statement.tokens().isEmpty() && !statement.sql().isBlank(), files.get(i).toString());
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("corpus split (%s): %d files, %.1f MB, %d statements (%d inside blocks/bodies), "
                    + "%d lex errors, %d ms%n", folderDialect ? "folder dialects" : "auto", files.size(),
                    bytes / 1e6, statements, inner, lexErrors, millis);
        }
        assertEquals(files.size(), texts.size());
    }

    private static Dialect dialectOf(Path relative) {
        String path = relative.toString().replace('\\', '/');
        if (path.startsWith("sqlfluff/postgres/")) {
            return Dialect.POSTGRESQL;
        } else if (path.startsWith("sqlfluff/mysql/")) {
            return Dialect.MYSQL;
        } else if (path.startsWith("sqlfluff/mariadb/")) {
            return Dialect.MARIADB;
        } else if (path.startsWith("sqlfluff/tsql/")) {
            return Dialect.SQLSERVER;
        } else if (path.startsWith("sqlfluff/oracle/")) {
            return Dialect.ORACLE;
        } else if (path.startsWith("sqlfluff/sqlite/")) {
            return Dialect.SQLITE;
        }
        return Dialect.AUTO;
    }
}
