package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL migrations add a column that may exist already by catching the error: {@code DO $$ BEGIN ALTER TABLE t
 * ADD COLUMN c ..; EXCEPTION WHEN duplicate_column THEN ..; END $$}. When the earlier migrations gave {@code t} a
 * column {@code c}, that ADD fails and the older {@code c} keeps its values: an UPDATE of every row afterwards
 * overwrites them, and a drop loses them, so neither is the fill or drop of a column the script added.
 */
class LinterAddExistingColumnTest {

    private static final String MIGRATION = """
            DO $$
            BEGIN
                ALTER TABLE job ADD COLUMN %s varchar(64);
            EXCEPTION
                WHEN duplicate_column THEN RAISE NOTICE 'column already exists';
            END;
            $$;
            %s;
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            name | UPDATE job SET name = 'x'       | update-without-where | ERROR
            note | UPDATE job SET note = 'x'       | update-without-where | INFO
            name | ALTER TABLE job DROP COLUMN name | drop-column          | ERROR
            note | ALTER TABLE job DROP COLUMN note | drop-column          | INFO
            """)
    void aColumnTheTableHadBeforeIsNotAddedByTheScript(String column, String statement, String rule,
            Severity expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE job (id int PRIMARY KEY, name varchar(64));\n");
        TestProject.write(project, "db/V2__add.sql", MIGRATION.formatted(column, statement));

        List<Finding> findings = lint().stream().filter(f -> f.ruleId().equals(rule)).toList();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(8, findings.get(0).location().line());
        assertEquals(expected, findings.get(0).severity(), findings.get(0).message());
        assertEquals(expected == Severity.INFO, findings.get(0).message().contains("was added earlier in this script"),
                findings.get(0).message());
        assertFalse(findings.get(0).message().contains("IF NOT EXISTS"), findings.get(0).message());
        assertEquals(expected == Severity.ERROR, findings.get(0).message().contains("column " + column
                + " was there before the ADD COLUMN at line 3, which fails on it and leaves the older " + column
                + " with its values"), findings.get(0).message());
    }

    private List<Finding> lint() {
        return ProjectLint.findings(project, Dialect.POSTGRESQL);
    }
}
