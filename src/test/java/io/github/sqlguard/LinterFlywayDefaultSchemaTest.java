package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
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
 * Flyway runs every script with its default schema as the current one, so an unqualified name and the name
 * qualified with that schema are one table: a guard set up under one holds for a statement written with the other.
 */
class LinterFlywayDefaultSchemaTest {

    @TempDir
    Path project;

    private static final String ADD_THEN_FILL = "ALTER TABLE ftap ADD COLUMN active boolean;\n"
            + "UPDATE %s.ftap SET active = true;\n";

    @ParameterizedTest
    @CsvSource({
        // the schema Flyway runs in: the column was added to this very table earlier in the script
        "referencedata, POSTGRESQL, referencedata, update-without-where INFO",
        "REFERENCEDATA, POSTGRESQL, referencedata, update-without-where INFO",
        "shop,          MYSQL,      shop,          update-without-where INFO",
        // another schema's table of the same name never got the column
        "referencedata, POSTGRESQL, other,         update-without-where ERROR",
        "referencedata, POSTGRESQL, public,        update-without-where ERROR",
        // no default schema named: an unqualified name means the database's default schema, as before
        ",              POSTGRESQL, referencedata, update-without-where ERROR",
        // SQL Server keeps the user's default schema whatever Flyway's is
        "sales,         SQLSERVER,  sales,         update-without-where ERROR",
        // a dialect not known: names match only as written
        "referencedata, AUTO,       referencedata, update-without-where ERROR",
    })
    void unqualifiedNameMeansFlywaysDefaultSchema(String defaultSchema, Dialect dialect, String qualifier,
            String expected) throws IOException {
        write("db/V1__add.sql", ADD_THEN_FILL.formatted(qualifier));
        assertEquals(expected, ruleIds(lint(defaultSchema, dialect)));
    }

    @ParameterizedTest
    @CsvSource({"referencedata, drop-table INFO", ", drop-table ERROR"})
    void scratchTableDroppedUnderItsQualifiedName(String defaultSchema, String expected) throws IOException {
        write("db/V1__scratch.sql", "CREATE TABLE ftap_backup AS SELECT * FROM ftap;\n"
                + "DROP TABLE referencedata.ftap;\n"
                + "ALTER TABLE ftap_backup RENAME TO ftap;\n");
        assertEquals(expected, ruleIds(lint(defaultSchema, Dialect.POSTGRESQL)));
    }

    /** A table the script created empty holds nothing when it is dropped under its qualified name. */
    @ParameterizedTest
    @CsvSource({"referencedata, referencedata, false", "referencedata, other, true", ", referencedata, true"})
    void tableCreatedInTheScriptIsTheQualifiedOne(String defaultSchema, String qualifier, boolean reported)
            throws IOException {
        write("db/V1__scratch.sql", "CREATE TABLE ftap_tmp (id int);\nINSERT INTO ftap_tmp SELECT id FROM ftap;\n"
                + "DROP TABLE %s.ftap_tmp;\n".formatted(qualifier));
        assertEquals(reported, ruleIds(lint(defaultSchema, Dialect.POSTGRESQL)).contains("drop-table ERROR"),
                ruleIds(lint(defaultSchema, Dialect.POSTGRESQL)));
    }

    private static String ruleIds(LintResult result) {
        return String.join(",", result.findings().stream().map(f -> f.ruleId() + " " + f.severity()).sorted()
                .toList());
    }

    private LintResult lint(String defaultSchema, Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = FlywayConfig.DEFAULTS.withDefaultSchema(defaultSchema);
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), flyway, defaults.liquibase(), List.of(),
                null, defaults.maxFileBytes(), 2));
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
