package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A schema-upgrade runner's {@code --DELETE_NOT_EXISTS primary.key,other.ref,.. batch.size.property} line deletes
 * the rows of {@code primary} whose key no listed column refers to: a statement written as a comment, which the split
 * must not pass over.
 */
class OrphanDeleteDirectivesTest {

    @Test
    void theDirectiveIsTheDeleteItRunsInItsPlace() {
        String script = "UPDATE prop SET kind = 1 WHERE id = 7;\n"
                + "--DELETE_NOT_EXISTS prop_root.id,audit_app.paths_id,audit_entry.values_id system.batchsize\n"
                + "\n"
                + "  --DELETE_NOT_EXISTS_V3 prop_value.id,prop_link.key_id system.batchsize system.prop_value.skipToId\n"
                + "DELETE FROM prop WHERE id = 8;\n";

        assertEquals(List.of(
                "1:1 UPDATE prop SET kind = 1 WHERE id = 7",
                "2:1 DELETE FROM prop_root WHERE NOT EXISTS (SELECT 1 FROM audit_app ref1"
                        + " WHERE ref1.paths_id = prop_root.id) AND NOT EXISTS (SELECT 1 FROM audit_entry ref2"
                        + " WHERE ref2.values_id = prop_root.id)",
                "4:3 DELETE FROM prop_value WHERE NOT EXISTS (SELECT 1 FROM prop_link ref1"
                        + " WHERE ref1.key_id = prop_root.id)".replace("prop_root", "prop_value"),
                "5:1 DELETE FROM prop WHERE id = 8"), statements(script));
    }

    /** A third part after a column filters its table's rows; the runner takes off the quotes around it. */
    @Test
    void filtersOfTheListedTablesStayInTheirQueries() {
        String script = "--DELETE_NOT_EXISTS string_value.id,prop_value.long_value.\"persisted_type in (3, 5, 6)\","
                + "audit_app.name_id system.batchsize\n";

        assertEquals(List.of("1:1 DELETE FROM string_value WHERE NOT EXISTS (SELECT 1 FROM prop_value ref1"
                + " WHERE ref1.long_value = string_value.id AND (persisted_type in (3, 5, 6))) AND NOT EXISTS"
                + " (SELECT 1 FROM audit_app ref2 WHERE ref2.name_id = string_value.id)"), statements(script));
    }

    /** The runner reads none of these as the directive, so nothing runs. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            -- DELETE_NOT_EXISTS prop_root.id,audit_app.paths_id system.batchsize
            --DELETE_NOT_EXISTS prop_root.id system.batchsize
            --DELETE_NOT_EXISTS prop_root.id,audit_app.paths_id
            --DELETE_NOT_EXISTS prop_root.id,audit_app.paths_id system.batchsize system.skipToId extra
            --DELETE_NOT_EXISTS prop_root,audit_app system.batchsize
            "SELECT 1; --DELETE_NOT_EXISTS prop_root.id,audit_app.paths_id system.batchsize"
            """)
    void aLineTheRunnerDoesNotReadAsTheDirectiveStaysAComment(String line) {
        assertEquals(List.of(), statements(line + "\n").stream().filter(s -> s.contains("DELETE")).toList());
    }

    /** Liquibase sends the line to the database with the rest of the change, where it is a comment. */
    @Test
    void inAChangesetTheLineIsAComment() {
        String sql = "--DELETE_NOT_EXISTS prop_root.id,audit_app.paths_id system.batchsize\nSELECT 1;\n";
        Script script = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT).split("changelog.xml", sql, 0,
                sql.length(), 4, 7, new StatementContext(StatementContext.Kind.SCRIPT, "changeset a:1"));

        assertEquals(List.of("SELECT 1"), script.statements().stream().map(Statement::sql).toList());
    }

    private static List<String> statements(String script) {
        return new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT).split("V1__clean.sql", script)
                .statements().stream()
                .map(s -> s.start().line() + ":" + s.start().column() + " " + s.sql())
                .toList();
    }
}
