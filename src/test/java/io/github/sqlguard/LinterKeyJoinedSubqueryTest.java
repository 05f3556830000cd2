package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DELETE or UPDATE whose {@code id IN (SELECT ..)} or {@code EXISTS (SELECT ..)} subquery joins tables without a filter, each join following a
 * key reference away from the table it selects: every row of that table keeps its related rows, so the subquery
 * reads it as if alone, the joins written with JOIN .. ON or as a list of tables tied in the WHERE. Selecting the target itself pairs each row with itself ({@code always-true-where}); selecting
 * another table requires only a related row there ({@code unfiltered-subquery}). A join the other way, a join on
 * anything but a key reference, an outer join or a filter in the subquery restricts, and stays quiet.
 */
class LinterKeyJoinedSubqueryTest {

    private static final String SCHEMA = """
            CREATE TABLE sync_mapping (id bigint PRIMARY KEY, entity_type varchar(20));
            CREATE TABLE sync_config (id bigint PRIMARY KEY,
              mapping_id bigint NOT NULL REFERENCES sync_mapping (id), note varchar(20));
            CREATE TABLE sync_identity (id bigint PRIMARY KEY REFERENCES sync_config (id), flag int);
            CREATE TABLE sync_log (id bigint PRIMARY KEY, config_id bigint NOT NULL REFERENCES sync_config (id));
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM sync_identity si WHERE si.id IN (SELECT i.id FROM sync_mapping m JOIN sync_config c ON (m.id = c.mapping_id) JOIN sync_identity i ON (c.id = i.id)) | 2:3 always-true-where
            DELETE FROM sync_identity WHERE id IN (SELECT i.id FROM sync_identity i INNER JOIN sync_config c ON c.id = i.id) | 2:3 always-true-where
            UPDATE sync_identity SET flag = 0 WHERE id IN (SELECT i.id FROM sync_config AS c JOIN sync_identity AS i ON i.id = c.id) | 2:3 always-true-where
            DELETE FROM sync_identity WHERE id IN (SELECT c.id FROM sync_config c JOIN sync_mapping m ON m.id = c.mapping_id) | 2:3 unfiltered-subquery
            DELETE FROM sync_identity si WHERE si.id IN (SELECT i.id FROM sync_mapping m JOIN sync_config c ON (m.id = c.mapping_id) JOIN sync_identity i ON (c.id = i.id) WHERE m.entity_type <> 'IDENTITY') | -
            DELETE FROM sync_identity WHERE id IN (SELECT i.id FROM sync_identity i, sync_config c WHERE c.id = i.id)  | 2:3 always-true-where
            DELETE FROM sync_identity WHERE id IN (SELECT i.id FROM sync_identity i, sync_config c WHERE c.id = i.id AND c.note = 'x') | -
            DELETE FROM sync_identity WHERE id IN (SELECT i.id FROM sync_identity i, sync_config c WHERE c.id = sync_identity.flag) | -
            DELETE FROM sync_identity WHERE id IN (SELECT i.id FROM sync_identity i, sync_config c)                   | -
            DELETE FROM sync_identity WHERE EXISTS (SELECT 1 FROM sync_config c JOIN sync_mapping m ON m.id = c.mapping_id WHERE c.id = sync_identity.id) | 2:3 unfiltered-subquery
            DELETE FROM sync_identity si WHERE EXISTS (SELECT 1 FROM sync_identity i, sync_config c WHERE c.id = i.id AND i.id = si.id) | 2:3 always-true-where
            DELETE FROM sync_identity si WHERE EXISTS (SELECT 1 FROM sync_config c JOIN sync_mapping m ON m.id = c.mapping_id WHERE c.id = si.id AND m.entity_type = 'x') | -
            DELETE FROM sync_identity si WHERE EXISTS (SELECT 1 FROM sync_config c JOIN sync_log l ON l.config_id = c.id WHERE c.id = si.id) | -
            DELETE FROM sync_identity si WHERE EXISTS (SELECT 1 FROM sync_config c JOIN sync_log l ON l.config_id = c.id WHERE l.id = si.id AND c.id = si.id) | -
            DELETE FROM sync_identity WHERE id IN (SELECT i.id FROM sync_identity i JOIN sync_config c ON c.id = i.id AND c.note = 'x') | -
            DELETE FROM sync_identity WHERE id IN (SELECT i.id FROM sync_identity i JOIN sync_log l ON l.config_id = i.id) | -
            DELETE FROM sync_identity WHERE id IN (SELECT c.id FROM sync_config c JOIN sync_log l ON l.config_id = c.id) | -
            DELETE FROM sync_identity WHERE id IN (SELECT i.id FROM sync_identity i LEFT JOIN sync_config c ON c.id = i.id) | -
            DELETE FROM sync_identity WHERE id IN (SELECT i.id FROM sync_identity i JOIN sync_config c ON c.note = i.flag) | -
            DELETE FROM sync_identity WHERE id IN (SELECT i.id FROM sync_identity i JOIN legacy_config c ON c.id = i.id) | -
            DELETE FROM sync_identity WHERE id IN (SELECT id FROM sync_identity i JOIN sync_config c ON c.id = i.id) | -
            """)
    void joinsAlongKeyReferencesRestrictNothing(String sql, String expected) throws IOException {
        List<String> found = lint("SELECT 1;\n  " + sql + ";\n").stream()
                .filter(f -> f.ruleId().equals("always-true-where") || f.ruleId().equals("unfiltered-subquery"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId()).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    private List<io.github.sqlguard.model.Finding> lint(String sql) throws IOException {
        // The tables come from an earlier migration: tables the same script creates are empty.
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__schema.sql"), SCHEMA, StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V2__change.sql"), sql, StandardCharsets.UTF_8);
        return ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.location().path().toString().contains("V2__")).toList();
    }
}
