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
 * A part of MySQL dynamic SQL built at run time that the text around it encloses in name quotes ({@code CONCAT('ALTER
 * TABLE `', SCHEMA(), '`.`', tb, '` DROP INDEX `', ix, '`')}) can only be a name: the statement's shape is known, so
 * what it does is read from the text and it is not reported as SQL built at run time.
 */
class LinterQuotedNameStandInTest {

    private static final String HELPER = """
            DELIMITER //
            CREATE PROCEDURE alter_if_exists(IN p_table varchar(64), IN p_name varchar(64))
            BEGIN
              SET @s = CONCAT(%s);
              PREPARE stmt FROM @s;
              EXECUTE stmt;
              DEALLOCATE PREPARE stmt;
            END //
            DELIMITER ;
            CALL alter_if_exists('orders', 'note');
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // The schema and the names sit in backticks: only names, so the statement is known to drop an index.
        "~'ALTER TABLE `', SCHEMA(), '`.`', p_table, '` DROP INDEX `', p_name, '`'~ | -",
        // Known to drop a column: that is what is reported, at the call.
        "~'ALTER TABLE `', SCHEMA(), '`.`', p_table, '` DROP COLUMN `', p_name, '`'~"
                + " | db/V1__x.sql:10:1 drop-column",
        // Outside quotes the run-time part may hold any SQL.
        "~'ALTER TABLE ', @prefix, p_table, ' DROP INDEX ', p_name~ | db/V1__x.sql:10:1 runtime-sql",
        // One quote on one side only does not enclose it.
        "~'ALTER TABLE `', @prefix, '.', p_table, '` DROP INDEX ', p_name~ | db/V1__x.sql:10:1 runtime-sql",
    })
    void aPartEnclosedInNameQuotesIsOnlyAName(String parts, String expected) throws IOException {
        TestProject.write(project, "db/V1__x.sql", HELPER.formatted(parts));
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.MYSQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null);
        List<String> hits = result.findings().stream()
                .filter(f -> f.location().line() == 10)
                .map(f -> f.location() + " " + f.ruleId()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), hits, parts);
    }
}
