package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceKind;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a down script is checked against follows the script it reverses, so cached results stay honest. */
class MigrationHistoriesTest {

    private static String downHistory(String upSql) {
        MigrationHistories histories = new MigrationHistories();
        add(histories, "m/2020_a/up.sql", upSql);
        add(histories, "m/2020_a/down.sql", "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(5);");
        histories.replay();
        return histories.historyBefore("m/2020_a/down.sql");
    }

    private static void add(MigrationHistories histories, String path, String sql) {
        histories.add(path, SourceClassification.of(SourceKind.PLAIN_SQL),
                new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT).split(path, sql).statements());
    }

    @Test
    void aDownScriptsHistoryIsTheOneAfterItsUpScript() {
        String narrow = downHistory("CREATE TABLE t (c VARCHAR(10));");
        assertTrue(!narrow.isEmpty());
        assertEquals(narrow, downHistory("CREATE TABLE t (c VARCHAR(10));"));
        assertNotEquals(narrow, downHistory("CREATE TABLE t (c VARCHAR(100));"));
    }

    @Test
    void mariaDbModifyIfExistsIsReplayed() {
        SchemaReplay replay = new SchemaReplay();
        var statements = new StatementSplitter(Dialect.MARIADB, Placeholders.DEFAULT).split("V1__x.sql",
                "CREATE TABLE t (c VARCHAR(10));\nALTER TABLE t MODIFY COLUMN IF EXISTS c VARCHAR(5);\n").statements();
        statements.forEach(replay::apply);
        assertEquals(Optional.of("VARCHAR(10)"), replay.factsFor(statements.get(1)).retypes().get(0).from()
                .map(SqlType::written));
    }
}
