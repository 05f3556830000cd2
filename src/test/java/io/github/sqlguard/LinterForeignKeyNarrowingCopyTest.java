package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A PostgreSQL foreign key holds only values of the column it references: a {@code bigint} key to an {@code int} id
 * copied into an {@code int} column loses nothing, so the drop of the old key column after the copy is guarded.
 */
class LinterForeignKeyNarrowingCopyTest {

    @TempDir
    Path project;

    /**
     * Each line: the dialect, the type of the referenced id, how the key column refers to it, and the severity and
     * ending of the finding at the drop of the key column after its values were copied into an {@code int} column.
     */
    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | int    | REFERENCES ledger (id)           | INFO  | (guarded: values of ledger_id copied to entry_id at line 2)
            POSTGRESQL | bigint | REFERENCES ledger (id)           | ERROR | (values of ledger_id converted to entry_id at line 2 into entry_id int (narrower integer): the copy fails on a value that does not fit)
            POSTGRESQL | int    | REFERENCES other_ledger (id)     | ERROR | (values of ledger_id converted to entry_id at line 2 into entry_id int (narrower integer): the copy fails on a value that does not fit)
            MYSQL      | int    | REFERENCES ledger (id)           | ERROR | (values of ledger_id converted to entry_id at line 2 into entry_id int (narrower integer): without strict mode MySQL cuts or clamps a value that does not fit, in strict mode the copy fails on it)
            """)
    void aKeyToAColumnTheTargetHoldsIsCopiedWhole(Dialect dialect, String idType, String reference, String severity,
            String ending) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE ledger (id " + idType + " PRIMARY KEY);\n"
                + "CREATE TABLE other_ledger (id bigint PRIMARY KEY);\n"
                + "CREATE TABLE report (id int PRIMARY KEY, ledger_id bigint " + reference + ");\n");
        TestProject.write(project, "db/V2__move.sql", """
                ALTER TABLE report ADD COLUMN entry_id int;
                UPDATE report SET entry_id = ledger_id;
                ALTER TABLE report DROP COLUMN ledger_id;
                """);

        assertEquals(List.of("3:20 drop-column " + severity + " ALTER TABLE report drops column ledger_id " + ending),
                dropsOfTheKey(dialect));
    }

    /** A key added NOT VALID never checked the rows already there: they may hold any value. */
    @ParameterizedTest(name = "[{index}]{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''          | INFO
            ' NOT VALID' | ERROR
            """)
    void aKeyThatDidNotCheckTheRowsThereVouchesForNothing(String validation, String severity) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE ledger (id int PRIMARY KEY);
                CREATE TABLE report (id int PRIMARY KEY, ledger_id bigint);
                ALTER TABLE report ADD CONSTRAINT report_ledger_fk FOREIGN KEY (ledger_id) REFERENCES ledger (id)"""
                + validation + ";\n");
        TestProject.write(project, "db/V2__move.sql", """
                ALTER TABLE report ADD COLUMN entry_id int;
                UPDATE report SET entry_id = ledger_id;
                ALTER TABLE report DROP COLUMN ledger_id;
                """);

        assertEquals(severity, dropsOfTheKey(Dialect.POSTGRESQL).get(0).split(" ")[2]);
    }

    private List<String> dropsOfTheKey(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null);
        return result.findings().stream()
                .filter(f -> f.location().path().toString().endsWith("V2__move.sql") && f.ruleId().equals("drop-column"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity()
                        + " " + f.message())
                .toList();
    }
}
