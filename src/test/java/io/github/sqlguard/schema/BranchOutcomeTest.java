package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the replay knows of a table after a branch of a block that may or may not have run changed it. */
class BranchOutcomeTest {

    /** PostgreSQL's idempotent migrations retype a column only where it differs, then add columns if missing. */
    private static final String GUARDED_RETYPE = """
            CREATE TABLE channels (id INT, purpose VARCHAR(128));
            DO $$
            BEGIN
              IF found THEN
                  ALTER TABLE channels ALTER COLUMN purpose TYPE varchar(250);
              END IF;
            END $$;
            ALTER TABLE channels ADD COLUMN IF NOT EXISTS shared boolean;
            ALTER TABLE channels ALTER COLUMN shared TYPE boolean;
            ALTER TABLE channels ALTER COLUMN purpose TYPE varchar(64);
            """;

    @Test
    void aGuardedRetypeLeavesEveryColumnNameKnown() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = SchemaReplayTest.statements(Dialect.POSTGRESQL, GUARDED_RETYPE);
        statements.forEach(replay::apply);

        ColumnRetype added = retypeEnding(replay, statements, "shared TYPE boolean");
        assertEquals("boolean", added.from().map(SqlType::written).orElse(added.unknownBecause()),
                "ADD COLUMN IF NOT EXISTS adds a column the table surely did not have");
        ColumnRetype retyped = retypeEnding(replay, statements, "purpose TYPE varchar(64)");
        assertFalse(retyped.from().isPresent(), "VARCHAR(128) or varchar(250), as the branch ran or not");
        assertTrue(retyped.unknownBecause().contains(
                "column purpose of table channels is changed in a branch ending at V1__test.sql:5"),
                retyped.unknownBecause());
    }

    @Test
    void aBranchThatRenamesAColumnLeavesTheColumnsNotAllKnown() {
        Table before = SchemaReplayTest.replayed(Dialect.POSTGRESQL, "CREATE TABLE t (a INT, b INT);")
                .table("t").orElseThrow();
        Table after = SchemaReplayTest.replayed(Dialect.POSTGRESQL, "CREATE TABLE t (a INT, c INT);")
                .table("t").orElseThrow();

        BranchOutcome outcome = BranchOutcome.of(before, after);

        assertFalse(outcome.table().complete());
        assertTrue(outcome.table().column("b").isPresent() && outcome.table().column("c").isPresent());
    }

    @Test
    void aBranchThatOnlyAddsColumnsLeavesEveryColumnNameKnown() {
        Table before = SchemaReplayTest.replayed(Dialect.MYSQL, "CREATE TABLE t (a INT, b INT);")
                .table("t").orElseThrow();
        Table after = SchemaReplayTest.replayed(Dialect.MYSQL, "CREATE TABLE t (a INT, b INT, c TEXT);")
                .table("t").orElseThrow();

        BranchOutcome outcome = BranchOutcome.of(before, after);

        assertTrue(outcome.table().complete());
        assertEquals("TEXT", outcome.table().column("c").flatMap(Column::type).map(SqlType::written).orElse(""));
        assertEquals(List.of(), List.copyOf(outcome.changedColumns()));
    }

    /** Two guarded ADDs in a row: the second adds a column the table surely lacked, of the type it names. */
    @Test
    void aSecondGuardedAddKeepsTheTypeOfTheColumnItAdds() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = SchemaReplayTest.statements(Dialect.MYSQL, """
                CREATE TABLE users (id INT PRIMARY KEY, note VARCHAR(100));
                DELIMITER //
                CREATE PROCEDURE add_columns()
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'source') THEN
                    ALTER TABLE users ADD source TEXT;
                  END IF;
                  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'origin') THEN
                    ALTER TABLE users ADD origin TEXT;
                  END IF;
                END//
                DELIMITER ;
                CALL add_columns();
                ALTER TABLE users MODIFY origin VARCHAR(10);
                """);
        statements.forEach(replay::apply);

        ColumnRetype retype = retypeEnding(replay, statements, "MODIFY origin VARCHAR(10)");
        assertEquals("TEXT", retype.from().map(SqlType::written).orElse(retype.unknownBecause()));
    }

    /**
     * MySQL procedures guard a widening with {@code IF .. data_type = 'tinyint' THEN MODIFY c INT}: where the column
     * already is an int, either way it ends an int, however the two statements spell the type and the name.
     */
    @Test
    void aBranchThatRestatesAColumnsTypeInOtherWordsKeepsItsType() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = SchemaReplayTest.statements(Dialect.MYSQL, """
                CREATE TABLE `perms` (`id` BIGINT NOT NULL, `sort_order` int DEFAULT 0, PRIMARY KEY (`id`));
                DELIMITER ;;
                CREATE PROCEDURE widen_sort_order()
                BEGIN
                  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE data_type = 'tinyint') THEN
                    ALTER TABLE `perms` MODIFY COLUMN sort_order INT DEFAULT 0;
                  END IF;
                END;;
                DELIMITER ;
                CALL widen_sort_order();
                ALTER TABLE perms MODIFY sort_order SMALLINT;
                """);
        statements.forEach(replay::apply);

        ColumnRetype retype = retypeEnding(replay, statements, "MODIFY sort_order SMALLINT");
        assertEquals("int", retype.from().map(SqlType::written).orElse(retype.unknownBecause()));
    }

    @Test
    void aBranchThatRetypesAColumnForgetsItsType() {
        Table before = SchemaReplayTest.replayed(Dialect.MYSQL, "CREATE TABLE t (a INT NOT NULL, b int);")
                .table("t").orElseThrow();
        Table after = SchemaReplayTest.replayed(Dialect.MYSQL, "CREATE TABLE t (`a` INT NOT NULL, b BIGINT);")
                .table("t").orElseThrow();

        BranchOutcome outcome = BranchOutcome.of(before, after);

        assertEquals(List.of("b"), List.copyOf(outcome.changedColumns()));
        assertEquals("INT", outcome.table().column("a").flatMap(Column::type).map(SqlType::written).orElse(""));
    }

    /**
     * The note names where the branch ends, its last statement, which is neither where the block ends nor, in a
     * branch of several statements, where the column changed.
     */
    @Test
    void theNoteSaysWhereTheBranchEnds() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = SchemaReplayTest.statements(Dialect.POSTGRESQL, """
                CREATE TABLE users (id INT, phone VARCHAR(15), note TEXT);
                DO $$
                BEGIN
                  IF found THEN
                      ALTER TABLE users ALTER COLUMN phone TYPE varchar(20);
                      UPDATE users SET note = 'x' WHERE id = 1;
                  END IF;
                  INSERT INTO users (id) VALUES (3);
                END $$;
                ALTER TABLE users ALTER COLUMN phone TYPE varchar(10);
                """);
        statements.forEach(replay::apply);

        ColumnRetype retype = retypeEnding(replay, statements, "phone TYPE varchar(10)");
        assertEquals("column phone of table users is changed in a branch ending at V1__test.sql:6, which may not"
                + " have run", retype.unknownBecause());
    }

    private static ColumnRetype retypeEnding(SchemaReplay replay, List<Statement> statements, String ending) {
        Statement statement = statements.stream().filter(s -> s.sql().endsWith(ending)).findFirst().orElseThrow();
        return replay.factsFor(statement).retypes().get(0);
    }
}
