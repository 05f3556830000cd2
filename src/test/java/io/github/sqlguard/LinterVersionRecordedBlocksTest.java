package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A script that records each release's version in a table as it goes is run one block at a time, the blocks
 * releases apart: what an earlier block created or added holds the application's rows when a later block destroys
 * it, while within one block a new table or column still holds nothing.
 */
class LinterVersionRecordedBlocksTest {

    private static final String CREATE = "CREATE TABLE schema_version (version_number int, comment varchar(255));\\n"
            + "CREATE TABLE task (id int, note text);\\n"
            + "INSERT INTO schema_version (version_number, comment) VALUES (1, 'Init');\\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a later block empties a table an earlier one created | DELETE FROM task;\\nINSERT INTO schema_version (version_number, comment) VALUES (2, 'x'); | delete-without-where ERROR 4:1 DELETE without WHERE removes every row of task (block that records version 2)
            a later block drops a table an earlier one created | DROP TABLE task;\\nINSERT INTO schema_version (version_number, comment) VALUES (2, 'x'); | drop-table ERROR 4:1 DROP TABLE removes table task and all its rows (block that records version 2)
            a later block drops a column an earlier one created | ALTER TABLE task DROP COLUMN note;\\nINSERT INTO schema_version VALUES (2, 'x'); | drop-column ERROR 4:18 ALTER TABLE task drops column note (block that records version 2)
            statements after the last recorded version | INSERT INTO schema_version VALUES (2, 'x');\\nTRUNCATE task; | truncate-table ERROR 5:1 TRUNCATE removes every row of table task (block after version 2)
            one block creates and drops its own table | CREATE TABLE tmp (id int);\\nDROP TABLE tmp;\\nINSERT INTO schema_version VALUES (2, 'x'); | -
            a backfill of a column the same block added | ALTER TABLE task ADD COLUMN done boolean;\\nUPDATE task SET done = false;\\nINSERT INTO schema_version VALUES ('2', 'x'); | update-without-where INFO 5:1 UPDATE without WHERE changes every row of task (guarded: column done was added earlier in this block and nothing has written it since) (block that records version 2)
            """)
    void eachRecordedVersionEndsARun(String name, String block, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings(CREATE + block));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one recorded version is one migration | CREATE TABLE t (id int);\\nDELETE FROM t;\\nINSERT INTO schema_version VALUES (1, 'x');
            rows of another table are no version records | CREATE TABLE t (id int);\\nINSERT INTO settings VALUES (1, 'x');\\nDROP TABLE t;\\nINSERT INTO settings VALUES (2, 'y');
            a version computed from a query records nothing known | CREATE TABLE t (id int);\\nINSERT INTO db_version VALUES (1 + 1);\\nDROP TABLE t;\\nINSERT INTO db_version VALUES (3 + 1);
            """)
    void scriptsThatRecordNoTwoVersionsStayOneRun(String name, String sql) throws IOException {
        assertEquals(List.of(), findings(sql));
    }

    private static final String KEPT = "CREATE TABLE info (DB_SCHEMA_VERSION VARCHAR(8));\\n"
            + "INSERT INTO info VALUES (\"1.0.0\");\\n"
            + "CREATE TABLE task (id int, note text);\\n"
            + "UPDATE info SET DB_SCHEMA_VERSION=\"1.1.0\";\\n";

    /**
     * A script that keeps its version in one row updates that row as each block ends: the column updated most often
     * records the releases, and an UPDATE that sets only version columns of that table to literals writes the tool's
     * row, as meant, whatever its WHERE; a version column of another table holds the application's values.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL | DROP TABLE task;\\nUPDATE info SET DB_SCHEMA_VERSION="1.2.0"; | drop-table ERROR 5:1 DROP TABLE removes table task and all its rows (block that records version 1.2.0) ## update-without-where INFO 6:1 UPDATE without WHERE changes every row of info (guarded: it sets DB_SCHEMA_VERSION to the version the script records as it goes) (block that records version 1.2.0)
            AUTO  | DROP TABLE task;\\nUPDATE info SET DB_SCHEMA_VERSION="1.2.0"; | drop-table ERROR 5:1 DROP TABLE removes table task and all its rows (block that records version 1.2.0) ## update-without-where INFO 6:1 UPDATE without WHERE changes every row of info (guarded: it sets DB_SCHEMA_VERSION to the version the script records as it goes) (block that records version 1.2.0)
            MYSQL | ALTER TABLE info ADD COLUMN GENE_VERSION varchar(8);\\nUPDATE info SET DB_SCHEMA_VERSION="1.2.0";\\nUPDATE info SET GENE_VERSION='7', DB_SCHEMA_VERSION='1.3.0';\\nUPDATE task SET note = '1.3.0'; | update-without-where INFO 6:1 UPDATE without WHERE changes every row of info (guarded: it sets DB_SCHEMA_VERSION to the version the script records as it goes) (block that records version 1.2.0) ## update-without-where INFO 7:1 UPDATE without WHERE changes every row of info (guarded: it sets GENE_VERSION, DB_SCHEMA_VERSION to the versions the script records as it goes) (block after version 1.2.0) ## update-without-where ERROR 8:1 UPDATE without WHERE changes every row of task (block after version 1.2.0)
            MYSQL | UPDATE task SET note_version = '2';\\nUPDATE info SET DB_SCHEMA_VERSION="1.2.0"; | update-without-where ERROR 5:1 UPDATE without WHERE changes every row of task (block that records version 1.2.0) ## update-without-where INFO 6:1 UPDATE without WHERE changes every row of info (guarded: it sets DB_SCHEMA_VERSION to the version the script records as it goes) (block that records version 1.2.0)
            MYSQL | UPDATE task SET note = '1.2.0';\\nUPDATE task SET note = '1.3.0';\\nDROP TABLE task; | -
            """)
    void aVersionKeptInOneRowEndsEachBlock(Dialect dialect, String block, String expected) throws IOException {
        List<String> found = findings(KEPT + block, dialect).stream().filter(f -> !f.contains(" 4:1 ")).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), found);
    }

    private List<String> findings(String sql) throws IOException {
        return findings(sql, Dialect.POSTGRESQL);
    }

    private List<String> findings(String sql, Dialect dialect) throws IOException {
        Path file = project.resolve("sql/schema.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("sql")));
        LintConfig config = new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1);
        return new Linter().run(config).findings().stream().map(f -> f.ruleId() + " " + f.severity() + " "
                + f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
    }
}
