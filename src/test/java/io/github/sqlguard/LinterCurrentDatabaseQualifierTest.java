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
 * MySQL helpers qualify the table of the SQL they prepare with the current database ({@code CONCAT('alter table ',
 * database(), '.', p_table, ' add column ', ..)}): there {@code DATABASE()} or {@code SCHEMA()} is the name of the
 * schema the migration runs in, one name that the text after it makes a qualifier, so the statement is read from
 * the literals its callers pass instead of being reported as SQL built at run time.
 */
class LinterCurrentDatabaseQualifierTest {

    private static final String HELPER = """
            DELIMITER $$
            CREATE PROCEDURE change_column(p_table varchar(64), p_column varchar(64))
            BEGIN
                SET @sqlstmt = CONCAT(%s);
                PREPARE stmt FROM @sqlstmt;
                EXECUTE stmt;
                DEALLOCATE PREPARE stmt;
            END $$
            DELIMITER ;
            CALL change_column('orders', 'note');
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // The current database qualifies the table: an added column, nothing to report.
        "~'alter table ', database(), '.', p_table, ' add column ', p_column, ' int DEFAULT NULL'~ | -",
        "~'create index ', p_column, '_idx on ', SCHEMA(), '.', p_table, ' (', p_column, ')'~ | -",
        // A dropped column is what is reported, at the call.
        "~'ALTER TABLE ', DATABASE(), '.', p_table, ' DROP COLUMN ', p_column~ | db/V1__x.sql:10:1 drop-column",
        // Not followed by a dot it is no qualifier: the text around it may read any way.
        "~'alter table ', p_table, ' ', database(), ' int'~ | db/V1__x.sql:10:1 runtime-sql",
        // Another function's value may hold any SQL.
        "~'alter table ', user(), '.', p_table, ' add column ', p_column, ' int'~ | db/V1__x.sql:10:1 runtime-sql",
        // DATABASE() with an argument is no call of MySQL's function.
        "~'alter table ', database(p_table), '.', p_table, ' add column x int'~ | db/V1__x.sql:10:1 runtime-sql",
    })
    void theCurrentDatabaseBeforeADotIsOneName(String parts, String expected) throws IOException {
        TestProject.write(project, "db/V1__x.sql", HELPER.formatted(parts));
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.MYSQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null);
        // The body, read on its own, runs only through the call; what the call runs is judged at the call.
        List<String> hits = result.findings().stream()
                .filter(f -> f.location().line() == 10)
                .map(f -> f.location() + " " + f.ruleId()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), hits, parts);
    }
}
