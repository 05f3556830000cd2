package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A schema-upgrade runner's {@code --FOREACH t.id batch.size.property} line runs the next statement once per range
 * of {@code t.id}, from 0 up to its largest value, with {@code ${LOWERBOUND}} and {@code ${UPPERBOUND}} set to each
 * range's ends: a condition that only keeps a column between those bounds restricts nothing over the whole sweep.
 */
class LinterBatchSweepTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            delete from node where id >= ${LOWERBOUND} and id <= ${UPPERBOUND};                    | delete-without-where@2:ERROR
            DELETE FROM node WHERE ${LOWERBOUND} <= id AND id <= ${UPPERBOUND};                    | delete-without-where@2:ERROR
            DELETE FROM node WHERE id BETWEEN ${LOWERBOUND} AND ${UPPERBOUND};                     | delete-without-where@2:ERROR
            UPDATE node SET kind = 0 WHERE id >= ${LOWERBOUND} AND id <= ${UPPERBOUND};           | update-without-where@2:ERROR
            DELETE FROM node WHERE deleted = 1 AND id >= ${LOWERBOUND} AND id <= ${UPPERBOUND};   | ""
            DELETE FROM node WHERE id >= ${LOWERBOUND} AND id <= ${UPPERBOUND} AND deleted = 1;   | ""
            DELETE FROM node WHERE deleted = 1 OR id >= ${LOWERBOUND} AND id <= ${UPPERBOUND};    | delete-without-where@2:ERROR
            DELETE FROM node WHERE id <= ${UPPERBOUND} OR deleted = 1;                             | delete-without-where@2:ERROR
            DELETE FROM node WHERE deleted = 1 OR kind = 2 AND id >= ${LOWERBOUND} AND id <= ${UPPERBOUND}; | ""
            DELETE FROM node WHERE kind = 2 AND (deleted = 1 OR id >= ${LOWERBOUND} AND id <= ${UPPERBOUND}); | ""
            DELETE FROM node WHERE (deleted = 1 OR id >= ${LOWERBOUND}) AND id <= ${UPPERBOUND}; | delete-without-where@2:ERROR
            DELETE FROM node WHERE NOT (deleted = 1 OR id <= ${UPPERBOUND}) AND kind = 2;        | ""
            DELETE FROM node WHERE (id >= ${LOWERBOUND} AND id <= ${UPPERBOUND});                  | delete-without-where@2:ERROR
            DELETE FROM node WHERE ((id >= ${LOWERBOUND}) AND (id <= ${UPPERBOUND}));              | delete-without-where@2:ERROR
            UPDATE node SET kind = 0 WHERE kind = 1 AND (id BETWEEN ${LOWERBOUND} AND ${UPPERBOUND}); | ""
            DELETE FROM node WHERE (id >= ${LOWERBOUND} AND id <= ${UPPERBOUND}) AND deleted = 1; | ""
            DELETE FROM node WHERE deleted = 1 OR (id >= ${LOWERBOUND} AND id <= ${UPPERBOUND});  | delete-without-where@2:ERROR
            """)
    void boundsOfTheBatchRestrictNothing(String statement, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE node (id bigint PRIMARY KEY, kind int, deleted int);\n");
        TestProject.write(project, "db/V2__sweep.sql", """
                --FOREACH node.id system.upgrade.node.batchsize
                %s
                """.formatted(statement));

        assertEquals(expected, describe(Dialect.POSTGRESQL));
    }

    /** Without the directive nothing runs the statement in batches: the bounds are values nobody knows here. */
    @Test
    void boundsWithoutTheDirectiveRestrict() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE node (id bigint PRIMARY KEY, kind int);\n");
        TestProject.write(project, "db/V2__sweep.sql", """
                -- FOREACH node.id is disabled here, as the blank after the dashes says
                DELETE FROM node WHERE id >= ${LOWERBOUND} AND id <= ${UPPERBOUND};
                """);

        assertEquals("", describe(Dialect.POSTGRESQL));
    }

    /** The runner forgets the directive once its statement ran: the next statement runs once, with the last bounds. */
    @Test
    void theDirectiveSweepsOnlyTheNextStatement() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE node (id bigint PRIMARY KEY, kind int);\n");
        TestProject.write(project, "db/V2__sweep.sql", """
                --FOREACH node.id system.upgrade.node.batchsize
                UPDATE node SET kind = 1 WHERE id >= ${LOWERBOUND} AND id <= ${UPPERBOUND} AND kind = 0;
                DELETE FROM node WHERE id >= ${LOWERBOUND} AND id <= ${UPPERBOUND};
                """);

        assertEquals("", describe(Dialect.POSTGRESQL));
    }

    @Test
    void theMessageNamesTheSweep() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE node (id bigint PRIMARY KEY, kind int);\n");
        TestProject.write(project, "db/V2__sweep.sql", """
                --FOREACH node.id system.upgrade.node.batchsize
                DELETE FROM node
                    WHERE id >= ${LOWERBOUND} AND id <= ${UPPERBOUND};
                """);

        Finding finding = ProjectLint.findings(project, Dialect.POSTGRESQL).get(0);
        assertEquals(2, finding.location().line());
        assertEquals(1, finding.location().column());
        assertTrue(finding.message().contains("--FOREACH node.id at line 1"), finding.message());
    }

    /** A copy swept the same way takes every row, so dropping its source after it loses none. */
    @Test
    void aSweptCopyTakesEveryRow() throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE node (id bigint PRIMARY KEY, kind int, uuid varchar(36));\n");
        TestProject.write(project, "db/V2__rebuild.sql", """
                ALTER TABLE node RENAME TO t_node;
                CREATE TABLE node (id bigint PRIMARY KEY, kind int, uuid varchar(36));
                --FOREACH t_node.id system.upgrade.node.batchsize
                INSERT INTO node (id, kind, uuid)
                (
                    SELECT id, kind, uuid FROM t_node WHERE id >= ${LOWERBOUND} AND id <= ${UPPERBOUND}
                );
                DROP TABLE t_node;
                """);

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList();
        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
    }

    private String describe(Dialect dialect) {
        return ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().endsWith("-without-where"))
                .map(f -> f.ruleId() + "@" + f.location().line() + ":" + f.severity())
                .collect(Collectors.joining(" / "));
    }
}
