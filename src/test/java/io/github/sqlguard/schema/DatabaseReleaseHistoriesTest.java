package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceKind;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scripts named for releases of one database ({@code postgres84.sql}, {@code postgres91.sql},
 * {@code postgresql.sql}) in steps of their own are that database's one history, as its administrator runs them
 * one after the other; releases kept side by side for the same step stay apart.
 */
class DatabaseReleaseHistoriesTest {

    private static final String CREATE = "CREATE TABLE t (c VARCHAR(255));";
    private static final String ADD = "ALTER TABLE t ADD e INT;";
    private static final String NARROW = "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(50);";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // one release per step: one history through all of them
        "upgrade/1.0_to_1.1/postgres84.sql | upgrade/1.4_to_1.5/postgres91.sql | upgrade/12_to_13/postgresql.sql"
                + " | VARCHAR(255)",
        "upgrade/1.0_to_1.1/postgres84.sql | upgrade/1.4_to_1.5/postgresql9.sql | upgrade/2_to_3/pg.sql"
                + " | VARCHAR(255)",
        "db/pg84/1_create.sql              | db/pg84/2_add.sql                | db/upgrade/3/postgresql9.sql"
                + " | VARCHAR(255)",
        // two releases side by side: each a history of its own, the narrowing's knows no table t
        "upgrade/1.0_to_1.1/postgres84.sql | upgrade/1.0_to_1.1/postgres91.sql | upgrade/2_to_3/postgres91.sql"
                + " | ",
        "db/pg84/1_create.sql              | db/pg91/2_add.sql                | db/pg91/3_narrow.sql | ",
    })
    void releasesOfOneDatabaseInStepsOfTheirOwnAreOneHistory(String create, String add, String narrow,
            String typeBefore) {
        MigrationHistories histories = new MigrationHistories();
        add(histories, create, CREATE);
        add(histories, add, ADD);
        add(histories, narrow, NARROW);
        histories.replay();
        var retype = histories.factsFor(statement(narrow, NARROW)).retypes().get(0);
        assertEquals(Optional.ofNullable(typeBefore), retype.from().map(SqlType::written), retype.unknownBecause());
    }

    private static void add(MigrationHistories histories, String path, String sql) {
        histories.add(path, SourceClassification.of(SourceKind.PLAIN_SQL),
                new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT).split(path, sql).statements());
    }

    private static io.github.sqlguard.sql.Statement statement(String path, String sql) {
        return new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT).split(path, sql).statements().get(0);
    }
}
