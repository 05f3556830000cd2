package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A copy by column list through {@code SELECT DISTINCT} or PostgreSQL's {@code SELECT DISTINCT ON (..)} with a WHERE
 * keeps only some rows; the drop of a column it took says where the values went. A DISTINCT ON whose columns include
 * the source's key (the one the target's primary key is filled from, when the migrations do not create the source)
 * merges no rows: the copy is the copy of every row its WHERE selects.
 */
class LinterDistinctCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT DISTINCT d.id, d.b FROM dataset d WHERE b IS NOT NULL                | ERROR   | values of b copied to t2 at line 1, only from the rows its DISTINCT picks, one of each set of equal rows, among those its WHERE selects
            SELECT DISTINCT ON (b) d.id, d.b FROM dataset d WHERE b IS NOT NULL         | ERROR   | values of b copied to t2 at line 1, only from the rows its DISTINCT ON picks, one per value of b, among those its WHERE selects
            SELECT DISTINCT d.id, d.b FROM dataset d JOIN owner o ON o.id = d.owner_id | ERROR   | values of b copied to t2 at line 1, only from the rows its DISTINCT picks, one of each set of equal rows, among those its join with owner matches
            SELECT DISTINCT ON (b, id) d.id, d.b FROM dataset d WHERE b IS NOT NULL     | WARNING | values of b copied to t2 at line 1 beside id; sqlguard does not know the key of dataset, so check that id tells its rows apart
            SELECT DISTINCT ON (d.b, d.id) d.id, d.b FROM dataset d WHERE d.b IS NOT NULL | WARNING | values of b copied to t2 at line 1 beside id; sqlguard does not know the key of dataset, so check that id tells its rows apart
            """)
    void aDistinctCopyFromATableTheMigrationsDoNotCreateIsNamedByTheDropOfItsColumn(String query, String severity,
            String note) throws IOException {
        List<Finding> drops = drops("CREATE TABLE t2 (id bigint PRIMARY KEY, b text);", query);

        assertEquals(severity + " ALTER TABLE dataset drops column b (" + note + ")", described(drops.get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT DISTINCT d.id, d.b FROM dataset d                                  | ERROR | values of b copied to t2 at line 1, only from the rows its DISTINCT picks, one of each set of equal rows
            SELECT DISTINCT d.id, d.b FROM dataset d WHERE b IS NOT NULL              | ERROR | values of b copied to t2 at line 1, only from the rows its DISTINCT picks, one of each set of equal rows, among those its WHERE selects
            SELECT DISTINCT ON (b) d.id, d.b FROM dataset d WHERE b IS NOT NULL       | ERROR | values of b copied to t2 at line 1, only from the rows its DISTINCT ON picks, one per value of b, among those its WHERE selects
            SELECT DISTINCT ON (b, id) d.id, d.b FROM dataset d WHERE d.c > 0         | ERROR | values of b copied to t2 at line 1, only from the rows its WHERE selects
            """)
    void aDistinctCopyFromATableTheMigrationsCreateIsNamedByTheDropOfItsColumn(String query, String severity,
            String note) throws IOException {
        List<Finding> drops = drops("""
                CREATE TABLE owner (id bigint PRIMARY KEY);
                CREATE TABLE dataset (id bigint PRIMARY KEY, owner_id bigint, b text, c int);
                CREATE TABLE t2 (id bigint PRIMARY KEY, b text);
                """, query);

        assertEquals(severity + " ALTER TABLE dataset drops column b (" + note + ")", described(drops.get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT DISTINCT ON (b, id) d.id, d.b FROM dataset d WHERE b IS NOT NULL | SELECT d.id, d.b FROM dataset d WHERE b IS NOT NULL
            SELECT DISTINCT ON (b, id) d.id, d.b FROM dataset d WHERE d.c > 0       | SELECT d.id, d.b FROM dataset d WHERE d.c > 0
            """)
    void aDistinctOnTheSourcesKeyIsTheCopyOfEveryRowItsWhereSelects(String distinct, String plain)
            throws IOException {
        String schema = """
                CREATE TABLE dataset (id bigint PRIMARY KEY, b text, c int);
                CREATE TABLE t2 (id bigint PRIMARY KEY, b text);
                """;
        List<String> written = drops(schema, distinct).stream().map(LinterDistinctCopyTest::described).toList();

        assertEquals(drops(schema, plain).stream().map(LinterDistinctCopyTest::described).toList(), written);
    }

    private List<Finding> drops(String schema, String query) throws IOException {
        TestProject.write(project, "db/V1__init.sql", schema);
        TestProject.write(project, "db/V2__copy.sql", """
                INSERT INTO t2 (id, b) %s;
                ALTER TABLE dataset DROP COLUMN b;
                DROP TABLE dataset;
                """.formatted(query));
        return ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().startsWith("drop-")).toList();
    }

    private static String described(Finding finding) {
        return finding.severity() + " " + finding.message();
    }
}
