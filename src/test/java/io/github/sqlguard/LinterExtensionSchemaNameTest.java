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
 * A PostgreSQL extension script names its tables {@code @extschema@.config}, and {@code CREATE EXTENSION} fills in
 * the schema: the name starts with {@code @} like a T-SQL table variable's, but a qualified name is a real table,
 * whose rows outlive the script.
 */
class LinterExtensionSchemaNameTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "POSTGRESQL | UPDATE @extschema@.config SET retention = NULL; | 1:1 update-without-where ERROR",
        "AUTO | UPDATE @extschema@.config SET retention = 5; | 1:1 update-without-where ERROR",
        "POSTGRESQL | DELETE FROM @extschema@.config; | 1:1 delete-without-where ERROR",
        "AUTO | DELETE FROM @extschema@.config; | 1:1 delete-without-where ERROR",
        "POSTGRESQL | SELECT 1;\\nUPDATE @extschema@.\"Config\" SET retention = NULL; | 2:1 update-without-where ERROR",
        // A T-SQL table variable is one part, and lives for the batch only.
        "SQLSERVER | DECLARE @ids TABLE (id INT);\\nDELETE FROM @ids; | -",
        "SQLSERVER | DECLARE @ids TABLE (id INT, seen BIT);\\nUPDATE @ids SET seen = 1; | -",
    })
    void aQualifiedNameThatStartsWithAnAtSignIsARealTable(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }

    @TempDir
    Path project;

    /** Rows copied into a table of the extension's schema are kept there, as in any other real table. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "POSTGRESQL | INSERT INTO @extschema@.config_old (parent, retention) SELECT parent, retention"
                + " FROM @extschema@.config; DROP TABLE @extschema@.config;"
                + " | 2:1 drop-table INFO rows copied to @extschema@.config_old at line 1",
        "POSTGRESQL | DROP TABLE @extschema@.config; | 1:1 drop-table ERROR",
    })
    void rowsCopiedIntoATableOfTheExtensionsSchemaAreKept(Dialect dialect, String sql, String expected)
            throws IOException {
        List<String> found = ProjectLint.findingsAfterSchema(project, dialect,
                        "CREATE TABLE @extschema@.config (parent text, retention text);\n"
                                + "CREATE TABLE @extschema@.config_old (parent text, retention text);\n",
                        sql.replace("; ", ";\n"))
                .stream().map(ProjectLint::placeAndGuard).toList();
        assertEquals(List.of(expected.split(" / ")), found, sql);
    }
}
