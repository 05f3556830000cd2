package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The names a changelog gives its changes become the SQL Liquibase writes for them: a table name made of a property
 * and plain characters ({@code ${prefix}users}) is a plain name once the property has its value, and a name that
 * needs quotes is quoted as the database quotes names (MySQL's backticks; its double quotes make a string).
 */
class LinterChangelogTableNamesTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "POSTGRESQL", "MYSQL", "MARIADB", "SQLSERVER"})
    void aTableNamedWithAnUndefinedPrefixPropertyIsNamedAsWritten(Dialect dialect) throws IOException {
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: ${prefix}users
                            columns:
                              - column: {name: id, type: varchar(64)}
                              - column: {name: nick, type: varchar(64)}
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - addColumn:
                            tableName: ${prefix}users
                            columns:
                              - column: {name: kind, type: varchar(16)}
                        - update:
                            tableName: ${prefix}users
                            columns:
                              - column: {name: kind, value: 'USER'}
                        - dropColumn:
                            tableName: ${prefix}users
                            columnName: nick
                        - dropTable:
                            tableName: ${prefix}users
                """);

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .map(f -> f.location() + " " + f.severity() + " " + f.ruleId() + " " + f.message()).toList();

        assertEquals(List.of(
                "db/changelog.yaml:19:11 INFO update-without-where UPDATE without WHERE changes every row of"
                        + " ${prefix}users (guarded: column kind was added earlier in this changeset and nothing has"
                        + " written it since) (changeset a:2)",
                "db/changelog.yaml:23:11 ERROR drop-column ALTER TABLE ${prefix}users drops column nick (changeset a:2)",
                "db/changelog.yaml:26:11 ERROR drop-table DROP TABLE removes table ${prefix}users and all its rows"
                        + " (changeset a:2)"), found);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "POSTGRESQL", "MYSQL"})
    void aTableACreateTableChangeNamesWithAPrefixIsTheTableAnSqlChangeNames(Dialect dialect) throws IOException {
        // PostgreSQL folds the sql change's bare name; a quoted "${prefix}pages" would have been another table.
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: ${prefix}pages
                            columns:
                              - column: {name: id, type: varchar(64), constraints: {primaryKey: true}}
                              - column: {name: try_it_url, type: varchar(200)}
                        - createTable:
                            tableName: ${prefix}page_configuration
                            columns:
                              - column: {name: page_id, type: varchar(64)}
                              - column: {name: v, type: varchar(200)}
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - sql:
                            sql: INSERT INTO ${prefix}page_configuration (page_id, v) SELECT id, try_it_url FROM ${prefix}pages
                        - dropColumn:
                            tableName: ${prefix}pages
                            columnName: try_it_url
                """);

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .map(f -> f.location() + " " + f.severity() + " " + f.ruleId() + " " + f.message()).toList();

        assertEquals(List.of("db/changelog.yaml:22:11 INFO drop-column ALTER TABLE ${prefix}pages drops column"
                + " try_it_url (guarded: rows copied to ${prefix}page_configuration at line 21) (changeset a:2)"),
                found);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
    void aNameThatNeedsQuotesIsQuotedWithBackticksOnMySql(Dialect dialect) throws IOException {
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - dropColumn:
                            tableName: order-lines
                            columnName: unit price
                        - dropTable:
                            tableName: order-lines
                """);

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();

        assertEquals(List.of(
                "db/changelog.yaml:6:11 drop-column ALTER TABLE `order-lines` drops column `unit price` (changeset a:1)",
                "db/changelog.yaml:9:11 drop-table DROP TABLE removes table `order-lines` and all its rows"
                        + " (changeset a:1)"), found);
    }
}
