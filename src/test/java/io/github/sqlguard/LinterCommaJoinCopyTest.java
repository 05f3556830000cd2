package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A copy that reads two tables listed in its FROM ({@code FROM dataset d, dvobject o WHERE o.id = d.id}, the join
 * written before SQL-92) is the copy of the inner join whose condition is the WHERE's terms tying the two tables
 * together: its drops get the notes and guards the {@code JOIN .. ON} form gets. Tables tied by no term are a cross
 * join; the WHERE's other terms filter the joined rows, as they would after {@code JOIN .. ON}.
 */
class LinterCommaJoinCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FROM dataset d, dvobject o WHERE o.id = d.id                             | FROM dataset d JOIN dvobject o ON o.id = d.id                             | guarded: values of b copied to t2 at line 1
            FROM dataset AS d, public.dvobject AS o WHERE (d.id = o.id)              | FROM dataset AS d JOIN public.dvobject AS o ON d.id = o.id                | guarded: values of b copied to t2 at line 1
            FROM dvobject o, dataset d WHERE o.id = d.id                             | FROM dvobject o JOIN dataset d ON o.id = d.id                             | only from the rows its join with dataset matches
            FROM dataset d, dvobject o WHERE o.id = d.id AND d.b IS NOT NULL         | FROM dataset d JOIN dvobject o ON o.id = d.id WHERE d.b IS NOT NULL       | guarded: values of b copied to t2 at line 1
            FROM dataset d, dvobject o WHERE d.c = 'x' AND o.id = d.id               | FROM dataset d JOIN dvobject o ON o.id = d.id WHERE d.c = 'x'             | only from the rows its WHERE selects
            FROM dataset d, dvobject o                                               | FROM dataset d CROSS JOIN dvobject o                                      | only from the rows its join with dvobject matches
            FROM dataset d, dvobject o WHERE o.a = 'x'                               | FROM dataset d CROSS JOIN dvobject o WHERE o.a = 'x'                      | only from the rows its join with dvobject and its WHERE select
            FROM dataset d, dvobject o WHERE o.id = d.id OR d.c IS NULL              | FROM dataset d CROSS JOIN dvobject o WHERE o.id = d.id OR d.c IS NULL     | only from the rows its join with dvobject and its WHERE select
            FROM dataset d, dvobject o, owner w WHERE o.id = d.id AND w.id = o.id    | FROM dataset d JOIN dvobject o ON o.id = d.id JOIN owner w ON w.id = o.id | only from the rows its join with owner matches
            """)
    void aCommaJoinIsReadAsTheJoinItWrites(String commaJoin, String join, String note) throws IOException {
        List<String> written = drops(commaJoin);

        assertEquals(drops(join), written);
        assertTrue(written.stream().anyMatch(finding -> finding.contains(note)), written.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FROM dataset d, dvobject o WHERE o.id = d.id              | FROM dataset d JOIN dvobject o ON o.id = d.id
            FROM dataset d, dvobject o WHERE o.id = d.id AND o.a > '' | FROM dataset d JOIN dvobject o ON o.id = d.id WHERE o.a > ''
            """)
    void aCommaJoinOfTablesTheMigrationsDoNotCreateIsReadAsTheJoinItWrites(String commaJoin, String join)
            throws IOException {
        String schema = "CREATE TABLE t2 (id bigint PRIMARY KEY, a text, b text);";
        List<String> written = drops(schema, commaJoin);

        assertEquals(drops(schema, join), written);
        assertTrue(written.get(0).contains("(values of b copied to t2 at line 1, only from the rows its join with"
                + " dvobject"), written.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FROM dataset d, dvobject o WHERE d.id = o.id(+)
            FROM dataset d, dvobject o WHERE o.id (+) = d.id AND d.c > 0
            """)
    void anOracleOuterJoinMarkKeepsTheCommaJoinFromBeingReadAsAnInnerJoin(String commaJoin) throws IOException {
        List<String> written = drops(Dialect.ORACLE, SCHEMA, commaJoin);

        assertEquals(3, written.size(), written.toString());
        assertTrue(written.stream().allMatch(finding -> finding.contains(" ERROR ")
                && !finding.contains("its join with dvobject")), written.toString());
    }

    private static final String SCHEMA = """
            CREATE TABLE dvobject (id NUMBER PRIMARY KEY, a VARCHAR2(10));
            CREATE TABLE dataset (id NUMBER NOT NULL PRIMARY KEY REFERENCES dvobject (id), b VARCHAR2(10), c NUMBER);
            CREATE TABLE t2 (id NUMBER PRIMARY KEY, a VARCHAR2(10), b VARCHAR2(10));
            """;

    private List<String> drops(String from) throws IOException {
        return drops("""
                CREATE TABLE dvobject (id bigint PRIMARY KEY, a text);
                CREATE TABLE owner (id bigint PRIMARY KEY, name text);
                CREATE TABLE dataset (id bigint NOT NULL PRIMARY KEY REFERENCES dvobject (id), b text, c text);
                CREATE TABLE t2 (id bigint PRIMARY KEY, a text, b text);
                """, from);
    }

    private List<String> drops(String schema, String from) throws IOException {
        return drops(Dialect.POSTGRESQL, schema, from);
    }

    private List<String> drops(Dialect dialect, String schema, String from) throws IOException {
        TestProject.write(project, "db/V1__init.sql", schema);
        TestProject.write(project, "db/V2__copy.sql", """
                INSERT INTO t2 (id, a, b) SELECT d.id, o.a, d.b %s;
                ALTER TABLE dataset DROP COLUMN b;
                ALTER TABLE dvobject DROP COLUMN a;
                DROP TABLE dataset;
                """.formatted(from));
        return ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().startsWith("drop-")).map(LinterCommaJoinCopyTest::described).toList();
    }

    private static String described(Finding finding) {
        return finding.location().line() + ":" + finding.location().column() + " " + finding.ruleId() + " "
                + finding.severity() + " " + finding.message();
    }
}
