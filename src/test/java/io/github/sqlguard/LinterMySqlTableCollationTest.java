package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MySQL: a table's default collation names its character set ({@code utf8_bin} is a collation of {@code utf8}), so
 * {@code ALTER TABLE t COLLATE utf8_bin} makes {@code utf8} the set a later full column definition without one
 * gets, in the same statement or a later one; a column's own {@code COLLATE} names the set of that column.
 */
class LinterMySqlTableCollationTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE q COLLATE utf8_bin, MODIFY COLUMN s varchar(120) NOT NULL;                  | 1:33 | utf8
            ALTER TABLE q DEFAULT COLLATE = utf8_bin;\\nALTER TABLE q MODIFY s varchar(120) NOT NULL; | 2:15 | utf8
            ALTER TABLE q COLLATE 'latin1_swedish_ci';\\nALTER TABLE q MODIFY s varchar(120);         | 2:15 | latin1
            """)
    void aColumnRedefinedAfterTheTablesCollationChangedTakesThatCollationsCharacterSet(String sql, String at,
            String characterSet) throws IOException {
        write("db/V1__init.sql", "CREATE TABLE q (s varchar(120) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n");
        write("db/V2__collate.sql", sql.replace("\\n", "\n") + "\n");

        List<String> findings = lint().stream().map(f -> f.location().line() + ":" + f.location().column() + " "
                + f.message()).toList();

        assertEquals(List.of(at + " ALTER TABLE q changes the type of column s from varchar(120) in character set"
                + " utf8mb4 to varchar(120) in character set " + characterSet + " (character set " + characterSet + " cannot hold every character: those it lacks become '?', or"
                + " the statement fails in strict mode)"), findings.stream().map(f -> f.replace("`", "")).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE q COLLATE utf8mb4_bin, MODIFY COLUMN s varchar(120) NOT NULL
            ALTER TABLE q COLLATE utf8mb4_0900_ai_ci;\\nALTER TABLE q MODIFY s varchar(200)
            """)
    void aCollationOfASetThatHoldsEveryCharacterLosesNone(String sql) throws IOException {
        write("db/V1__init.sql", "CREATE TABLE q (s varchar(120) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n");
        write("db/V2__collate.sql", sql.replace("\\n", "\n") + ";\n");

        assertEquals(List.of(), lint());
    }

    @Test
    void aTableCreatedWithOnlyACollationHasThatCollationsCharacterSet() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE r (s varchar(10) CHARACTER SET utf8mb4, n varchar(10))"
                + " ENGINE=InnoDB COLLATE=utf8_bin;\n");
        write("db/V2__modify.sql", "ALTER TABLE r MODIFY n varchar(10) CHARACTER SET utf8;\n"
                + "ALTER TABLE r MODIFY s varchar(10);\n");

        List<String> findings = lint().stream().map(f -> f.location().line() + " " + f.message()).toList();

        assertEquals(List.of("2 ALTER TABLE r changes the type of column s from varchar(10) CHARACTER SET utf8mb4 to"
                + " varchar(10) in character set utf8 (character set utf8 cannot hold every character: those it lacks become '?', or the"
                + " statement fails in strict mode)"), findings);
    }

    @Test
    void aColumnTakingItsSetFromTheTableNamesThatSetWhenMovedToOneLackingCharacters() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE dict (id varchar(32), txt varchar(100) COMMENT '文本')"
                + " DEFAULT CHARSET=utf8mb4;\n");
        write("db/V2__modify.sql", "ALTER TABLE dict MODIFY COLUMN txt varchar(100) CHARACTER SET utf8"
                + " COLLATE utf8_general_ci NULL COMMENT '名称';\n");

        assertEquals(List.of("ALTER TABLE dict changes the type of column txt from varchar(100) in character set"
                + " utf8mb4 to varchar(100) CHARACTER SET utf8 (character set utf8 cannot hold every character: those"
                + " it lacks become '?', or the statement fails in strict mode)"),
                lint().stream().map(Finding::message).toList());
    }

    /** A column's own collation names its set too: {@code COLLATE utf8_bin} on a utf8mb4 column moves it to utf8. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE q MODIFY s varchar(120) COLLATE utf8_bin NOT NULL          | utf8
            ALTER TABLE q CHANGE s s varchar(120) COLLATE latin1_general_ci         | latin1
            ALTER TABLE q MODIFY s varchar(120) COLLATE utf8mb4_bin NOT NULL       |
            ALTER TABLE q MODIFY s varchar(120) COLLATE utf8mb4_0900_as_cs         |
            """)
    void aColumnsOwnCollationNamesItsCharacterSet(String sql, String characterSet) throws IOException {
        write("db/V1__init.sql", "CREATE TABLE q (s varchar(120) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n");
        write("db/V2__collate.sql", sql + ";\n");

        List<String> expected = characterSet == null ? List.of()
                : List.of("ALTER TABLE q changes the type of column s from varchar(120) in character set utf8mb4 to"
                        + " varchar(120) in character set " + characterSet + " (character set " + characterSet + " cannot hold every character: those it lacks become '?', or the statement"
                        + " fails in strict mode)");
        assertEquals(expected, lint().stream().map(Finding::message).toList());
    }

    @Test
    void aSqlServerCollationNamesNoMySqlCharacterSet() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE q (s varchar(120) NOT NULL);\n");
        write("db/V2__collate.sql", "ALTER TABLE q ALTER COLUMN s varchar(120) COLLATE Latin1_General_CI_AS NOT NULL;\n"
                + "ALTER TABLE q ALTER COLUMN s varchar(120) COLLATE Latin1_General_BIN NOT NULL;\n");

        assertEquals(List.of(), lint(Dialect.SQLSERVER));
    }

    /**
     * Where the old type is not known, a statement that sets the table's default still says which set the column
     * moves to; a later MODIFY in a table already converted to that set moves nothing there and says nothing of it.
     */
    @Test
    void aColumnOfATableNoMigrationCreatedNamesTheSetItsStatementMovesItTo() throws IOException {
        write("db/V1__collate.sql", "ALTER TABLE legacy COLLATE utf8_bin, MODIFY COLUMN s varchar(120) NOT NULL,"
                + " MODIFY COLUMN n varchar(10) CHARACTER SET utf8mb4;\n"
                + "ALTER TABLE other CONVERT TO CHARACTER SET utf8;\nALTER TABLE other MODIFY c varchar(20);\n");

        String unknown = " (its type before is not known: table legacy is not created by the migrations that run"
                + " before this one)";
        assertEquals(List.of("ALTER TABLE legacy changes the type of column s to varchar(120) in character set utf8,"
                + " which cannot hold every character" + unknown, "ALTER TABLE legacy changes the type of column n to"
                + " varchar(10) CHARACTER SET utf8mb4" + unknown), lint().stream().map(Finding::message)
                .filter(m -> m.startsWith("ALTER TABLE legacy")).toList());
        assertEquals(List.of(), lint().stream().map(Finding::message).filter(m -> m.contains("column c")
                && m.contains("character set")).toList());
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private List<Finding> lint() {
        return lint(Dialect.MYSQL);
    }

    private List<Finding> lint(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2));
        return result.findings().stream().filter(f -> f.ruleId().equals("alter-column-type")).toList();
    }
}
