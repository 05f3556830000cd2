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
 * MySQL migrations wrap the helper that prepares SQL in another helper ({@code add_column(p_table, p_column)} calls
 * {@code run_sql(CONCAT('alter table ', database(), '.', p_table, ..))}, which prepares its argument): a call of the
 * outer helper with literals tells what the inner one runs, which is judged at that call.
 */
class LinterNestedHelperCallTest {

    private static final String HELPERS = """
            DELIMITER $$
            CREATE PROCEDURE run_sql(p_sql_stmt varchar(1000))
            BEGIN
                SET @sqlstmt = p_sql_stmt;
                PREPARE stmt FROM @sqlstmt;
                EXECUTE stmt;
                DEALLOCATE PREPARE stmt;
            END $$
            CREATE PROCEDURE change_column(p_table varchar(64), p_column varchar(64), p_type varchar(64))
            BEGIN
                CALL run_sql(CONCAT(%s));
            END $$
            DELIMITER ;
            CALL change_column('orders', 'note', 'varchar(255) DEFAULT NULL');
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "~'alter table ', database(), '.', p_table, ' add column ', p_column, ' ', p_type~ | -",
        "~'alter table ', p_table, ' add column ', p_column, ' ', p_type~ | -",
        "~'alter table ', database(), '.', p_table, ' drop column ', p_column~ | db/V1__x.sql:14:1 drop-column",
        "~'drop table ', p_table~ | db/V1__x.sql:14:1 drop-table",
        // A part the call does not know keeps what runs open.
        "~'alter table ', @other, p_table, ' add column ', p_column, ' int'~ | db/V1__x.sql:14:1 runtime-sql",
        "~'alter table ', p_table, ' ', database(), ' int'~ | db/V1__x.sql:14:1 runtime-sql",
    })
    void theOuterCallsLiteralsTellWhatTheInnerHelperRuns(String parts, String expected) throws IOException {
        TestProject.write(project, "db/V1__x.sql", HELPERS.formatted(parts));
        // The bodies, read on their own, run only through the call; what the call runs is judged at the call.
        List<String> hits = lint().stream()
                .filter(f -> f.location().line() == 14)
                .map(f -> f.location() + " " + f.ruleId()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), hits, parts);
    }

    /**
     * The inner helper runs only through the outer one, which the script calls only with literals: its body, read
     * without them, is a body that runs only when called, as the outer one's is. Called at the script's level with
     * text it cannot read, it runs with the migration.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "- | 5:5 runtime-sql INFO",
        "~CALL run_sql(@prepared);~ | 5:5 runtime-sql WARNING",
    })
    void theInnerHelpersBodyRunsOnlyThroughTheOuterCalls(String alsoCalled, String expected) throws IOException {
        TestProject.write(project, "db/V1__x.sql", HELPERS.formatted(
                "'alter table ', database(), '.', p_table, ' add column ', p_column, ' ', p_type") + (alsoCalled.equals("-") ? "" : alsoCalled));
        List<String> body = lint().stream()
                .filter(f -> f.location().line() == 5)
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity())
                .toList();
        assertEquals(List.of(expected), body);
    }

    /** MySQL's double quotes around an argument make a string: the table it names is the one without them. */
    @Test
    void doubleQuotedArgumentsNameTheTableWithoutTheirQuotes() throws IOException {
        String script = HELPERS.replace("'orders', 'note', 'varchar(255) DEFAULT NULL'", "\"orders\", \"note\", \"\"");
        TestProject.write(project, "db/V1__x.sql",
                script.formatted("'alter table ', database(), '.', p_table, ' drop column ', p_column"));
        List<String> hits = lint().stream()
                .filter(f -> f.location().line() == 14)
                .map(f -> f.ruleId() + " " + f.message().substring(0, f.message().indexOf(" ("))).toList();
        assertEquals(List.of("drop-column ALTER TABLE <run-time value>.orders drops column note"), hits);
    }

    private List<Finding> lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.MYSQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null).findings();
    }
}
