package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceKind;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Upgrade steps kept in a folder per step with a script per database ({@code 2_to_3/mysql5.sql} beside
 * {@code 2_to_3/mariadb10.sql}): where a step has a script for MySQL or MariaDB only, the other database of the
 * family runs that one, as MariaDB runs MySQL's scripts; its history goes through every step.
 */
class FamilyStepScriptsTest {

    private static final String NARROW = "ALTER TABLE t MODIFY c VARCHAR(50);";

    @Test
    void aStepWithAScriptForOneDatabaseOfTheMySqlFamilyRunsItOnTheOther() {
        MigrationHistories histories = new MigrationHistories();
        add(histories, "up/1_to_2/mysql5.sql", "CREATE TABLE t (c VARCHAR(255));");
        add(histories, "up/2_to_3/mysql5.sql", "ALTER TABLE t ADD e INT;");
        add(histories, "up/2_to_3/mariadb10.sql", "ALTER TABLE t ADD e INT;");
        add(histories, "up/3_to_4/mariadb.sql", NARROW);
        histories.replay();
        var retypes = histories.factsFor(statement("up/3_to_4/mariadb.sql", NARROW)).retypes();
        assertFalse(retypes.isEmpty());
        retypes.forEach(retype -> assertEquals(Optional.of("VARCHAR(255)"), retype.from().map(SqlType::written),
                retype.unknownBecause()));
    }

    @Test
    void foldersNamedForTheDatabasesStayTheirOwn() {
        MigrationHistories histories = new MigrationHistories();
        add(histories, "db/mysql/1_to_2/a.sql", "CREATE TABLE t (c VARCHAR(255));");
        add(histories, "db/mariadb/2_to_3/a.sql", "CREATE TABLE u (c INT);");
        add(histories, "db/mariadb/3_to_4/a.sql", NARROW);
        histories.replay();
        var retype = histories.factsFor(statement("db/mariadb/3_to_4/a.sql", NARROW)).retypes().get(0);
        assertEquals(Optional.empty(), retype.from().map(SqlType::written));
    }

    private static void add(MigrationHistories histories, String path, String sql) {
        histories.add(path, SourceClassification.of(SourceKind.PLAIN_SQL), statements(path, sql));
    }

    private static java.util.List<Statement> statements(String path, String sql) {
        return new StatementSplitter(Dialect.MYSQL, Placeholders.DEFAULT).split(path, sql).statements();
    }

    private static Statement statement(String path, String sql) {
        return statements(path, sql).get(0);
    }
}
