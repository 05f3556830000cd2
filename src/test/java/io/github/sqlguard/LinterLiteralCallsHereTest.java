package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A MySQL migration that creates a helper procedure and calls it once per table with literals reports each call
 * with its own table, as a call of an earlier migration's helper is reported, instead of the body once with
 * run-time values.
 */
class LinterLiteralCallsHereTest {

    private static final String DROP_COLUMN_HELPER = """
            DELIMITER $$
            CREATE PROCEDURE drop_col(IN tb VARCHAR(64), IN col VARCHAR(64))
            BEGIN
              SET @s = CONCAT('ALTER TABLE ', tb, ' DROP COLUMN ', col);
              PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;
            END $$
            DELIMITER ;
            """;

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
    void eachCallWithLiteralsIsReportedWithItsOwnTable(Dialect dialect) throws IOException {
        TestProject.write(project, "db/V1__ids.sql", DROP_COLUMN_HELPER
                + "CALL drop_col('orders', 'note');\nCALL drop_col('items', 'note');\n");

        assertEquals(List.of(
                "db/V1__ids.sql:4:41 drop-column INFO",
                "db/V1__ids.sql:5:3 runtime-sql INFO",
                "db/V1__ids.sql:8:1 drop-column ERROR ALTER TABLE orders drops column note (at db/V1__ids.sql:4:41,"
                        + " in drop_col, which this script created and this statement calls)",
                "db/V1__ids.sql:9:1 drop-column ERROR ALTER TABLE items drops column note (at db/V1__ids.sql:4:41,"
                        + " in drop_col, which this script created and this statement calls)"),
                describe(lint(dialect)));
    }

    /**
     * T-SQL lists a procedure's parameters without parentheses and passes the arguments so too, by position or by
     * name; an OUTPUT parameter takes nothing from the call.
     */
    @Test
    void tsqlCallsWithLiteralsByPositionOrByNameAreReportedWithTheirOwnTable() throws IOException {
        TestProject.write(project, "db/V1__ids.sql", """
                CREATE PROCEDURE dbo.drop_col
                  @tb sysname,
                  @col sysname,
                  @done int OUTPUT
                AS
                BEGIN
                  DECLARE @s NVARCHAR(300);
                  SET @s = 'ALTER TABLE [dbo].[' + @tb + '] DROP COLUMN [' + @col + ']';
                  EXEC (@s);
                END
                GO
                EXEC dbo.drop_col 'orders', 'note', @n OUTPUT
                GO
                EXEC dbo.drop_col @col = 'memo', @tb = 'items', @done = @n OUTPUT;
                GO
                """);

        assertEquals(List.of(
                "db/V1__ids.sql:8:45 drop-column INFO",
                "db/V1__ids.sql:9:3 runtime-sql INFO",
                "db/V1__ids.sql:12:1 drop-column ERROR ALTER TABLE [dbo].[orders] drops column [note]"
                        + " (at db/V1__ids.sql:8:45, in drop_col, which this script created and this statement calls)",
                "db/V1__ids.sql:14:1 drop-column ERROR ALTER TABLE [dbo].[items] drops column [memo]"
                        + " (at db/V1__ids.sql:8:45, in drop_col, which this script created and this statement calls)"),
                describe(lint(Dialect.SQLSERVER)));
    }

    /** The finding at the call names the helper as its definition writes it, quoted or not, in any case. */
    @Test
    void theCallSiteNamesTheHelperAsWritten() throws IOException {
        TestProject.write(project, "db/V1__ids.sql", """
                DELIMITER $$
                CREATE PROCEDURE `DropColumnIfPresent`(IN tb VARCHAR(64), IN col VARCHAR(64))
                BEGIN
                  SET @s = CONCAT('ALTER TABLE ', tb, ' DROP COLUMN ', col);
                  PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;
                END $$
                DELIMITER ;
                CALL dropcolumnifpresent('orders', 'note');
                """);

        assertEquals(List.of(
                "db/V1__ids.sql:4:41 drop-column INFO",
                "db/V1__ids.sql:5:3 runtime-sql INFO",
                "db/V1__ids.sql:8:1 drop-column ERROR ALTER TABLE orders drops column note (at db/V1__ids.sql:4:41,"
                        + " in DropColumnIfPresent, which this script created and this statement calls)"),
                describe(lint(Dialect.MYSQL)));
    }

    /** A call that passes no literal runs the body with run-time values only: the body stays an error. */
    @Test
    void aCallWithoutLiteralsKeepsTheBodyCalled() throws IOException {
        TestProject.write(project, "db/V1__ids.sql", DROP_COLUMN_HELPER
                + "CALL drop_col('orders', 'note');\nSET @t = (SELECT 'items');\nCALL drop_col(@t, @t);\n");

        List<String> found = describe(lint(Dialect.MYSQL));

        assertEquals(List.of(
                "db/V1__ids.sql:4:41 drop-column ERROR ALTER TABLE <run-time value> drops column <run-time value>"
                        + " (inside procedure drop_col body, which this script calls at line 8)",
                "db/V1__ids.sql:8:1 drop-column ERROR ALTER TABLE orders drops column note (at db/V1__ids.sql:4:41,"
                        + " in drop_col, which this script created and this statement calls)"),
                found.stream().filter(f -> f.contains("drop-column")).toList());
    }

    /**
     * A parameter named as a table the body reads ({@code columns}, and {@code FROM information_schema.COLUMNS
     * WHERE TABLE_NAME = tb}) still holds the call's literal: that {@code =} compares, it does not assign.
     */
    @Test
    void aParameterNamedAsATableInAConditionKeepsTheLiteral() throws IOException {
        TestProject.write(project, "db/V1__pk.sql", """
                DELIMITER $$
                CREATE PROCEDURE fix_pk(IN tb VARCHAR(64), IN columns VARCHAR(64))
                BEGIN
                  DECLARE n INT DEFAULT 0;
                  SELECT COUNT(1) INTO n FROM information_schema.COLUMNS WHERE TABLE_NAME = tb AND COLUMN_NAME = 'id';
                  IF n > 0 THEN
                    SET @s = CONCAT('ALTER TABLE ', tb, ' DROP PRIMARY KEY, ADD PRIMARY KEY (', columns, ')');
                    PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;
                  END IF;
                END $$
                DELIMITER ;
                CALL fix_pk('queue', 'queue_name');
                """);

        assertEquals(List.of("db/V1__pk.sql:8:5 runtime-sql INFO"), describe(lint(Dialect.MYSQL)));
    }

    /**
     * A body followed at a call is judged on the schema before the call, and a type change of a column that schema
     * does not hold says so rather than that the replay did not see the statement.
     */
    @Test
    void aTypeChangeInAFollowedBodySaysWhyTheOldTypeIsNotKnown() throws IOException {
        TestProject.write(project, "db/V1__ids.sql", """
                DELIMITER $$
                CREATE PROCEDURE narrow(IN tb VARCHAR(64))
                BEGIN
                  SET @s = CONCAT('ALTER TABLE ', tb, ' MODIFY id INT');
                  PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;
                END $$
                DELIMITER ;
                CALL narrow('orders');
                """);

        assertEquals(List.of("db/V1__ids.sql:4:41 alter-column-type INFO",
                "db/V1__ids.sql:8:1 alter-column-type WARNING ALTER TABLE orders changes the type of"
                        + " column id to INT (its type before is not known: table orders is not created by the"
                        + " migrations that run before the call) (at db/V1__ids.sql:4:41, in narrow, which this"
                        + " script created and this statement calls)"),
                describe(lint(Dialect.MYSQL)).stream().filter(f -> f.contains("alter-column-type")).toList());
    }

    /**
     * An IF .. THEN .. ELSE .. END IF whose arms each set {@code @s} and prepare it: the ELSE arm prepares the text
     * its own assignment set, not the THEN arm's, so a call with literals reads each arm with them alone.
     */
    @Test
    void eachArmOfAnIfPreparesTheTextItsOwnAssignmentSet() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE wg (id INT PRIMARY KEY, note VARCHAR(500));\n");
        TestProject.write(project, "db/V2__helper.sql", """
                DELIMITER $$
                CREATE PROCEDURE set_column(IN tb VARCHAR(64), IN col VARCHAR(64), IN ct VARCHAR(64))
                BEGIN
                  IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_NAME = tb AND COLUMN_NAME = col)
                  THEN
                    SET @s = CONCAT('ALTER TABLE ', tb, ' CHANGE COLUMN ', col, ' ', col, ' ', ct);
                    PREPARE st_c FROM @s; EXECUTE st_c;
                  ELSE
                    SET @s = CONCAT('ALTER TABLE ', tb, ' ADD COLUMN ', col, ' ', ct);
                    PREPARE st_a FROM @s; EXECUTE st_a;
                  END IF;
                END $$
                DELIMITER ;
                CALL set_column('wg', 'note', 'VARCHAR(255)');
                """);

        assertEquals(List.of("db/V2__helper.sql:14:1 alter-column-type WARNING ALTER TABLE wg changes the type of"
                + " column note from VARCHAR(500) to VARCHAR(255) (shorter: 500 to 255 characters) (at"
                + " db/V2__helper.sql:6:43, in set_column, which this script created and this statement calls)"),
                describe(lint(Dialect.MYSQL)).stream().filter(f -> f.startsWith("db/V2__helper.sql:14:")).toList());
    }

    /** A helper that another helper of the same script calls is named as the script's, not an earlier one's. */
    @Test
    void aHelperReachedThroughAnotherOfTheScriptIsNamedAsTheScripts() throws IOException {
        TestProject.write(project, "db/V1__ids.sql", """
                CREATE OR REPLACE PROCEDURE drop_one(tab IN VARCHAR2) IS
                BEGIN
                  EXECUTE IMMEDIATE 'DROP TABLE ' || tab;
                END;
                /
                CREATE OR REPLACE PROCEDURE drop_all(mode_name IN VARCHAR2) IS
                BEGIN
                  drop_one('ORDERS');
                END;
                /
                CALL drop_all('full');
                """);

        assertEquals(List.of("db/V1__ids.sql:11:1 drop-table ERROR DROP TABLE removes table ORDERS and all its rows (at"
                + " db/V1__ids.sql:3:22, in drop_one, which drop_all calls at db/V1__ids.sql:8:3; this script created"
                + " them, and this statement calls drop_all)"),
                describe(lint(Dialect.ORACLE)).stream().filter(f -> f.startsWith("db/V1__ids.sql:11:")).toList());
    }

    /**
     * A helper without parameters that the script calls, and that calls another helper once per table with
     * literals, runs those calls as they are written: each is reported with its own table where it stands, and the
     * inner helper's body reads as one that runs only when called.
     */
    @Test
    void callsWithLiteralsInABodyTheScriptCallsAreReportedWithTheirOwnTable() throws IOException {
        TestProject.write(project, "db/V1__ids.sql", """
                CREATE OR REPLACE PROCEDURE drop_one(tab IN VARCHAR2) IS
                BEGIN
                  EXECUTE IMMEDIATE 'DROP TABLE ' || tab;
                END;
                /
                CREATE OR REPLACE PROCEDURE drop_all IS
                BEGIN
                  drop_one('ORDERS');
                  drop_one('ITEMS');
                END;
                /
                CALL drop_all();
                """);

        assertEquals(List.of(
                "db/V1__ids.sql:3:3 runtime-sql INFO",
                "db/V1__ids.sql:3:22 drop-table INFO",
                "db/V1__ids.sql:8:3 drop-table ERROR DROP TABLE removes table ORDERS and all its rows (at"
                        + " db/V1__ids.sql:3:22, in drop_one, which this script created and this statement calls)"
                        + " (inside procedure drop_all body, which this script calls at line 12)",
                "db/V1__ids.sql:9:3 drop-table ERROR DROP TABLE removes table ITEMS and all its rows (at"
                        + " db/V1__ids.sql:3:22, in drop_one, which this script created and this statement calls)"
                        + " (inside procedure drop_all body, which this script calls at line 12)"),
                describe(lint(Dialect.ORACLE)));
    }

    /**
     * The same in PL/pgSQL, where the inner helper drops foreign keys by the names the catalogue lists: nothing is
     * left built at run time once each call's table is known. One call from a body the script does not call, or
     * with a value that is no literal, keeps the inner body reported as called.
     */
    @Test
    void aHelperCalledWithLiteralsFromACalledBodyNeedsNoRuntimeSql() throws IOException {
        String helpers = """
                CREATE OR REPLACE FUNCTION drop_fks(tab varchar) RETURNS void AS $$
                DECLARE c varchar;
                BEGIN
                  FOR c IN SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = tab LOOP
                    EXECUTE 'ALTER TABLE ' || tab || ' DROP CONSTRAINT ' || c;
                  END LOOP;
                END;
                $$ LANGUAGE plpgsql;
                CREATE OR REPLACE FUNCTION drop_all() RETURNS void AS $$
                BEGIN
                  PERFORM drop_fks('orders');
                  PERFORM drop_fks(%s);
                END;
                $$ LANGUAGE plpgsql;
                SELECT drop_all();
                """;
        TestProject.write(project, "db/V1__ids.sql", helpers.formatted("'items'"));
        assertEquals(List.of("db/V1__ids.sql:5:5 runtime-sql INFO"), describe(lint(Dialect.POSTGRESQL)));

        TestProject.write(project, "db/V1__ids.sql", helpers.formatted("current_setting('app.t')"));
        assertEquals(List.of("db/V1__ids.sql:5:5 runtime-sql WARNING EXECUTE 'ALTER TABLE ' || tab || ' DROP"
                + " CONSTRAINT ' || c runs SQL that is built at run time; sqlguard could not read all of it, so what"
                + " it runs was not fully checked (inside function drop_fks body, which this script calls at line"
                + " 15)"), describe(lint(Dialect.POSTGRESQL)));
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()
                        + (f.severity() == Severity.INFO ? "" : " " + f.message()))
                .toList();
    }

    private LintResult lint(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
