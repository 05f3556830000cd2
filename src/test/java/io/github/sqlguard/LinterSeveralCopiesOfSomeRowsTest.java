package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column whose values several copies took to another table, each only from the rows its WHERE selects (one per kind
 * of row): a drop of the column still loses what none took, so it stays an error, and its finding names every copy,
 * for the reader to see whether together they took every row.
 */
class LinterSeveralCopiesOfSomeRowsTest {

    @TempDir
    Path project;

    @Test
    void theDropNamesEveryCopyOfSomeRows() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE node (id BIGINT PRIMARY KEY, kind VARCHAR(16), size BIGINT);
                CREATE TABLE usage (id BIGSERIAL PRIMARY KEY, node_id BIGINT, bytes BIGINT);
                """);
        TestProject.write(project, "db/V2__move.sql", """
                INSERT INTO usage (node_id, bytes) SELECT id, size FROM node WHERE kind = 'folder';
                INSERT INTO usage (node_id, bytes) SELECT id, size FROM node WHERE kind = 'set';
                ALTER TABLE node DROP COLUMN size;
                """);

        List<String> findings = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(List.of("ERROR ALTER TABLE node drops column size (values of size copied to usage at line 1, only"
                + " from the rows its WHERE selects; values of size copied to usage at line 2, only from the rows its"
                + " WHERE selects)"), findings);
    }

    @Test
    void aDropAfterManyCopiesNamesTheFirstThreeAndCountsTheRest() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE node (id BIGINT PRIMARY KEY, kind VARCHAR(16), size BIGINT, owner BIGINT);
                CREATE TABLE usage (id BIGSERIAL PRIMARY KEY, node_id BIGINT, bytes BIGINT);
                """);
        TestProject.write(project, "db/V2__move.sql", """
                INSERT INTO usage (node_id, bytes) SELECT id, size FROM node WHERE kind = 'a';
                INSERT INTO usage (node_id, bytes) SELECT id, size FROM node WHERE kind = 'b';
                INSERT INTO usage (node_id, bytes) SELECT id, size FROM node WHERE kind = 'c';
                INSERT INTO usage (node_id, bytes) SELECT id, size FROM node WHERE kind = 'd';
                INSERT INTO usage (node_id, bytes) SELECT id, size FROM node WHERE kind = 'e';
                ALTER TABLE node DROP COLUMN size;
                DROP TABLE node;
                """);

        List<String> findings = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().startsWith("drop-")).map(f -> f.severity() + " " + f.message()).toList();

        String some = ", only from the rows its WHERE selects";
        assertEquals(List.of("ERROR ALTER TABLE node drops column size (values of size copied to usage at line 1" + some
                + "; values of size copied to usage at line 2" + some + "; values of size copied to usage at line 3"
                + some + "; and 2 more copies of some of its values)",
                "ERROR DROP TABLE removes table node and all its rows (values of id, size copied to usage at line 1"
                        + some + "; columns kind, owner not copied to usage; values of id, size copied to usage at"
                        + " line 2" + some + "; columns kind, owner not copied to usage; values of id, size copied to"
                        + " usage at line 3" + some + "; columns kind, owner not copied to usage; and 2 more copies of"
                        + " some of its values)"), findings);
    }
}
