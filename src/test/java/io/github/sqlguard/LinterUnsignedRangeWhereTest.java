package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A MySQL {@code UNSIGNED NOT NULL} column holds no number below zero, so {@code col >= 0} (or {@code col > -1},
 * {@code 0 <= col}) restricts nothing: always-true-where, located at the statement's verb. A signed or nullable
 * column, or a bound above zero, restricts, and so does the bound where the database has no unsigned integers:
 * SQLite stores a signed integer whatever the declared type says, and a PostgreSQL script that declares one was
 * written for MySQL.
 */
class LinterUnsignedRangeWhereTest {

    private static final String SCHEMA = "CREATE TABLE usage_rows (\n"
            + "    record_id serial unique,\n"
            + "    tenant_id bigint /*! unsigned */ not null default 0,\n"
            + "    shard_no INT UNSIGNED NOT NULL,\n"
            + "    spare_no INT UNSIGNED,\n"
            + "    amount DECIMAL(10, 2) NOT NULL,\n"
            + "    note VARCHAR(20),\n"
            + "    PRIMARY KEY(record_id)\n"
            + ");\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            MYSQL   | DELETE FROM usage_rows WHERE tenant_id >= 0                           | 2:1 tenant_id is declared UNSIGNED NOT NULL, so tenant_id >= 0 holds for every row
            MARIADB | UPDATE usage_rows SET note = 'x' WHERE shard_no > -1                  | 2:1 shard_no is declared UNSIGNED NOT NULL, so shard_no > -1 holds for every row
            MYSQL   | DELETE FROM usage_rows WHERE 0 <= shard_no                            | 2:1 shard_no is declared UNSIGNED NOT NULL, so shard_no >= 0 holds for every row
            AUTO    | DELETE FROM usage_rows WHERE note = 'x' OR (tenant_id >= 0)           | 2:1 tenant_id is declared UNSIGNED NOT NULL, so tenant_id >= 0 holds for every row
            MYSQL   | DELETE FROM usage_rows WHERE shard_no <> -1                           | 2:1 shard_no is declared UNSIGNED NOT NULL, so shard_no <> -1 holds for every row
            MYSQL   | DELETE FROM usage_rows WHERE shard_no <> 0                            | -
            MYSQL   | DELETE FROM usage_rows WHERE tenant_id >= 1                           | -
            MYSQL   | DELETE FROM usage_rows WHERE tenant_id > 0                            | -
            MYSQL   | DELETE FROM usage_rows WHERE spare_no >= 0                            | -
            MYSQL   | DELETE FROM usage_rows WHERE amount >= 0                              | -
            MYSQL   | DELETE FROM usage_rows WHERE amount >= 0 OR amount IS NULL            | -
            MYSQL   | DELETE FROM usage_rows WHERE tenant_id >= 0 AND note = 'x'            | -
            SQLITE  | DELETE FROM usage_rows WHERE shard_no >= 0                            | -
            POSTGRESQL | DELETE FROM usage_rows WHERE shard_no > -1                         | -
            H2      | DELETE FROM usage_rows WHERE shard_no >= 0                            | 2:1 shard_no is declared UNSIGNED NOT NULL, so shard_no >= 0 holds for every row
            """)
    void aBoundNoUnsignedValueFallsBelowRestrictsNothing(Dialect dialect, String sql, String expected)
            throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), SCHEMA, StandardCharsets.UTF_8);
        Files.writeString(file, "-- clean up\n" + sql + ";\n", StandardCharsets.UTF_8);

        List<String> findings = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("always-true-where"))
                .map(LinterUnsignedRangeWhereTest::lineColumnAndReason).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }

    private static String lineColumnAndReason(Finding finding) {
        String message = finding.message();
        int open = message.indexOf('(');
        int close = message.indexOf(')', open + 1);
        return finding.location().line() + ":" + finding.location().column() + " "
                + (open < 0 ? message : message.substring(open + 1, close));
    }
}
