package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A copy that an earlier migration or changeset made does not guard a later one's drop, as what was written in
 * between is not in it: the finding keeps its severity and says where the copy went, unless the copy is gone.
 */
class LinterEarlierRunCopyTest {

    private static final Set<String> LOSS_RULES = Set.of("drop-column", "drop-table", "delete-without-where",
            "truncate-table", "update-without-where");

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO user_password (user_id, hash) SELECT id, password FROM users WHERE password IS NOT NULL | | ALTER TABLE users DROP COLUMN password | ERROR ALTER TABLE users drops column password (values of password copied to user_password at line 1 of V2__copy.sql, an earlier migration; what was written after it ran is not in that copy)
            INSERT INTO user_password (user_id, hash) SELECT id, password FROM users WHERE password IS NOT NULL AND id > 0 | | ALTER TABLE users DROP COLUMN password | ERROR ALTER TABLE users drops column password (values of password copied to user_password at line 1 of V2__copy.sql, only from the rows its WHERE selects; that copy was made by an earlier migration, and what was written after it ran is not in it either)
            INSERT INTO user_password (user_id, hash) SELECT id, password FROM users WHERE password IS NOT NULL AND id > 0 | | DROP TABLE users | ERROR DROP TABLE removes table users and all its rows (values of id, password copied to user_password at line 1 of V2__copy.sql, only from the rows its WHERE selects; column name not copied to user_password; that copy was made by an earlier migration, and what was written after it ran is not in it either)
            ALTER TABLE users ADD COLUMN name2 TEXT; UPDATE users SET name2 = name | | ALTER TABLE users DROP COLUMN name | ERROR ALTER TABLE users drops column name (values of name copied to name2 at line 2 of V2__copy.sql, an earlier migration; what was written after it ran is not in that copy)
            ALTER TABLE users ADD COLUMN name2 TEXT; UPDATE users SET name2 = lower(name) | | ALTER TABLE users DROP COLUMN name | ERROR ALTER TABLE users drops column name
            CREATE TABLE users_archive AS SELECT * FROM users | | DROP TABLE users | ERROR DROP TABLE removes table users and all its rows (rows copied to users_archive at line 1 of V2__copy.sql, an earlier migration; what was written after it ran is not in that copy)
            CREATE TABLE users_archive AS SELECT * FROM users | | DELETE FROM users | ERROR DELETE without WHERE removes every row of users (rows copied to users_archive at line 1 of V2__copy.sql, an earlier migration; what was written after it ran is not in that copy)
            CREATE TABLE users_archive AS SELECT * FROM users | DROP TABLE users_archive | DROP TABLE users | ERROR DROP TABLE removes table users and all its rows
            CREATE TABLE users_names AS SELECT id, name FROM users | | DROP TABLE users | ERROR DROP TABLE removes table users and all its rows (the copy to users_names at line 1 of V2__copy.sql leaves out column password, whose values are lost; that copy was made by an earlier migration, and what was written after it ran is not in it either)
            INSERT INTO user_password (hash) SELECT password FROM users | | DROP TABLE users | ERROR DROP TABLE removes table users and all its rows (the copy to user_password at line 1 of V2__copy.sql leaves out columns id, name, whose values are lost; that copy was made by an earlier migration, and what was written after it ran is not in it either)
            CREATE TABLE secrets (user_id INT, secret TEXT); INSERT INTO secrets (user_id, secret) SELECT id, secret FROM legacy_users | | ALTER TABLE legacy_users DROP COLUMN secret | ERROR ALTER TABLE legacy_users drops column secret (values of secret copied to secrets at line 2 of V2__copy.sql beside id; sqlguard does not know the key of legacy_users, so check that id tells its rows apart; that copy was made by an earlier migration, and what was written after it ran is not in it either)
            CREATE TABLE users_archive AS SELECT * FROM users | | DROP TABLE users_archive; DROP TABLE users | ERROR DROP TABLE removes table users_archive and all its rows ## ERROR DROP TABLE removes table users and all its rows
            CREATE TABLE users_archive AS SELECT * FROM users | DROP TABLE users; CREATE TABLE users (id INT) | DROP TABLE users | ERROR DROP TABLE removes table users and all its rows
            CREATE FUNCTION keep() RETURNS void AS $$ BEGIN CREATE TABLE users_archive AS SELECT * FROM users; END $$ LANGUAGE plpgsql | | DROP TABLE users | ERROR DROP TABLE removes table users and all its rows
            CREATE TABLE users_archive AS SELECT * FROM users | | INSERT INTO user_password (user_id, hash) SELECT id, password FROM users WHERE password IS NOT NULL; ALTER TABLE users DROP COLUMN password | INFO ALTER TABLE users drops column password (guarded: values of password copied to user_password at line 1)
            """)
    void aCopyInAnEarlierMigrationIsNamedOnTheLaterLoss(String copy, String between, String later, String expected)
            throws IOException {
        write("V1__init.sql", "CREATE TABLE users (id INT PRIMARY KEY, name TEXT, password TEXT);\n"
                + "CREATE TABLE user_password (user_id INT PRIMARY KEY, hash TEXT);\n");
        write("V2__copy.sql", statements(copy));
        if (between != null) {
            write("V3__between.sql", statements(between));
        }
        write("V4__later.sql", statements(later));

        assertEquals(expected, String.join(" ## ", lossesIn("V4__later.sql")));
    }

    @Test
    void anUpdateOfValuesAnEarlierMigrationMovedToAnotherTableNamesTheCopy() throws IOException {
        write("V1__init.sql", "CREATE TABLE users (id INT PRIMARY KEY, totp_secret TEXT);\n"
                + "CREATE TABLE twofactor (user_id INT PRIMARY KEY, secret TEXT);\n");
        write("V2__move.sql", "INSERT INTO twofactor (user_id, secret) SELECT id, totp_secret FROM users"
                + " WHERE totp_secret IS NOT NULL;\n");
        write("V3__clear.sql", "UPDATE users SET totp_secret = NULL;\n");

        assertEquals(List.of("ERROR UPDATE without WHERE changes every row of users (values of totp_secret copied to"
                + " twofactor at line 1 of V2__move.sql, an earlier migration; what was written after it ran is not"
                + " in that copy)"), lossesIn("V3__clear.sql"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            up.sql        | 20170428154714_tokens/up.sql
            migration.sql | 20170428154714_tokens/migration.sql
            """)
    void aCopyInAnEarlierMigrationFolderIsNamedWithItsFolder(String script, String named) throws IOException {
        // every diesel (up.sql) and Prisma (migration.sql) migration has the same file name; its folder names it
        write("20170101000000_init/" + script, "CREATE TABLE users (id INT PRIMARY KEY, api_token TEXT);\n"
                + "CREATE TABLE api_tokens (user_id INT, token TEXT);\n");
        write("20170428154714_tokens/" + script, "CREATE INDEX ON api_tokens (token);\n"
                + "INSERT INTO api_tokens (user_id, token) SELECT id, api_token FROM users;\n");
        write("20171016200404_cleanup/" + script, "ALTER TABLE users DROP COLUMN api_token;\n");

        assertEquals(List.of("ERROR ALTER TABLE users drops column api_token (rows copied to api_tokens at line 2"
                + " of " + named + ", an earlier migration; what was written after it ran is not in that copy)"),
                lossesIn("20171016200404_cleanup/" + script));
    }

    @Test
    void aCopyInAnEarlierVersionFolderIsNamedWithItsFolder() throws IOException {
        // each upgrade step is one folder per schema version, all holding a script of the same name
        write("upgrade/1/app_postgresql.sql", "CREATE TABLE users (id INT PRIMARY KEY, api_token TEXT);\n"
                + "CREATE TABLE api_tokens (user_id INT, token TEXT);\n");
        write("upgrade/2/app_postgresql.sql", "CREATE INDEX ON api_tokens (token);\n"
                + "INSERT INTO api_tokens (user_id, token) SELECT id, api_token FROM users;\n");
        write("upgrade/10/app_postgresql.sql", "ALTER TABLE users DROP COLUMN api_token;\n");

        assertEquals(List.of("ERROR ALTER TABLE users drops column api_token (rows copied to api_tokens at line 2"
                + " of 2/app_postgresql.sql, an earlier migration; what was written after it ran is not in that copy)"),
                lossesIn("10/app_postgresql.sql"));
    }

    @Test
    void aCopyInAnEarlierChangesetOfTheSameChangelogIsNamedAsSuch() throws IOException {
        write("changelog.sql", "--liquibase formatted sql\n"
                + "--changeset a:1\nCREATE TABLE users (id INT PRIMARY KEY, name TEXT);\n"
                + "--changeset a:2\nCREATE TABLE users_archive AS SELECT * FROM users;\n"
                + "--changeset a:3\nDROP TABLE users;\n");

        assertEquals(List.of("ERROR DROP TABLE removes table users and all its rows (rows copied to users_archive at"
                + " line 5 of changelog.sql, an earlier changeset; what was written after it ran is not in that"
                + " copy) (changeset a:3)"), lossesIn("changelog.sql"));
    }

    @Test
    void aCopyIsNamedWhenOnlySomeDatabasesReplayTheTableItCopies() throws IOException {
        // The baseline creates the tables for mysql and h2 only: on any other database their columns are not known.
        write("changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="base-mysql" author="a" dbms="mysql"><sql>
                    CREATE TABLE maintainers (project_id BIGINT NOT NULL, person_id BIGINT NOT NULL,
                      PRIMARY KEY (project_id, person_id));
                    CREATE TABLE flows (id BIGINT NOT NULL PRIMARY KEY, content LONGTEXT)</sql></changeSet>
                  <changeSet id="base-h2" author="a" dbms="h2"><sql>
                    CREATE TABLE maintainers (project_id BIGINT NOT NULL, person_id BIGINT NOT NULL,
                      PRIMARY KEY (project_id, person_id));
                    CREATE TABLE flows (id BIGINT NOT NULL PRIMARY KEY, content CLOB)</sql></changeSet>
                  <changeSet id="1" author="a">
                    <createTable tableName="members"><column name="project_id" type="bigint"/>
                      <column name="person_id" type="bigint"/><column name="role" type="char(1)"/></createTable>
                    <createTable tableName="flow_contents"><column name="content" type="longtext"/>
                      <column name="flow_id" type="bigint"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="a"><sql>
                    INSERT INTO members (project_id, person_id, role)
                      SELECT project_id, person_id, 'M' FROM maintainers;
                    INSERT INTO flow_contents (content, flow_id) SELECT content, id FROM flows</sql></changeSet>
                  <changeSet id="3" author="a">
                    <dropTable tableName="maintainers"/>
                    <dropColumn tableName="flows" columnName="content"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        // On mysql and h2 the copies are whole; the notes say on which databases they fall short.
        assertEquals(List.of("ERROR DROP TABLE removes table maintainers and all its rows (on other databases: the copy"
                + " to members at line 17 of changelog.xml lists its columns, and sqlguard does not know every column"
                + " of maintainers: those it leaves out are lost; that copy was made by an earlier changeset, and what"
                + " was written after it ran is not in it either) (changeset a:3)", "ERROR ALTER TABLE flows drops"
                + " column content (on other databases: values of content copied to flow_contents at line 19 of"
                + " changelog.xml beside id; sqlguard does"
                + " not know the key of flows, so check that id tells its rows apart; that copy was made by an"
                + " earlier changeset, and what was written after it ran is not in it either) (changeset a:3)"),
                lossesIn("changelog.xml"));
    }

    @Test
    void aCopyAnEarlierChangesetMadeForOtherDatabasesIsNotNamedOnTheLaterLoss() throws IOException {
        // The copy runs everywhere but on mssql, where its own changeset drops the column without one.
        write("changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: pages
                            columns:
                              - column: {name: id, type: varchar(64), constraints: {primaryKey: true}}
                              - column: {name: try_it_url, type: varchar(200)}
                        - createTable:
                            tableName: page_configuration
                            columns:
                              - column: {name: page_id, type: varchar(64)}
                              - column: {name: v, type: varchar(200)}
                  - changeSet:
                      id: 2
                      author: a
                      preConditions:
                        - onFail: MARK_RAN
                        - not:
                            - dbms:
                                type: mssql
                      changes:
                        - sql:
                            sql: INSERT INTO page_configuration (page_id, v) SELECT id, try_it_url FROM pages
                  - changeSet:
                      id: 3
                      author: a
                      preConditions:
                        - onFail: MARK_RAN
                        - dbms:
                            type: mssql
                      changes:
                        - dropColumn:
                            tableName: pages
                            columnName: try_it_url
                  - changeSet:
                      id: 4
                      author: a
                      dbms: postgresql
                      changes:
                        - dropColumn:
                            tableName: pages
                            columnName: try_it_url
                """);

        assertEquals(List.of("ERROR ALTER TABLE pages drops column try_it_url (changeset a:3, its dbms precondition:"
                + " runs only on mssql, not on postgresql, the configured database)",
                "ERROR ALTER TABLE pages drops column try_it_url (rows copied to page_configuration at line 26 of"
                        + " changelog.yaml, an earlier changeset; what was written after it ran is not in"
                        + " that copy) (changeset a:4)"), lossesIn("changelog.yaml"));
    }

    /**
     * A changeset per database copies the values (contexts or dbms named after databases) and a later one for every
     * database drops them: the finding keeps its severity, as on any other database nothing copied them, and says
     * where the values went on each database that made a copy.
     */
    @Test
    void aCopyEachDatabaseMadeInItsOwnChangesetIsNamedOnTheLaterDropForEveryDatabase() throws IOException {
        write("changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="loan"><column name="id" type="bigint"/>
                    <column name="approver_id" type="bigint"/><column name="note" type="text"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="a" context="mysql"><addColumn tableName="loan">
                    <column name="approved_by" type="bigint" valueComputed="approver_id"/></addColumn></changeSet>
                  <changeSet id="2" author="a" context="postgresql"><addColumn tableName="loan">
                    <column name="approved_by" type="bigint" valueComputed="approver_id"/></addColumn></changeSet>
                  <changeSet id="3" author="a" dbms="postgresql"><sql>ALTER TABLE loan ADD note_text TEXT;
                    UPDATE loan SET note_text = note</sql></changeSet>
                  <changeSet id="4" author="a">
                    <dropColumn tableName="loan" columnName="approver_id"/>
                    <dropColumn tableName="loan" columnName="note"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("ERROR ALTER TABLE loan drops column approver_id (on mysql: values of approver_id copied"
                + " to approved_by at line 5 of changelog.xml, an earlier changeset; on postgresql: values of"
                + " approver_id copied to approved_by at line 7 of changelog.xml, an earlier changeset; on other"
                + " databases nothing copied them; what was written after they ran is not in those copies)"
                + " (changeset a:4)",
                "ERROR ALTER TABLE loan drops column note (on postgresql: values of note copied to note_text at line"
                        + " 10 of changelog.xml, an earlier changeset; on mysql, other databases nothing copied them;"
                        + " what was written after it ran is not in that copy) (changeset a:4)"),
                lossesIn("changelog.xml").stream().filter(loss -> loss.startsWith("ERROR")).toList());
    }

    private static String statements(String semicolonSeparated) {
        return semicolonSeparated.replace("; ", ";\n") + ";\n";
    }

    private void write(String name, String sql) throws IOException {
        Path file = project.resolve("db").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    /** The findings of the rules that report a loss, in the file {@code name}. */
    private List<String> lossesIn(String name) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> LOSS_RULES.contains(f.ruleId()))
                .filter(f -> f.location().path().endsWith(name))
                .map(f -> f.severity() + " " + f.message()).toList();
    }
}
