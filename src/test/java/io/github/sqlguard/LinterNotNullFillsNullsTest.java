package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MySQL's {@code MODIFY c type NOT NULL} of a column the replay knows is nullable turns its NULLs into the type's
 * implicit default: reported at the NOT, unless the migrations filled every row since the column was last nullable.
 * Each case: the first migration after the table's creation, the second, the third; the finding expected.
 */
class LinterNotNullFillsNullsTest {

    private static final String FINDING = "db/V4__c.sql:1:35 not-null-fills-nulls NOT NULL on nullable column ctx"
            + " of flows";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // nothing filled the column: its NULLs become ''
        "SELECT 1|SELECT 1|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        "SELECT 1|SELECT 1|ALTER TABLE flows MODIFY COLUMN ctx TEXT NOT NULL DEFAULT 'x'|"
                + "db/V4__c.sql:1:42 not-null-fills-nulls NOT NULL on nullable column ctx of flows",
        "SELECT 1|SELECT 1|ALTER TABLE flows CHANGE ctx ctx TEXT NOT NULL|"
                + "db/V4__c.sql:1:39 not-null-fills-nulls NOT NULL on nullable column ctx of flows",
        // filled in an earlier migration, or in the same script
        "SELECT 1|UPDATE flows SET ctx = '{}'|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "UPDATE flows SET ctx = 'a' WHERE ctx IS NULL|SELECT 1|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "SELECT 1|SELECT 1|UPDATE flows SET ctx = COALESCE(ctx, ''); ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "SELECT 1|UPDATE flows SET ctx = uuid_generate_v4() WHERE ctx IS NULL|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "SELECT 1|UPDATE flows SET ctx = NEWID()|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        // filled from another column of the table that holds a value in every row
        "SELECT 1|UPDATE flows SET ctx = id|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "SELECT 1|SELECT 1|UPDATE flows SET ctx = flows.id; ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "UPDATE flows SET note = 'n'|UPDATE flows SET ctx = note|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        // .. or from a text function of such columns and literals, which gives NULL only for a NULL argument
        "SELECT 1|UPDATE flows SET ctx = SUBSTRING_INDEX(id, ':', 1)|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "SELECT 1|UPDATE flows f SET f.ctx = UPPER(CONCAT(f.id, '-', TRIM(' x ')))"
                + "|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "SELECT 1|UPDATE flows SET ctx = SUBSTRING_INDEX(note, ':', 1)|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|"
                + FINDING,
        "SELECT 1|UPDATE flows SET ctx = CONCAT(id, other.id)|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        "SELECT 1|UPDATE flows SET ctx = JSON_UNQUOTE(id)|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        "SELECT 1|UPDATE flows SET ctx = CONCAT(id, FROM_UNIXTIME(id))|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|"
                + FINDING,
        // .. but not from a nullable one, one the statement writes first, or another table's
        "SELECT 1|UPDATE flows SET ctx = note|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        "SELECT 1|UPDATE flows SET id = id + 1, ctx = id|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        "SELECT 1|UPDATE flows SET ctx = other.id|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        "SELECT 1|UPDATE flows SET ctx = id WHERE id > 3|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        // .. also written under an alias of the one table updated
        "SELECT 1|UPDATE flows f SET ctx = '2' WHERE ctx IS NULL|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "SELECT 1|UPDATE flows AS f SET f.ctx = 'x'|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "SELECT 1|UPDATE flows f SET f.ctx = f.id|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "SELECT 1|UPDATE flows f SET f.ctx = f.note|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        "SELECT 1|UPDATE flows f SET f.ctx = 'a' WHERE f.id = 1|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        "SELECT 1|UPDATE flows f JOIN flows g ON g.id = f.id SET f.ctx = 'a'|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|"
                + FINDING,
        // the rows holding NULL deleted
        "SELECT 1|DELETE FROM flows WHERE ctx IS NULL|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "SELECT 1|DELETE FROM flows WHERE ctx IS NULL AND id > 3|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        // a fill of some rows only, or a write that may be NULL, or rows inserted after the fill
        "SELECT 1|UPDATE flows SET ctx = 'a' WHERE id = 1|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        "UPDATE flows SET ctx = 'a'|UPDATE flows SET ctx = NULL WHERE id = 1|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|"
                + FINDING,
        "UPDATE flows SET ctx = 'a'|INSERT INTO flows (id) VALUES (2)|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|"
                + FINDING,
        // made nullable again in an earlier migration: the application may write NULL in between
        "ALTER TABLE flows MODIFY ctx TEXT NOT NULL|ALTER TABLE flows CHANGE ctx ctx TEXT"
                + "|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        // .. but made nullable by the same script, with no write since, it holds no NULL: the rows keep their values
        "UPDATE flows SET ctx = 'a'|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|ALTER TABLE flows MODIFY ctx TEXT NULL;"
                + " ALTER TABLE flows MODIFY ctx TEXT NOT NULL|-",
        "ALTER TABLE flows MODIFY ctx TEXT NOT NULL|SELECT 1|ALTER TABLE flows CHANGE ctx ctx2 TEXT;"
                + " ALTER TABLE flows MODIFY ctx2 TEXT NOT NULL|-",
        "ALTER TABLE flows MODIFY ctx TEXT NOT NULL|SELECT 1|ALTER TABLE flows CHANGE ctx ctx2 TEXT;"
                + " RENAME TABLE flows TO runs; ALTER TABLE runs MODIFY ctx2 TEXT NOT NULL|-",
        "SELECT 1|SELECT 1|ALTER TABLE other CHANGE a b TEXT; ALTER TABLE other MODIFY b TEXT NOT NULL|-",
        "SELECT 1|SELECT 1|ALTER TABLE other MODIFY b TEXT NULL; ALTER TABLE other MODIFY b TEXT NOT NULL|-",
        // .. unless a statement since may have written NULL into it
        "ALTER TABLE flows MODIFY ctx TEXT NOT NULL|SELECT 1|ALTER TABLE flows MODIFY ctx TEXT NULL;"
                + " INSERT INTO flows (id) VALUES (2); ALTER TABLE flows MODIFY ctx TEXT NOT NULL"
                + "|db/V4__c.sql:1:110 not-null-fills-nulls NOT NULL on nullable column ctx of flows",
        "ALTER TABLE flows MODIFY ctx TEXT NOT NULL|SELECT 1|ALTER TABLE flows MODIFY ctx TEXT NULL;"
                + " UPDATE flows SET ctx = NULL WHERE id = 1; ALTER TABLE flows MODIFY ctx TEXT NOT NULL"
                + "|db/V4__c.sql:1:117 not-null-fills-nulls NOT NULL on nullable column ctx of flows",
        "ALTER TABLE flows MODIFY ctx TEXT NOT NULL|SELECT 1|ALTER TABLE flows MODIFY ctx TEXT NULL;"
                + " LOAD DATA INFILE 'f.csv' INTO TABLE flows; ALTER TABLE flows MODIFY ctx TEXT NOT NULL"
                + "|db/V4__c.sql:1:118 not-null-fills-nulls NOT NULL on nullable column ctx of flows",
        "UPDATE flows SET ctx = 'a'|LOAD DATA LOCAL INFILE 'f.csv' REPLACE INTO TABLE flows"
                + "|ALTER TABLE flows MODIFY ctx TEXT NOT NULL|" + FINDING,
        // already NOT NULL, or a column the replay does not know
        "ALTER TABLE flows MODIFY ctx TEXT NOT NULL|SELECT 1|ALTER TABLE flows MODIFY ctx TEXT NOT NULL DEFAULT ''|-",
        "SELECT 1|SELECT 1|ALTER TABLE other MODIFY ctx TEXT NOT NULL|-",
        // SERIAL, and the SERIAL DEFAULT VALUE attribute, are NOT NULL by definition
        "ALTER TABLE flows ADD COLUMN seq SERIAL|SELECT 1|ALTER TABLE flows MODIFY seq BIGINT UNSIGNED NOT NULL|-",
        "ALTER TABLE flows ADD COLUMN seq BIGINT SERIAL DEFAULT VALUE|SELECT 1"
                + "|ALTER TABLE flows MODIFY seq BIGINT NOT NULL|-",
        "ALTER TABLE flows ADD COLUMN seq BIGINT|SELECT 1|ALTER TABLE flows MODIFY seq BIGINT NOT NULL"
                + "|db/V4__c.sql:1:37 not-null-fills-nulls NOT NULL on nullable column seq of flows",
    })
    void notNullOfANullableColumn(String first, String second, String third, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE flows (id INT PRIMARY KEY);\n"
                + "ALTER TABLE flows ADD COLUMN ctx TEXT;\nALTER TABLE flows ADD COLUMN note TEXT;\n");
        TestProject.write(project, "db/V2__a.sql", first + ";\n");
        TestProject.write(project, "db/V3__b.sql", second + ";\n");
        TestProject.write(project, "db/V4__c.sql", third + ";\n");

        List<String> findings = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> f.ruleId().equals("not-null-fills-nulls") && f.location().toString().contains("V4"))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message().split(":")[0]).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }

    /**
     * A routine the script calls that renames a NOT NULL column with a CHANGE leaving NOT NULL out, and declares it
     * NOT NULL again, replaces no NULL; after the same CHANGE at the top level, a call of a routine that inserts,
     * or one the scan does not hold, or dynamic SQL the replay cannot read, may have written NULL.
     * Each case: the statement between the CHANGE and the NOT NULL at line 12 of the script; the finding expected.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "SELECT 1|-",
        "CALL add_run()|db/V2__b.sql:12:34",
        "CALL elsewhere()|db/V2__b.sql:12:34",
        "SET @s = CONCAT('INSERT INTO ', @t, ' (id) VALUES (2)'); PREPARE st FROM @s; EXECUTE st|db/V2__b.sql:12:34",
    })
    void nullableForTheRunningScriptOnly(String between, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE jobs (id INT PRIMARY KEY, code BIGINT NOT NULL);\n"
                + "CREATE TABLE runs (id INT PRIMARY KEY, kind INT NOT NULL);\n");
        TestProject.write(project, "db/V2__b.sql", "DELIMITER //\nCREATE PROCEDURE rename_code()\nBEGIN\n"
                + "  ALTER TABLE jobs CHANGE code job_code BIGINT;\n  ALTER TABLE jobs MODIFY job_code BIGINT NOT NULL;\n"
                + "END//\nDELIMITER ;\nCALL rename_code();\n"
                + "CREATE PROCEDURE add_run() INSERT INTO runs (id) VALUES (2);\n"
                + "ALTER TABLE runs CHANGE kind kind INT;\n"
                + between + ";\n"
                + "ALTER TABLE runs MODIFY kind INT NOT NULL;\n");

        List<String> findings = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> f.ruleId().equals("not-null-fills-nulls"))
                .map(f -> f.location().toString()).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }

    /**
     * A guard that makes a NOT NULL column nullable only if it exists leaves it of the same type either way, holding
     * no NULL: the NOT NULL after it replaces none and changes no type. A branch that changes the type leaves it
     * unknown, and still holds no NULL.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "BIGINT NULL|-",
        "BIGINT|-",
        "INT NULL|db/V2__b.sql:7:20 alter-column-type",
    })
    void aBranchThatOnlyDropsNotNullKeepsTheType(String branch, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE jobs (id INT PRIMARY KEY, code BIGINT NOT NULL);\n");
        TestProject.write(project, "db/V2__b.sql", "DELIMITER //\nCREATE PROCEDURE relax()\nBEGIN\n"
                + "  IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE COLUMN_NAME = 'code') THEN\n"
                + "    ALTER TABLE jobs MODIFY code " + branch + ";\n"
                + "  END IF;\n"
                + "  ALTER TABLE jobs MODIFY code BIGINT NOT NULL;\nEND//\nDELIMITER ;\nCALL relax();\n");

        List<String> findings = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> f.location().line() == 7)
                .map(f -> f.location() + " " + f.ruleId()).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }
}
