package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaReplayTest {

    /** Replays {@code sql} and returns the schema after its last statement. */
    static SchemaView replayed(Dialect dialect, String sql) {
        SchemaReplay replay = new SchemaReplay();
        statements(dialect, sql).forEach(replay::apply);
        return replay.current();
    }

    static List<Statement> statements(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("V1__test.sql", sql).statements();
    }

    private static String type(SchemaView schema, String table, String column) {
        return schema.columnType(table, column).map(SqlType::written).orElse("unknown");
    }

    @Test
    void createTableReadsColumnsKeysAndActions() {
        SchemaView schema = replayed(Dialect.POSTGRESQL, """
                CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, note text);
                CREATE TABLE invoices (
                  id bigint NOT NULL,
                  account_id bigint NOT NULL,
                  amount numeric(10, 2),
                  CONSTRAINT invoices_pk PRIMARY KEY (id),
                  CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
                );
                """);
        Table accounts = schema.table("ACCOUNTS").orElseThrow();
        assertTrue(accounts.complete());
        assertEquals(List.of("id"), accounts.primaryKey());
        assertTrue(accounts.column("id").orElseThrow().notNull());
        assertTrue(accounts.column("name").orElseThrow().notNull());
        assertFalse(accounts.column("note").orElseThrow().notNull());
        assertEquals("VARCHAR(100)", type(schema, "accounts", "name"));
        ForeignKey key = schema.table("invoices").orElseThrow().foreignKeys().get(0);
        assertEquals("accounts", key.referencedTable());
        assertEquals("CASCADE", key.onDelete());
        assertEquals(List.of("account_id"), key.columns());
        assertEquals("numeric(10, 2)", type(schema, "invoices", "amount"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE t ALTER COLUMN c TYPE varchar(200) USING c::varchar  | varchar(200)
            POSTGRESQL | ALTER TABLE ONLY public.t ALTER c SET DATA TYPE text                | text
            MYSQL      | ALTER TABLE t MODIFY COLUMN c VARCHAR(300) NOT NULL                  | VARCHAR(300)
            MARIADB    | ALTER TABLE `t` MODIFY `c` VARCHAR(300)                              | VARCHAR(300)
            SQLSERVER  | ALTER TABLE [dbo].[t] ALTER COLUMN [c] NVARCHAR(400) NOT NULL       | NVARCHAR(400)
            ORACLE     | ALTER TABLE t MODIFY (c VARCHAR2(500 CHAR), d NOT NULL)              | VARCHAR2(500 CHAR)
            ORACLE     | ALTER TABLE t MODIFY c VARCHAR2(600)                                  | VARCHAR2(600)
            H2         | ALTER TABLE t ALTER COLUMN c VARCHAR(700)                             | VARCHAR(700)
            AUTO       | ALTER TABLE t MODIFY COLUMN c String TTL ts + INTERVAL 1 DAY           | String
            AUTO       | ALTER TABLE t MODIFY COLUMN c String CODEC(ZSTD(3))                   | String
            """)
    void typeChangesReplayInEveryDialect(Dialect dialect, String alter, String expected) {
        SchemaView schema = replayed(dialect, "CREATE TABLE t (c VARCHAR(100), d INT);\n" + alter + ";\n");
        assertEquals(expected, type(schema, "t", "c"));
        assertEquals("INT", type(schema, "t", "d"));
    }

    @Test
    void mySqlChangeRenamesAndRedefines() {
        SchemaView schema = replayed(Dialect.MYSQL, """
                CREATE TABLE t (a INT NOT NULL, b INT);
                ALTER TABLE t CHANGE a a2 BIGINT, MODIFY b INT NOT NULL;
                """);
        assertEquals("BIGINT", type(schema, "t", "a2"));
        assertFalse(schema.column("t", "a").isPresent());
        assertFalse(schema.column("t", "a2").orElseThrow().notNull(), "MySQL CHANGE without NOT NULL is nullable");
        assertTrue(schema.column("t", "b").orElseThrow().notNull());
    }

    /** MySQL: the table's default character set is its text columns' when they name none. */
    @Test
    void mySqlTextColumnsTakeTheTablesDefaultCharacterSet() {
        SchemaView schema = replayed(Dialect.MYSQL, """
                CREATE TABLE a (c varchar(256), n int) ENGINE=InnoDB DEFAULT CHARSET=utf8;
                CREATE TABLE b (c text, d varchar(10) CHARACTER SET latin1) CHARACTER SET = 'utf8mb4';
                CREATE TABLE c (c text);
                """);
        assertEquals("UTF8", schema.column("a", "c").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("", schema.column("a", "n").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("varchar(256)", type(schema, "a", "c"));
        assertEquals("UTF8MB4", schema.column("b", "c").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("LATIN1", schema.column("b", "d").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("", schema.column("c", "c").orElseThrow().type().orElseThrow().characterSet());
    }

    /** MySQL: a column added or redefined later without a character set takes the table's default as well. */
    @Test
    void mySqlAddedAndRedefinedTextColumnsTakeTheTablesDefaultCharacterSet() {
        SchemaView schema = replayed(Dialect.MYSQL, """
                CREATE TABLE log (id INT, body varchar(20) CHARACTER SET latin1) DEFAULT CHARSET=utf8;
                ALTER TABLE log ADD COLUMN note text, MODIFY body mediumtext, ADD n int;
                CREATE TABLE copy LIKE log;
                ALTER TABLE copy CHANGE note remark varchar(40);
                """);
        assertEquals("UTF8", schema.column("log", "note").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("UTF8", schema.column("log", "body").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("", schema.column("log", "n").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("mediumtext", type(schema, "log", "body"));
        assertEquals("UTF8", schema.column("copy", "remark").orElseThrow().type().orElseThrow().characterSet());
    }

    /** MySQL: ALTER TABLE .. DEFAULT CHARSET changes what later columns get; CONVERT TO recodes the columns too. */
    @Test
    void mySqlAlterTableCharacterSetOptionsChangeTheDefault() {
        SchemaView schema = replayed(Dialect.MYSQL, """
                CREATE TABLE a (c text, n int) DEFAULT CHARSET=latin1;
                ALTER TABLE a DEFAULT CHARACTER SET = utf8mb4;
                ALTER TABLE a ADD d text;
                CREATE TABLE b (c text, k varchar(5) CHARACTER SET ascii) CHARSET latin1;
                ALTER TABLE b CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
                ALTER TABLE b ADD d text;
                """);
        assertEquals("LATIN1", schema.column("a", "c").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("UTF8MB4", schema.column("a", "d").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("UTF8MB4", schema.column("b", "c").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("UTF8MB4", schema.column("b", "k").orElseThrow().type().orElseThrow().characterSet());
        assertEquals("UTF8MB4", schema.column("b", "d").orElseThrow().type().orElseThrow().characterSet());
    }

    @Test
    void oracleModifyKeepsWhatItDoesNotState() {
        SchemaView schema = replayed(Dialect.ORACLE, """
                CREATE TABLE t (a VARCHAR2(10) NOT NULL);
                ALTER TABLE t MODIFY (a VARCHAR2(20));
                """);
        assertTrue(schema.column("t", "a").orElseThrow().notNull());
    }

    @Test
    void oracleClausesWithoutCommasEachChangeTheirOwnColumn() {
        SchemaView schema = replayed(Dialect.ORACLE, """
                CREATE TABLE t (a VARCHAR2(100), n NUMBER(10), d DATE, e INT);
                ALTER TABLE t MODIFY a VARCHAR2(10) MODIFY n NUMBER(3) ADD (x DATE) DROP COLUMN d;
                """);
        assertEquals("VARCHAR2(10)", type(schema, "t", "a"));
        assertEquals("NUMBER(3)", type(schema, "t", "n"));
        assertEquals("DATE", type(schema, "t", "x"));
        assertFalse(schema.column("t", "d").isPresent());
        assertEquals("INT", type(schema, "t", "e"));
    }

    @Test
    void renamesMoveTablesColumnsAndTheKeysThatReferenceThem() {
        SchemaView schema = replayed(Dialect.POSTGRESQL, """
                CREATE TABLE a (id INT PRIMARY KEY, x TEXT);
                CREATE TABLE b (id INT, a_id INT REFERENCES a (id) ON DELETE CASCADE);
                ALTER TABLE a RENAME TO accounts;
                ALTER TABLE accounts RENAME COLUMN x TO label;
                """);
        assertFalse(schema.table("a").isPresent());
        assertEquals("TEXT", type(schema, "accounts", "label"));
        assertEquals("accounts", schema.table("b").orElseThrow().foreignKeys().get(0).referencedTable());
    }

    @Test
    void mySqlAndOracleRenameStatementsAndTsqlSpRename() {
        SchemaView mysql = replayed(Dialect.MYSQL, "CREATE TABLE a (id INT);\nRENAME TABLE a TO b, x TO y;\n");
        assertTrue(mysql.table("b").isPresent());
        SchemaView oracle = replayed(Dialect.ORACLE, "CREATE TABLE a (id NUMBER(10));\nRENAME a TO c;\n");
        assertTrue(oracle.table("c").isPresent());
        SchemaView tsql = replayed(Dialect.SQLSERVER, """
                CREATE TABLE dbo.a (id INT, old_name NVARCHAR(20));
                GO
                EXEC sp_rename 'dbo.a.old_name', 'new_name', 'COLUMN';
                GO
                EXEC sp_rename 'dbo.a', 'd';
                GO
                """);
        assertEquals("NVARCHAR(20)", type(tsql, "d", "new_name"));
    }

    /** Without a type, sp_rename renames a column when the name is no table: {@code dbo.t.c}. */
    @Test
    void untypedSpRenameOfATableColumnRenamesTheColumn() {
        SchemaView tsql = replayed(Dialect.SQLSERVER, """
                CREATE TABLE [dbo].[a] ([id] INT, [LapsedDate] DATETIME2 NULL)
                GO
                EXEC sp_rename '[dbo].[a].[LapsedDate]', 'ValidUntil'
                GO
                """);
        assertEquals("DATETIME2", type(tsql, "dbo.a", "ValidUntil"));
        assertTrue(tsql.table("dbo.a").isPresent());
    }

    /** The replay reads sp_rename as the rules do: named arguments in any order, a schema before the procedure. */
    @Test
    void spRenameWithNamedArgumentsOrASchemaIsFollowed() {
        SchemaView tsql = replayed(Dialect.SQLSERVER, """
                CREATE TABLE dbo.a (id INT, total DECIMAL(10, 2), note NVARCHAR(20))
                GO
                EXEC dbo.sp_rename @objname = N'dbo.a.total', @objtype = N'COLUMN', @newname = N'amount'
                GO
                sys.sp_rename 'dbo.a.note', 'remark', 'COLUMN'
                GO
                """);
        assertEquals("DECIMAL(10, 2)", type(tsql, "dbo.a", "amount"));
        assertEquals("NVARCHAR(20)", type(tsql, "dbo.a", "remark"));
    }

    /** A {databaseOwner}{objectQualifier} prefix glues to the name, bracketed or not: one table either way. */
    @Test
    void bracePlaceholdersGluedToANameNameOneTable() {
        SchemaView schema = replayed(Dialect.SQLSERVER, """
                CREATE TABLE {databaseOwner}{objectQualifier}Users (UserID INT, Username NVARCHAR(100))
                GO
                ALTER TABLE {databaseOwner}[{objectQualifier}Users] ALTER COLUMN Username NVARCHAR(50)
                GO
                """);
        assertEquals("NVARCHAR(50)", type(schema, "{databaseOwner}{objectQualifier}Users", "Username"));
        assertEquals(2, schema.table("{databaseOwner}{objectQualifier}Users").orElseThrow().columns().size());
    }

    @Test
    void dropsForgetTablesColumnsAndKeys() {
        SchemaView schema = replayed(Dialect.POSTGRESQL, """
                CREATE TABLE a (id INT PRIMARY KEY);
                CREATE TABLE b (id INT, a_id INT, note TEXT, CONSTRAINT b_a FOREIGN KEY (a_id) REFERENCES a (id));
                ALTER TABLE b DROP COLUMN note, DROP CONSTRAINT b_a;
                CREATE TABLE c (a_id INT REFERENCES a (id));
                DROP TABLE IF EXISTS a CASCADE;
                """);
        assertFalse(schema.table("a").isPresent());
        assertFalse(schema.column("b", "note").isPresent());
        assertTrue(schema.table("b").orElseThrow().foreignKeys().isEmpty());
        assertTrue(schema.table("c").orElseThrow().foreignKeys().isEmpty());
    }

    @Test
    void eachStatementSeesTheSchemaBeforeIt() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = statements(Dialect.POSTGRESQL, """
                CREATE TABLE t (c VARCHAR(10));
                ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(20);
                ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(5);
                """);
        statements.forEach(replay::apply);
        assertFalse(replay.before(statements.get(0)).table("t").isPresent());
        assertEquals("VARCHAR(10)", type(replay.before(statements.get(1)), "t", "c"));
        assertEquals("VARCHAR(20)", type(replay.before(statements.get(2)), "t", "c"));
        assertEquals(SchemaView.UNKNOWN, replay.before(statements(Dialect.POSTGRESQL, "SELECT 1;").get(0)));
    }

    @Test
    void tablesCreatedElsewhereStayUnknownButLaterChangesCount() {
        SchemaView schema = replayed(Dialect.POSTGRESQL, """
                ALTER TABLE legacy ADD COLUMN flag BOOLEAN NOT NULL DEFAULT false;
                ALTER TABLE other ALTER COLUMN c TYPE varchar(50);
                """);
        assertFalse(schema.table("legacy").orElseThrow().complete());
        assertTrue(schema.column("legacy", "flag").orElseThrow().notNull());
        assertFalse(schema.column("legacy", "id").isPresent());
        assertEquals("varchar(50)", type(schema, "other", "c"));
    }

    @Test
    void conditionalCreatesAndRoutineBodiesDoNotCount() {
        SchemaView schema = replayed(Dialect.POSTGRESQL, """
                CREATE TABLE t (c INT);
                CREATE TABLE IF NOT EXISTS t (c TEXT);
                CREATE FUNCTION f() RETURNS void AS $$
                BEGIN
                  ALTER TABLE t ALTER COLUMN c TYPE bigint;
                END $$ LANGUAGE plpgsql;
                """);
        assertEquals("INT", type(schema, "t", "c"));
    }

    @Test
    void aTemporaryTableIsKnownUntilTheScriptThatMadeItEnds() {
        SchemaReplay replay = new SchemaReplay();
        statements(Dialect.POSTGRESQL, "CREATE TEMP TABLE scratch (id INT);").forEach(replay::apply);
        String typeInItsScript = type(replay.current(), "scratch", "id");
        boolean temporaryInItsScript = replay.current().isLocalTemporary("scratch");
        new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT).split("V2__next.sql", "CREATE TABLE t (c INT);")
                .statements().forEach(replay::apply);

        assertEquals("INT", typeInItsScript);
        assertTrue(temporaryInItsScript);
        assertFalse(replay.current().table("scratch").isPresent());
        assertFalse(replay.current().isLocalTemporary("scratch"));
    }

    @Test
    void aTemporaryTableOfANameTheSchemaHasIsNotFollowed() {
        SchemaView schema = replayed(Dialect.SQLITE, """
                CREATE TABLE t (c INT);
                CREATE TEMP TABLE t (c TEXT, d TEXT);
                """);

        assertEquals("INT", type(schema, "t", "c"));
        assertFalse(schema.isLocalTemporary("t"));
    }

    @Test
    void aLastingTableMadeUnderTheNameOfADroppedTemporaryOneStays() {
        SchemaReplay replay = new SchemaReplay();
        statements(Dialect.POSTGRESQL, """
                CREATE TEMP TABLE t (c INT);
                DROP TABLE t;
                CREATE TABLE t (c TEXT);
                """).forEach(replay::apply);
        new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT).split("V2__next.sql", "CREATE TABLE u (c INT);")
                .statements().forEach(replay::apply);

        assertEquals("TEXT", type(replay.current(), "t", "c"));
    }

    @Test
    void tsqlAddsSeveralColumnsAndGuardedCreates() {
        SchemaView schema = replayed(Dialect.SQLSERVER, """
                IF OBJECT_ID('dbo.t') IS NULL CREATE TABLE dbo.t ([id] [int] IDENTITY(1,1) NOT NULL, [name] [nvarchar](50) NULL)
                GO
                ALTER TABLE dbo.t ADD a INT NOT NULL, b DATETIME2(3)
                GO
                """);
        assertEquals("[int]", type(schema, "t", "id"));
        assertTrue(schema.column("t", "id").orElseThrow().notNull());
        assertEquals("DATETIME2(3)", type(schema, "t", "b"));
        assertTrue(schema.column("t", "a").orElseThrow().notNull());
    }
    @Test
    void mySqlOnlineDdlOptionsAfterAnAddedColumnAreNoColumns() {
        SchemaView schema = replayed(Dialect.MYSQL, """
                CREATE TABLE orders (id BIGINT PRIMARY KEY);
                ALTER TABLE orders ADD COLUMN shipped_at DATETIME NULL, ALGORITHM=INPLACE, LOCK=NONE;
                ALTER TABLE orders ADD COLUMN note VARCHAR(20), ALGORITHM INSTANT;
                """);
        assertEquals(List.of("id", "shipped_at", "note"),
                List.copyOf(schema.table("orders").orElseThrow().columns().keySet()));
        assertEquals("DATETIME", type(schema, "orders", "shipped_at"));
    }

    @Test
    void serialRightAfterTheNameIsTheColumnsType() {
        SchemaView schema = replayed(Dialect.POSTGRESQL, """
                CREATE TABLE IF NOT EXISTS "vulnerability_record" ("id" serial NOT NULL PRIMARY KEY, "cve_id" text);
                CREATE TABLE robot (id SERIAL PRIMARY KEY NOT NULL, name varchar(255));
                """);
        assertEquals("serial", type(schema, "vulnerability_record", "id"));
        assertEquals("SERIAL", type(schema, "robot", "id"));
        assertTrue(schema.table("robot").orElseThrow().column("id").orElseThrow().notNull());
        assertEquals(List.of("id"), schema.table("robot").orElseThrow().primaryKey());
    }

    @Test
    void mySqlSerialDefaultValueAfterATypeIsNoPartOfTheType() {
        SchemaView schema = replayed(Dialect.MYSQL, "CREATE TABLE t (id INT SERIAL DEFAULT VALUE, n INT);\n");
        assertEquals("INT", type(schema, "t", "id"));
    }

    @Test
    void aTableCreatedTwiceMixesHistoriesSoItsTypesAreNoLongerTrusted() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = statements(Dialect.AUTO, """
                CREATE TABLE t (c TIMESTAMP WITH TIME ZONE NOT NULL);
                CREATE TABLE t (c DATETIME);
                ALTER TABLE t MODIFY c DATETIME(6);
                """);
        statements.forEach(replay::apply);
        assertFalse(replay.current().column("t", "c").isPresent());
        assertFalse(replay.factsFor(statements.get(2)).retypes().get(0).from().isPresent());
        assertTrue(replay.before(statements.get(1)).column("t", "c").isPresent(), "known until mixed");
    }

    /**
     * Whichever definition a table created twice had, a DROP TABLE (or a rename away) removes it: the CREATE after it
     * defines the table alone, until it is created again without a drop.
     */
    @Test
    void aDropEndsTheMixedHistoriesOfATableCreatedTwice() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = statements(Dialect.MYSQL, """
                CREATE TABLE t (c VARCHAR(255), d INT);
                CREATE TABLE t (c VARCHAR(100));
                DROP TABLE t;
                CREATE TABLE t (c VARCHAR(200));
                ALTER TABLE t MODIFY c VARCHAR(50);
                ALTER TABLE t RENAME TO t_old;
                CREATE TABLE t (c VARCHAR(20));
                CREATE TABLE t (c VARCHAR(30));
                ALTER TABLE t MODIFY c VARCHAR(10);
                """);
        statements.forEach(replay::apply);
        assertFalse(replay.before(statements.get(2)).column("t", "c").isPresent(), "mixed until the drop");
        assertEquals(List.of("c VARCHAR(200)"), retypedFrom(replay, statements.get(4)));
        assertTrue(replay.before(statements.get(4)).column("t", "c").isPresent(), "defined alone after the drop");
        assertEquals(List.of("c ?"), retypedFrom(replay, statements.get(8)));
    }

    @Test
    void aColumnWhoseTypeAStatementStatesAfterTheHistoriesMixedIsKnownAgainUntilTheyMixAgain() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = statements(Dialect.MYSQL, """
                CREATE TABLE t (c DATETIME, d INT);
                CREATE TABLE t (c DATE);
                ALTER TABLE t MODIFY c DATE;
                ALTER TABLE t ADD COLUMN e VARCHAR(100), ADD COLUMN IF NOT EXISTS f VARCHAR(100);
                ALTER TABLE t MODIFY c DATETIME(6), MODIFY e VARCHAR(50), MODIFY f VARCHAR(50), MODIFY d BIGINT;
                CREATE TABLE t (c TIMESTAMP, e TEXT);
                ALTER TABLE t MODIFY c DATE;
                """);
        statements.forEach(replay::apply);
        assertFalse(replay.factsFor(statements.get(2)).retypes().get(0).from().isPresent(), "mixed: either type");
        List<String> stated = replay.factsFor(statements.get(4)).retypes().stream()
                .map(retype -> retype.column() + " " + retype.from().map(SqlType::written).orElse("?")).toList();
        assertEquals(List.of("c DATE", "e VARCHAR(100)", "f ?", "d ?"), stated);
        assertFalse(replay.factsFor(statements.get(6)).retypes().get(0).from().isPresent(), "mixed again");
    }

    @Test
    void aColumnBothDefinitionsOfATableCreatedTwiceGiveTheSameTypeKeepsIt() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = statements(Dialect.POSTGRESQL, """
                CREATE TABLE t (id int8, name varchar(100), c date, f int4);
                CREATE TABLE t (id bigint, name varchar(100), c timestamp, d int4, f int8);
                ALTER TABLE t ALTER COLUMN id TYPE int4, ALTER COLUMN c TYPE timestamp, ALTER COLUMN d TYPE int8;
                CREATE TABLE t (id int4, name varchar(100), c timestamp, f int8);
                ALTER TABLE t ALTER id TYPE int8, ALTER name TYPE text, ALTER c TYPE date, ALTER f TYPE int2;
                """);
        statements.forEach(replay::apply);
        // c is date or timestamp, and timestamp keeps every value of both: the change is judged from the last
        // definition's type; so is d's, which only the last definition has.
        assertEquals(List.of("id bigint", "c timestamp", "d int4"), retypedFrom(replay, statements.get(2)));
        // f agrees with the definition before, but that one was itself either of two: it stays unknown.
        assertEquals(List.of("id int4", "name varchar(100)", "c timestamp", "f ?"),
                retypedFrom(replay, statements.get(4)));
    }

    @Test
    void aTypeStatedAfterTheHistoriesMixedLeavesWithADroppedColumnAndMovesWithARenamedOne() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = statements(Dialect.MYSQL, """
                CREATE TABLE t (c DATETIME, x DATETIME, y DATETIME);
                CREATE TABLE t (c DATE, x DATE, y DATE);
                ALTER TABLE t MODIFY c DATETIME, MODIFY y DATETIME;
                ALTER TABLE t DROP COLUMN c;
                ALTER TABLE t RENAME COLUMN x TO c;
                ALTER TABLE t MODIFY c DATE, MODIFY y DATE;
                ALTER TABLE t RENAME COLUMN y TO z;
                ALTER TABLE t MODIFY z DATETIME;
                """);
        statements.forEach(replay::apply);
        // c is now what x was, either DATETIME or DATE; y's stated type goes along with its rename
        assertEquals(List.of("c ?", "y DATETIME"), retypedFrom(replay, statements.get(5)));
        assertEquals(List.of("z DATE"), retypedFrom(replay, statements.get(7)));
    }

    private static List<String> retypedFrom(SchemaReplay replay, Statement statement) {
        return replay.factsFor(statement).retypes().stream()
                .map(retype -> retype.column() + " " + retype.from().map(SqlType::written).orElse("?")).toList();
    }

    @Test
    void aColumnOneBranchOfABlockAddsIsNotWhatTheOtherBranchOrTheRestFinds() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = statements(Dialect.POSTGRESQL, """
                CREATE TABLE history (id INT, instance VARCHAR(5000));
                DO $$
                BEGIN
                    IF found THEN
                        ALTER TABLE history RENAME COLUMN instance TO labels;
                        ALTER TABLE history ADD COLUMN instance VARCHAR(255);
                        ALTER TABLE history ALTER COLUMN instance TYPE VARCHAR(300);
                    ELSE
                        ALTER TABLE history ALTER COLUMN instance TYPE VARCHAR(255);
                    END IF;
                END $$;
                SELECT 1;
                """);
        statements.forEach(replay::apply);
        List<Statement> inner = statements.stream().filter(s -> s.sql().startsWith("ALTER")).toList();

        assertEquals("VARCHAR(255)", replay.factsFor(inner.get(2)).retypes().get(0).from().orElseThrow().written(),
                "the same branch sees what it added");
        assertEquals("VARCHAR(5000)", replay.factsFor(inner.get(3)).retypes().get(0).from().orElseThrow().written(),
                "the ELSE branch runs instead of the first one: it finds the table as the IF found it");
        SchemaView after = replay.before(statements.get(statements.size() - 1));
        assertFalse(after.column("history", "instance").isPresent(), "after the block, either branch may have run");
        assertEquals("VARCHAR(5000)", type(after, "history", "labels"), "only there if the first branch ran");
        assertEquals("INT", type(after, "history", "id"), "a column neither branch touched stays known");
    }

    @Test
    void aGuardedChangeLeavesKnownWhatALaterStatementFindsEitherWay() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> statements = statements(Dialect.POSTGRESQL, """
                CREATE TABLE users (id INT, token VARCHAR(255), phone VARCHAR(15));
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT * FROM information_schema.columns WHERE column_name = 'token_new') THEN
                      ALTER TABLE "users" RENAME COLUMN "token" TO "token_new";
                  END IF;
                END $$;
                ALTER TABLE users ALTER COLUMN phone TYPE text;
                ALTER TABLE users ALTER COLUMN token_new TYPE text;
                ALTER TABLE users ALTER COLUMN token TYPE varchar(10);
                DO $$
                BEGIN
                  IF found THEN
                      ALTER TABLE users ALTER COLUMN phone TYPE varchar(20);
                  END IF;
                END $$;
                ALTER TABLE users ALTER COLUMN phone TYPE varchar(10);
                """);
        statements.forEach(replay::apply);
        assertEquals("VARCHAR(15)", fromOf(replay, statements, "phone TYPE text"));
        assertEquals("VARCHAR(255)", fromOf(replay, statements, "token_new TYPE text"), "found only if it ran");
        assertEquals("VARCHAR(255)", fromOf(replay, statements, "token TYPE varchar(10)"), "found only if it did not");
        ColumnRetype either = replay.factsFor(statements.stream()
                .filter(s -> s.sql().endsWith("phone TYPE varchar(10)")).findFirst().orElseThrow()).retypes().get(0);
        assertFalse(either.from().isPresent(), "text or varchar(20), as the guarded change ran or not");
        assertTrue(either.unknownBecause().contains(
                "column phone of table users is changed in a branch ending at V1__test.sql:14"),
                either.unknownBecause());
    }

    private static String fromOf(SchemaReplay replay, List<Statement> statements, String ending) {
        Statement statement = statements.stream().filter(s -> s.sql().endsWith(ending)).findFirst().orElseThrow();
        return replay.factsFor(statement).retypes().get(0).from().map(SqlType::written).orElse("unknown");
    }

    @Test
    void keepsTheBodiesOfCalledRoutinesOnly() {
        SchemaReplay replay = new SchemaReplay();
        List<Statement> script = statements(Dialect.POSTGRESQL, """
                CREATE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM t; END $$;
                CREATE FUNCTION tidy() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM u; END $$;
                SELECT purge();
                """);
        script.forEach(replay::apply);
        Statement call = script.get(script.size() - 1);

        SchemaReplay.forgetBodiesNotCalled(List.of(replay));

        assertEquals(List.of("DELETE FROM t"), replay.routineBefore(call, "purge").orElseThrow().body().stream()
                .map(Statement::sql).toList());
        assertEquals(List.of(), replay.routineBefore(call, "tidy").orElseThrow().body());
    }

    @Test
    void aForkKnowsTheRoutinesCreatedBeforeItAndItsOwnOnly() {
        List<Statement> script = statements(Dialect.POSTGRESQL, """
                CREATE FUNCTION make_a() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE a (id INT); END $$;
                CREATE FUNCTION make_b() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE b (id INT); END $$;
                CREATE FUNCTION make_c() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE c (id INT); END $$;
                SELECT make_a();
                SELECT make_b();
                SELECT make_c();
                """);
        // Each top-level statement with the body statements that follow it
        List<List<Statement>> steps = new java.util.ArrayList<>();
        for (Statement statement : script) {
            if (statement.context().kind() != StatementContext.Kind.ROUTINE_BODY) {
                steps.add(new java.util.ArrayList<>());
            }
            steps.get(steps.size() - 1).add(statement);
        }
        SchemaReplay replay = new SchemaReplay();
        steps.get(0).forEach(replay::apply);
        SchemaReplay first = replay.fork();
        steps.get(1).forEach(replay::apply);
        SchemaReplay second = replay.fork();
        SchemaReplay third = replay.fork();

        List.of(3, 4).forEach(i -> steps.get(i).forEach(first::apply));
        List.of(2, 3, 4, 5).forEach(i -> steps.get(i).forEach(second::apply));
        List.of(4, 5).forEach(i -> steps.get(i).forEach(third::apply));
        steps.get(5).forEach(replay::apply);

        assertTrue(first.current().table("a").isPresent());
        assertFalse(first.current().table("b").isPresent(), "make_b was created after the fork");
        assertTrue(second.current().table("a").isPresent());
        assertTrue(second.current().table("b").isPresent());
        assertTrue(second.current().table("c").isPresent());
        assertTrue(third.current().table("b").isPresent());
        assertFalse(third.current().table("c").isPresent(), "make_c is the other fork's");
        assertFalse(replay.current().table("c").isPresent(), "make_c is the fork's, not the replay's");
    }

    /** Each row: dialect, a definition of table t, the column, whether the database computes its values. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            POSTGRESQL | CREATE TABLE t (v JSONB, n TEXT GENERATED ALWAYS AS (v ->> 'n') STORED)               | n | true
            POSTGRESQL | CREATE TABLE t (v JSONB, n TSVECTOR GENERATED ALWAYS AS (f(CAST(v ->> 'n' AS varchar), '')) STORED) | n | true
            POSTGRESQL | CREATE TABLE t (id BIGINT GENERATED ALWAYS AS IDENTITY, n TEXT)                     | id | false
            POSTGRESQL | CREATE TABLE t (id INT GENERATED BY DEFAULT AS IDENTITY (START WITH 5))             | id | false
            POSTGRESQL | CREATE TABLE t (n INT DEFAULT CAST('1' AS INT))                                    | n | false
            POSTGRESQL | CREATE TABLE t (v JSONB, n TEXT GENERATED ALWAYS AS (v ->> 'n') STORED); ALTER TABLE t ALTER COLUMN n DROP EXPRESSION | n | false
            POSTGRESQL | CREATE TABLE t (v JSONB); ALTER TABLE t ADD COLUMN n TEXT GENERATED ALWAYS AS (v ->> 'n') STORED | n | true
            MYSQL      | CREATE TABLE t (a INT, b INT AS (a * 2) VIRTUAL)                                   | b | true
            MYSQL      | CREATE TABLE t (v JSON, n VARCHAR(9) GENERATED ALWAYS AS (v ->> '$.n') STORED NOT NULL) | n | true
            MYSQL      | CREATE TABLE t (a INT, b INT AS (a * 2)); ALTER TABLE t MODIFY b INT NOT NULL      | b | false
            MYSQL      | CREATE TABLE t (a INT, b INT); ALTER TABLE t MODIFY b INT AS (a + 1) STORED         | b | true
            SQLSERVER  | CREATE TABLE t (a INT, b AS (a * 2) PERSISTED)                                     | b | true
            H2         | CREATE TABLE t ("v" TEXT, "n" TEXT); ALTER TABLE t ALTER COLUMN "n" TEXT GENERATED ALWAYS AS (f("v")) | n | true
            """)
    void generatedColumnsAreComputed(Dialect dialect, String sql, String column, boolean computed) {
        SchemaView schema = replayed(dialect, sql.replace("\\n", "\n").replace("; ", ";\n") + ";");
        assertEquals(computed, schema.column("t", column).orElseThrow().computed());
    }

    /** MySQL's FULLTEXT and SPATIAL indexes are no columns; elsewhere those words name columns. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | CREATE TABLE t (v JSONB, fulltext TSVECTOR GENERATED ALWAYS AS (f(v)) STORED) | v, fulltext
            POSTGRESQL | CREATE TABLE t (spatial TEXT, fulltext TEXT NOT NULL)                      | spatial, fulltext
            MYSQL      | CREATE TABLE t (a TEXT, b TEXT, FULLTEXT ix_a (a), FULLTEXT INDEX (b))      | a, b
            MYSQL      | CREATE TABLE t (a TEXT, g GEOMETRY NOT NULL, SPATIAL KEY ix_g (g))          | a, g
            """)
    void indexWordsNameColumnsWhereNoIndexFollows(Dialect dialect, String sql, String columns) {
        SchemaView schema = replayed(dialect, sql + ";");
        assertEquals(List.of(columns.split(", ")),
                schema.table("t").orElseThrow().columns().values().stream().map(Column::name).toList());
    }
}
