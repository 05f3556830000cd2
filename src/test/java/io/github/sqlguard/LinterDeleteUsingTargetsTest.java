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
 * MySQL's {@code DELETE FROM t1, t2 USING ..} deletes from every table listed before USING, each named by the alias
 * the USING list gives it: a finding names every one of them by its table.
 */
class LinterDeleteUsingTargetsTest {

    private static final String SCHEMA = "CREATE TABLE samples (id INT PRIMARY KEY, probe_id INT, v INT);\n"
            + "CREATE TABLE probes (id INT PRIMARY KEY, name VARCHAR(20));\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            MYSQL      | DELETE FROM s, p USING samples s, probes p                                  | 2:1 DELETE without WHERE removes every row of samples, probes
            MARIADB    | DELETE FROM s, p USING samples AS s, probes AS p                            | 2:1 DELETE without WHERE removes every row of samples, probes
            MYSQL      | DELETE FROM samples, probes USING samples, probes                           | 2:1 DELETE without WHERE removes every row of samples, probes
            MYSQL      | DELETE FROM s USING samples s, probes p                                     | 2:1 DELETE without WHERE removes every row of samples
            MYSQL      | DELETE QUICK FROM s, p USING samples s, probes p                            | 2:1 DELETE without WHERE removes every row of samples, probes
            MYSQL      | DELETE FROM s, p USING samples s, probes p WHERE s.probe_id = p.id AND s.v > 3 | -
            POSTGRESQL | DELETE FROM samples USING probes                                            | 2:1 DELETE without WHERE removes every row of samples
            POSTGRESQL | DELETE FROM samples s USING probes p WHERE s.probe_id = p.id AND p.name = 'x' | -
            """)
    void namesEveryTargetByItsTable(Dialect dialect, String sql, String expected) throws IOException {
        List<String> found = withoutWhere(dialect, "-- clean up\n" + sql);
        assertEquals(expected == null ? List.of() : List.of(expected), found);
    }

    private List<String> withoutWhere(Dialect dialect, String sql) throws IOException {
        // The tables come from an earlier migration: tables the same script creates are scratch tables.
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), SCHEMA, StandardCharsets.UTF_8);
        Files.writeString(file, sql + ";\n", StandardCharsets.UTF_8);
        return ProjectLint.findings(project, dialect).stream().filter(f -> f.ruleId().equals("delete-without-where"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
    }
}
