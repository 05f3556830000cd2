package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormattedSqlReaderTest {

    private static List<Statement> statements(String text, LiquibaseOptions options) {
        return FormattedSqlReader.read("db/changes.sql", text, options).script().statements();
    }

    private static List<String> located(List<Statement> statements) {
        return statements.stream().map(s -> s.start().line() + ":" + s.start().column() + " " + s.sql()).toList();
    }

    @Test
    void statementsPerChangesetWithExactPositions() {
        String text = """
                --liquibase formatted sql
                DELETE FROM never_runs;

                --changeset alice:1 runOnChange:true dbms:postgresql,h2 context:prod
                CREATE TABLE t (id int);
                  DELETE FROM t;
                --changeset bob:2
                --comment: cleanup
                UPDATE t SET id = 2
                  WHERE id = 1;
                """;
        List<Statement> statements = statements(text, LiquibaseOptions.defaults());
        assertEquals(List.of("5:1 CREATE TABLE t (id int)", "6:3 DELETE FROM t", "9:1 UPDATE t SET id = 2\n  WHERE id = 1"),
                located(statements));
        assertEquals(new StatementContext(StatementContext.Kind.SCRIPT,
                "changeset alice:1, runOnChange: runs again whenever it changes", new DatabaseScope(Set.of("postgresql", "h2"), Set.of())), statements.get(0).context());
        assertEquals(DatabaseScope.ANY, statements.get(2).context().databases());
        assertEquals("changeset bob:2", statements.get(2).context().label());
    }

    @Test
    void rollbackLinesAndBlocksFollowTheRollbackMode() {
        String text = """
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE t (id int);
                --rollback DROP TABLE t;
                --rollback   DELETE FROM u;
                --changeset a:2
                CREATE TABLE v (id int);
                /* liquibase rollback
                   DROP TABLE v;
                */
                --changeset a:3
                CREATE INDEX i ON v(id);
                --rollback not required
                """;
        assertEquals(List.of("3:1 CREATE TABLE t (id int)", "7:1 CREATE TABLE v (id int)",
                "12:1 CREATE INDEX i ON v(id)"), located(statements(text, LiquibaseOptions.defaults())));
        List<Statement> checked = statements(text, LiquibaseOptions.defaults().withRollbacks(ScriptMode.CHECK));
        assertEquals(List.of("3:1 CREATE TABLE t (id int)", "4:12 DROP TABLE t", "5:14 DELETE FROM u",
                "7:1 CREATE TABLE v (id int)", "9:4 DROP TABLE v", "12:1 CREATE INDEX i ON v(id)"), located(checked));
        assertEquals(new StatementContext(StatementContext.Kind.ROLLBACK, "changeset a:1 rollback"),
                checked.get(1).context());
    }

    @Test
    void aRollbackBlockEndsAtALineEndingTheCommentAsInLiquibase() {
        String text = """
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE v (id int, c int);
                /* liquibase rollback
                   UPDATE v SET c = 0 /* as before */ WHERE id = 1;
                   DELETE FROM v;
                */
                --changeset a:2
                /* liquibase rollback DROP TABLE v; */
                CREATE INDEX i ON v(id);
                """;
        assertEquals(List.of("3:1 CREATE TABLE v (id int, c int)", "10:1 CREATE INDEX i ON v(id)"),
                located(statements(text, LiquibaseOptions.defaults())));
        List<Statement> checked = statements(text, LiquibaseOptions.defaults().withRollbacks(ScriptMode.CHECK));
        assertEquals(List.of("3:1 CREATE TABLE v (id int, c int)", "5:4 UPDATE v SET c = 0 /* as before */ WHERE id = 1",
                "6:4 DELETE FROM v", "10:1 CREATE INDEX i ON v(id)"), located(checked));
    }

    @Test
    void aRollbackOfARunOnChangeChangesetIsNamedAfterTheChangesetOnly() {
        String text = """
                --liquibase formatted sql
                --changeset a:1 runOnChange:true
                INSERT INTO unit (name) SELECT DISTINCT units FROM item;
                --rollback DELETE FROM unit;
                """;
        List<Statement> checked = statements(text, LiquibaseOptions.defaults().withRollbacks(ScriptMode.CHECK));
        assertEquals(new StatementContext(StatementContext.Kind.ROLLBACK, "changeset a:1 rollback"),
                checked.get(1).context());
    }

    @Test
    void changesetCommentsStayAvailableForAcknowledgements() {
        String text = """
                --liquibase formatted sql
                -- not in a changeset
                --changeset a:1
                -- sqlguard:allow delete-without-where reason: staging table
                DELETE FROM staging;
                """;
        List<Token> comments = FormattedSqlReader.read("db/changes.sql", text, LiquibaseOptions.defaults()).script()
                .comments();
        assertEquals(List.of(2, 4), comments.stream().map(Token::line).toList());
        assertTrue(comments.get(1).text().contains("sqlguard:allow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GO", "\\nGO", "(?i)\\n\\s*GO\\s*$", "/", "\\n/\\s*\\n|\\n/\\s*$"})
    void batchSeparatorDelimitersAreLeftToTheSplitter(String delimiter) {
        assertTrue(SqlRegionSplitter.splitterKnows(delimiter));
    }

    @Test
    void otherDelimitersSplitOutsideStrings() {
        String text = """
                --liquibase formatted sql
                --changeset a:1 endDelimiter:$$ splitStatements:true
                CREATE PROCEDURE p() BEGIN DELETE FROM t WHERE x = 1; END$$
                DELETE FROM u$$
                """;
        assertFalse(SqlRegionSplitter.splitterKnows("$$"));
        List<String> located = located(statements(text, LiquibaseOptions.defaults()));
        assertEquals("4:1 DELETE FROM u", located.get(located.size() - 1));
        assertTrue(located.get(0).startsWith("3:1 CREATE PROCEDURE p()"), located.toString());
    }

    @Test
    void ignoredLinesAndPropertiesAndQuotedAuthors() {
        String text = """
                --liquibase formatted sql
                --property name:table value:customers
                --changeset "Alice Smith":"id 1" labels:x
                --ignoreLines:start
                DELETE FROM ignored;
                --ignoreLines:end
                DELETE FROM ${table};
                --ignoreLines:1
                DROP TABLE skipped;
                --precondition-sql-check expectedResult:0 SELECT count(*) FROM x
                DELETE FROM ${other}
                """;
        List<Statement> statements = statements(text, new LiquibaseOptions(null, Map.of("other", "o"), null, null));
        // The precondition comes first, as the emptiness it requires, for the guard check only (a container).
        assertEquals(List.of("10:1 IF NOT EXISTS (SELECT 1 FROM x)", "7:1 DELETE FROM customers",
                "11:1 DELETE FROM o"), located(statements));
        assertTrue(statements.get(0).container());
        assertEquals("changeset Alice Smith:id 1", statements.get(0).context().label());
    }

    @Test
    void anAuthorWithASpaceStartsAChangesetAsInLiquibase() {
        String text = """
                --liquibase formatted sql
                --changeset John Doe:1 context:prod
                DROP TABLE t;
                """;
        List<Statement> statements = statements(text, LiquibaseOptions.defaults());
        assertEquals(List.of("3:1 DROP TABLE t"), located(statements));
        assertEquals("changeset John Doe:1", statements.get(0).context().label());
        assertEquals(List.of(), MisspeltChangesetHeaders.in("db/changes.sql", text));
    }

    @Test
    void aLineLiquibaseRefusesAsAChangesetHeaderIsReportedWhereItStands() {
        List<Finding> found = MisspeltChangesetHeaders.in("db/changes.sql", String.join("\n",
                "--liquibase formatted sql", "--changeset siewer:164", "CREATE TABLE user_project (users_id int);",
                "--changeset:siewer:165", "DROP TABLE user_project;", "  -- changeset siewer: 166",
                "--changesets are listed in the master changelog", "--changeset \"a b\":\"1 2\""));
        assertEquals(List.of("db/changes.sql:4:1", "db/changes.sql:6:3", "db/changes.sql:7:1"),
                found.stream().map(f -> f.location().toString()).toList());
        assertEquals("malformed-changelog '--changeset:siewer:165' is not a changeset header: Liquibase 4 refuses the "
                + "file, and older versions run the lines below it as part of the changeset before, which is how "
                + "sqlguard checked them", found.get(0).ruleId() + " " + found.get(0).message());
        assertEquals("Write it as --changeset author:id: a space after 'changeset', none after the colon.",
                found.get(0).hint());
    }

    @Test
    void aHeaderWhoseDbmsMisspellsADatabaseIsReportedWhereItStands() {
        List<Finding> found = MisspeltChangesetHeaders.in("db/changes.sql", String.join("\n",
                "--liquibase formatted sql", "--changeset ann:1 dbms:postgresql", "DELETE FROM a WHERE id = 1;",
                "  --changeset ann:2 context:prod dbms:postgres,!h2", "DROP TABLE b;"));
        assertEquals(List.of("db/changes.sql:4:3 unknown-dbms dbms 'postgres' (did you mean postgresql?) names no"
                + " database Liquibase knows: recent Liquibase refuses the changelog, older versions never run"
                + " changeset ann:2 on any database"),
                found.stream().map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }

    @Test
    void anEmptyAuthorIsNoHeaderToTheReaderEitherSoBothReadTheLineAlike() {
        String text = """
                --liquibase formatted sql
                --changeset ann:1
                CREATE TABLE t (id int);
                --changeset :2
                DROP TABLE t;
                """;
        List<Statement> statements = statements(text, LiquibaseOptions.defaults());
        assertEquals(List.of("changeset ann:1", "changeset ann:1"),
                statements.stream().map(statement -> statement.context().label()).toList());
        assertEquals(List.of("db/changes.sql:4:1"), MisspeltChangesetHeaders.in("db/changes.sql", text).stream()
                .map(f -> f.location().toString()).toList());
    }

    @Test
    void recognisesTheHeaderOnTheFirstNonBlankLineOnly() {
        assertTrue(FormattedSqlReader.isFormattedSql("\n\n  -- liquibase formatted SQL\n"));
        assertTrue(FormattedSqlReader.isFormattedSql("\uFEFF--liquibase formatted sql\r\n"));
        assertFalse(FormattedSqlReader.isFormattedSql("SELECT 1;\n--liquibase formatted sql\n"));
    }

    @Test
    void singleDbmsPicksTheDialectOfItsDatabaseOverAnotherConfiguredOne() {
        String text = """
                --liquibase formatted sql
                --changeset a:1 dbms:postgresql
                DELETE FROM a;
                --changeset a:2 dbms:mysql,mariadb
                DELETE FROM b;
                --changeset a:3 dbms:mssql
                DELETE FROM c;
                """;
        List<Statement> statements = statements(text, LiquibaseOptions.defaults());
        // mysql,mariadb names two databases, both read by the MySQL dialect.
        assertEquals(List.of(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.SQLSERVER),
                statements.stream().map(Statement::dialect).toList());
        List<Statement> configured = statements(text, new LiquibaseOptions(null, null, Dialect.H2, null));
        assertEquals(List.of(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.SQLSERVER),
                configured.stream().map(Statement::dialect).toList());
        List<Statement> mariadb = statements("--liquibase formatted sql\n--changeset a:1 dbms:mariadb\nDELETE FROM a;\n",
                new LiquibaseOptions(null, null, Dialect.MYSQL, null));
        assertEquals(List.of(Dialect.MYSQL), mariadb.stream().map(Statement::dialect).toList(),
                "the MySQL dialect reads MariaDB's SQL");
    }

    @Test
    void splitStatementsFalseStillChecksEveryStatementTheDriverRuns() {
        String text = """
                --liquibase formatted sql
                --changeset a:1 splitStatements:false
                UPDATE a SET x = 1;
                DELETE FROM b;
                """;
        assertEquals(List.of("3:1 UPDATE a SET x = 1", "4:1 DELETE FROM b"),
                located(statements(text, LiquibaseOptions.defaults())));
    }

    @Test
    void goLinesEndStatementsForAGoEndDelimiter() {
        String text = """
                --liquibase formatted sql
                --changeset a:1 endDelimiter:\\nGO
                DELETE FROM a
                GO
                DELETE FROM b
                GO
                """;
        assertEquals(List.of("3:1 DELETE FROM a", "5:1 DELETE FROM b"),
                located(statements(text, LiquibaseOptions.defaults())));
    }
}
