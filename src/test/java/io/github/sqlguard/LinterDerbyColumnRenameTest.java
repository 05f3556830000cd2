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
 * Derby changes a column's type by adding a column of the new type, copying the values, dropping the old column and
 * giving the new one its name with {@code RENAME COLUMN t.c TO d}. Renaming a column the script added itself breaks
 * no code that runs yet, as for {@code ALTER TABLE .. RENAME COLUMN} and {@code sp_rename}; a rename of a column the
 * script did not add, or of one added to another table, still warns.
 */
class LinterDerbyColumnRenameTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE "APP"."LOG" ADD COLUMN "MESSAGE_CLOB" CLOB; UPDATE "APP"."LOG" SET MESSAGE_CLOB = CAST(MESSAGE AS CLOB); ALTER TABLE "APP"."LOG" DROP COLUMN MESSAGE; RENAME COLUMN "APP"."LOG"."MESSAGE_CLOB" TO "MESSAGE" | 4:1 INFO RENAME COLUMN renames column "APP"."LOG"."MESSAGE_CLOB" to "MESSAGE" (guarded: column MESSAGE_CLOB was added earlier in this script)
            ALTER TABLE entries ADD COLUMN body_clob CLOB; RENAME COLUMN entries.body_clob TO body_text | 2:1 INFO RENAME COLUMN renames column entries.body_clob to body_text (guarded: column body_clob was added earlier in this script)
            RENAME COLUMN "APP"."LOG"."MESSAGE" TO "BODY" | 1:1 WARNING RENAME COLUMN renames column "APP"."LOG"."MESSAGE" to "BODY"
            ALTER TABLE "APP"."NOTE" ADD COLUMN "MESSAGE" CLOB; RENAME COLUMN "APP"."LOG"."MESSAGE" TO "BODY" | 2:1 WARNING RENAME COLUMN renames column "APP"."LOG"."MESSAGE" to "BODY"
            """)
    void renameOfAColumnTheScriptAdded(String change, String expected) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE \"APP\".\"LOG\" (\"ID\" BIGINT NOT NULL, \"MESSAGE\" LONG VARCHAR);"
                + "\nCREATE TABLE \"APP\".\"NOTE\" (\"ID\" BIGINT NOT NULL);\n"
                + "CREATE TABLE entries (id BIGINT NOT NULL, body VARCHAR(200));\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V1__change.sql"), change.replace("; ", ";\n") + ";\n",
                StandardCharsets.UTF_8);

        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));

        List<String> renames = result.findings().stream().filter(f -> f.ruleId().equals("rename-column"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.severity() + " " + f.message())
                .toList();
        assertEquals(expected, String.join(" ## ", renames));
    }
}
