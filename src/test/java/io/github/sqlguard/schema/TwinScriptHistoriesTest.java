package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceKind;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A script beside its version for another database ({@code app_ddl.sql} beside {@code app_ddl_pg.sql}) is the
 * project's main database's script: it is not replayed in the other database's history, where its tables would
 * be created again with the other database's types.
 */
class TwinScriptHistoriesTest {

    @Test
    void theMainScriptBesideItsTwinForAnotherDatabaseIsAHistoryOfItsOwn() {
        MigrationHistories histories = new MigrationHistories();
        add(histories, "db/app_ddl.sql", Dialect.MYSQL, "CREATE TABLE t (c VARCHAR(255));");
        add(histories, "db/app_ddl_pg.sql", Dialect.POSTGRESQL, "CREATE TABLE t (c VARCHAR(100));");
        add(histories, "db/app_dml.sql", Dialect.MYSQL, "ALTER TABLE t MODIFY c VARCHAR(50);");
        add(histories, "db/app_dml_pg.sql", Dialect.POSTGRESQL, "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(50);");
        histories.replay();
        assertEquals(Optional.of("VARCHAR(255)"), typeBefore(histories, "db/app_dml.sql", Dialect.MYSQL,
                "ALTER TABLE t MODIFY c VARCHAR(50);"));
        assertEquals(Optional.of("VARCHAR(100)"), typeBefore(histories, "db/app_dml_pg.sql", Dialect.POSTGRESQL,
                "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(50);"));
    }

    /** Scripts that name no database below such a pair are the main database's too, not the other one's. */
    @Test
    void scriptsThatNameNoDatabaseBesideATwinPairAreTheMainDatabases() {
        MigrationHistories histories = new MigrationHistories();
        add(histories, "db/app_ddl.sql", Dialect.MYSQL, "CREATE TABLE t (c VARCHAR(255));");
        add(histories, "db/app_ddl_pg.sql", Dialect.POSTGRESQL, "CREATE TABLE t (c VARCHAR(100));");
        add(histories, "db/module/more.sql", Dialect.MYSQL, "ALTER TABLE t MODIFY c VARCHAR(50);");
        histories.replay();
        assertEquals(Optional.of("VARCHAR(255)"), typeBefore(histories, "db/module/more.sql", Dialect.MYSQL,
                "ALTER TABLE t MODIFY c VARCHAR(50);"));
    }

    private static Optional<String> typeBefore(MigrationHistories histories, String path, Dialect dialect,
            String sql) {
        var statement = new StatementSplitter(dialect, Placeholders.DEFAULT).split(path, sql).statements().get(0);
        var retype = histories.factsFor(statement).retypes().get(0);
        return retype.from().map(SqlType::written);
    }

    private static void add(MigrationHistories histories, String path, Dialect dialect, String sql) {
        histories.add(path, SourceClassification.of(SourceKind.PLAIN_SQL),
                new StatementSplitter(dialect, Placeholders.DEFAULT).split(path, sql).statements());
    }
}
