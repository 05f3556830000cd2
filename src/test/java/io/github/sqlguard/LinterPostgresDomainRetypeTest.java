package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A column converted to or from a PostgreSQL domain is judged by the domain's base type: a domain keeps every
 * value its base type keeps, and only its NOT NULL or CHECK can refuse one, which fails the statement.
 */
class LinterPostgresDomainRetypeTest {

    private static final String DOMAINS = "CREATE DOMAIN stamp AS timestamp with time zone DEFAULT current_timestamp;\n"
            + "CREATE DOMAIN private_id AS text NOT NULL CHECK (length(trim(value)) > 10);\n"
            + "CREATE DOMAIN key_id text CHECK (length(trim(value)) > 0);\n"
            + "CREATE DOMAIN short_name AS varchar(20);\n"
            + "CREATE DOMAIN loose_name AS short_name;\n"
            + "CREATE TABLE auth (id bigint PRIMARY KEY, made timestamptz, label text, code varchar(50),"
            + " ref private_id, tag short_name);\n";

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // An unconstrained domain over the same type keeps and accepts every value.
        "made TYPE stamp|''",
        "ref TYPE text|''",
        "tag TYPE varchar(20)|''",
        "tag TYPE loose_name|''",
        // Constraints may refuse a value: the statement fails, though nothing is changed.
        "label TYPE key_id|from text to key_id (a domain keeps every value of its base type, but one its NOT NULL"
                + " or CHECK refuses makes the statement fail)",
        "ref TYPE key_id|from private_id to key_id (a domain keeps every value of its base type, but one its"
                + " NOT NULL or CHECK refuses makes the statement fail)",
        // The base type decides a narrowing.
        "code TYPE short_name|from varchar(50) to short_name (shorter: 50 to 20 characters)",
        "label TYPE loose_name|from text to loose_name (shorter: unlimited to 20 characters)",
    })
    void judgesTheDomainByItsBaseType(String change, String expected) throws IOException {
        TestProject.write(project, "db/migration/V1__init.sql", DOMAINS);
        TestProject.write(project, "db/migration/V2__retype.sql", "ALTER TABLE auth ALTER COLUMN " + change + ";\n");

        List<String> messages = lint().stream().map(Finding::message).toList();

        String column = change.substring(0, change.indexOf(' '));
        assertEquals(expected.isEmpty() ? List.of()
                : List.of("ALTER TABLE auth changes the type of column " + column + " " + expected), messages);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DROP DOMAIN stamp|from timestamptz to stamp (timestamp to other can fail or change values)",
        "ALTER DOMAIN stamp RENAME TO moment|from timestamptz to stamp (timestamp to other can fail or change values)",
        "ALTER DOMAIN stamp ADD CONSTRAINT past CHECK (value < now())|from timestamptz to stamp (a domain keeps"
                + " every value of its base type, but one its NOT NULL or CHECK refuses makes the statement fail)",
    })
    void followsTheDomainThroughLaterStatements(String statement, String expected) throws IOException {
        TestProject.write(project, "db/migration/V1__init.sql", DOMAINS);
        TestProject.write(project, "db/migration/V2__domain.sql", statement + ";\n");
        TestProject.write(project, "db/migration/V3__retype.sql", "ALTER TABLE auth ALTER COLUMN made TYPE stamp;\n");

        assertEquals(List.of("ALTER TABLE auth changes the type of column made " + expected),
                lint().stream().map(Finding::message).toList());
    }

    private List<Finding> lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2));
        return result.findings().stream().filter(f -> f.ruleId().equals("alter-column-type")).toList();
    }
}
