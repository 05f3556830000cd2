package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL and MySQL accept the query of an INSERT in parentheses, {@code INSERT INTO t (id, name) (SELECT id, name
 * FROM t_old)}: a table rebuilt through a renamed copy (as some upgrade scripts do) copies its rows back so, and the
 * drop of the copy afterwards loses only what that copy leaves out.
 */
class LinterParenthesizedCopyTest {

    private static final String REBUILD = """
            ALTER TABLE node RENAME TO t_node;
            CREATE TABLE node (id bigint NOT NULL, version bigint NOT NULL, type_id bigint NOT NULL, PRIMARY KEY (id));
            INSERT INTO node (id, version, type_id)
            %s;
            DROP TABLE t_node;
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            (SELECT id, version, (CASE WHEN deleted THEN 5 ELSE type_id END) FROM t_node) | INFO  | rows copied to node
            ((SELECT id, version, type_id FROM t_node))                       | ERROR | leaves out column deleted
            (SELECT id, version, type_id FROM t_node WHERE id > 10)           | ERROR | removes table t_node
            """)
    void theDropOfTheRenamedCopyAfterAParenthesizedCopyBack(String query, Severity expected, String note)
            throws IOException {
        write("db/V1__init.sql", "CREATE TABLE node (id bigint NOT NULL, version bigint NOT NULL,"
                + " type_id bigint NOT NULL, deleted boolean NOT NULL, PRIMARY KEY (id));\n");
        write("db/V2__rebuild.sql", REBUILD.formatted(query));

        List<Finding> drops = lint().stream().filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(5, drops.get(0).location().line());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains(note), drops.get(0).message());
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private List<Finding> lint() {
        return ProjectLint.findings(project, Dialect.POSTGRESQL);
    }
}
