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
 * H2's {@code CREATE DOMAIN IF NOT EXISTS} creates a domain as PostgreSQL's CREATE DOMAIN does, unless one of that
 * name exists already, which it leaves as it is: a column of the domain is judged by its base type.
 */
class LinterH2DomainRetypeTest {

    private static final String DOMAINS = "CREATE DOMAIN IF NOT EXISTS amount AS DECIMAL(12,2);\n"
            + "CREATE DOMAIN IF NOT EXISTS amount AS DECIMAL(20,2);\n"
            + "CREATE TABLE invoice (id BIGINT PRIMARY KEY, total amount, note VARCHAR(50));\n";

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "total SET DATA TYPE DECIMAL(14,2)|''",
        "total SET DATA TYPE DECIMAL(12,2)|''",
        "total SET DATA TYPE DECIMAL(10,2)|from amount to DECIMAL(10, 2) (fewer integer digits: 10 to 8)",
    })
    void judgesTheDomainByItsBaseType(String change, String expected) throws IOException {
        TestProject.write(project, "db/migration/V1__init.sql", DOMAINS);
        TestProject.write(project, "db/migration/V2__retype.sql", "ALTER TABLE invoice ALTER COLUMN " + change + ";\n");

        List<String> messages = lint().stream().map(Finding::message).toList();

        String column = change.substring(0, change.indexOf(' '));
        assertEquals(expected.isEmpty() ? List.of()
                : List.of("ALTER TABLE invoice changes the type of column " + column + " " + expected), messages);
    }

    private List<Finding> lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.H2, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2));
        return result.findings().stream().filter(f -> f.ruleId().equals("alter-column-type")).toList();
    }
}
