package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A MySQL schema statement that double-quotes what only a name can be ({@code ALTER TABLE "t" RENAME COLUMN "a" TO
 * "b"}) runs only under the ANSI_QUOTES mode, where it renames, retypes or drops what it names: it is judged so, and
 * not passed for want of a name. Double-quoted values (a DEFAULT, a COMMENT) stay strings.
 */
class LinterMysqlAnsiQuotedNamesTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            MYSQL   | ALTER TABLE "public"."selector" RENAME COLUMN "type" TO "selector_type"                \
                    | 1:33 rename-column ALTER TABLE "public"."selector" renames column "type" to "selector_type"
            MARIADB | ALTER TABLE selector RENAME COLUMN "name" TO "selector_name"                          \
                    | 1:22 rename-column ALTER TABLE selector renames column "name" to "selector_name"
            MYSQL   | ALTER TABLE "sel" RENAME TO "sel2"                                                    \
                    | 1:19 rename-table Renames table "sel" to "sel2"
            MYSQL   | TRUNCATE TABLE "selector"                                                             \
                    | 1:1 truncate-table TRUNCATE removes every row of table "selector"
            MYSQL   | DROP TABLE IF EXISTS "public"."alert"                                                 \
                    | 1:1 drop-table DROP TABLE removes table "public"."alert" and all its rows (none of the migrations that run before it creates "public"."alert": where the table exists, something else made it)
            MYSQL   | DELETE FROM "public"."permission" WHERE "resource_id" IN ('1', '2')                     | -
            MARIADB | UPDATE "plugin" SET "enabled" = 0 WHERE "name" = 'motan'                              | -
            MYSQL   | UPDATE LOW_PRIORITY "plugin" SET "enabled" = 0                                        \
                    | 1:1 update-without-where UPDATE without WHERE changes every row of "plugin"
            MYSQL   | DELETE FROM "plugin" WHERE "id" = "id"                                                \
                    | 1:1 always-true-where DELETE with an always-true WHERE removes every row of "plugin"
            MYSQL   | ALTER TABLE t ALTER COLUMN c SET DEFAULT "TO"                                          | -
            MYSQL   | ALTER TABLE t ADD COLUMN c VARCHAR(10) DEFAULT "x" COMMENT "after"                     | -
            """)
    void aDoubleQuotedNameOfASchemaStatementIsANameInMysql(Dialect dialect, String sql, String expected)
            throws IOException {
        List<String> found = ProjectLint.findingsOfScript(project, dialect, sql + ";").stream()
                .map(finding -> finding.location().line() + ":" + finding.location().column() + " "
                        + finding.ruleId() + " " + finding.message())
                .toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            MYSQL   | ALTER TABLE "sel" MODIFY "kind" VARCHAR(10)                     \
                    | alter-column-type ALTER TABLE "sel" changes the type of column "kind" from VARCHAR(100) to\
             VARCHAR(10) (shorter: 100 to 10 characters)
            MARIADB | ALTER TABLE "sel" MODIFY COLUMN "kind" VARCHAR(10)              \
                    | alter-column-type ALTER TABLE "sel" changes the type of column "kind" from VARCHAR(100) to\
             VARCHAR(10) (shorter: 100 to 10 characters)
            MYSQL   | ALTER TABLE "sel" CHANGE "kind" "sort" VARCHAR(100) DEFAULT "x" \
                    | rename-column ALTER TABLE "sel" renames column "kind" to "sort"
            """)
    void aDoubleQuotedColumnIsJudgedAgainstItsEarlierType(Dialect dialect, String sql, String expected)
            throws IOException {
        Path earlier = project.resolve("db/V0__create.sql");
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "CREATE TABLE sel (kind VARCHAR(100));\n", StandardCharsets.UTF_8);
        List<String> rules = ProjectLint.findingsOfScript(project, dialect, sql + ";").stream()
                .map(finding -> finding.ruleId() + " " + finding.message()).toList();

        assertEquals(List.of(expected), rules);
    }
}
