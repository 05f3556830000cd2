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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrade scripts kept per database in one folder and named for it by the last word of the file name
 * ({@code app_mysql.sql} beside {@code app_oracle.sql}) are read in that database's dialect, as a folder named for
 * it would be: their siblings show the word to name a database, where {@code engine_mysql.sql} alone names none.
 */
class LinterSiblingNamedDialectTest {

    private static final String NEVER_CREATED = " (none of the migrations that run before it creates %s: where the"
            + " table exists, something else made it)";

    /** In MySQL {@code \'} keeps the string open; read in no dialect it ends there and the rest is SQL. */
    private static final String MYSQL_ESCAPED_QUOTE = "INSERT INTO t (id, note) VALUES (1, 'a\\'; DELETE FROM t; --');";

    @TempDir
    Path project;

    @Test
    void aScriptNamedForMysqlBesideOnesNamedForOtherDatabasesIsReadAsMysql() throws IOException {
        write("db/upgrade/2/app_mysql.sql", MYSQL_ESCAPED_QUOTE);
        write("db/upgrade/2/app_oracle.sql", "INSERT INTO t (id, note) VALUES (1, 'a');");

        assertEquals(List.of(), rules());
    }

    @Test
    void aScriptWhoseNameAloneNamesNoDatabaseIsReadInNoDialect() throws IOException {
        write("db/upgrade/2/engine_mysql.sql", MYSQL_ESCAPED_QUOTE);

        assertEquals(List.of("delete-without-where"), rules());
    }

    @Test
    void aScriptNamedForPostgresqlBesideItsTwinIsReadAsPostgresqlUnderAConfiguredMysql() throws IOException {
        write("db/app_ddl.sql", "DROP TABLE IF EXISTS `orders`;");
        write("db/app_ddl_pg.sql", "DROP TABLE IF EXISTS \"orders\";");

        // read as MySQL, "orders" would be a string and the finding would name no table
        assertEquals(List.of("db/app_ddl.sql: DROP TABLE removes table `orders` and all its rows"
                + NEVER_CREATED.formatted("`orders`"),
                "db/app_ddl_pg.sql: DROP TABLE removes table \"orders\" and all its rows"
                + NEVER_CREATED.formatted("\"orders\"")),
                run(Dialect.MYSQL).findings().stream()
                        .map(f -> f.location().path() + ": " + f.message()).sorted().toList());
    }

    @Test
    void aScriptNamedForMysqlBetweenHyphensBesideOnesNamedForOtherDatabasesIsReadAsMysqlUnderPostgresql()
            throws IOException {
        write("db/resources/App-DDL-MySQL-CREATE.sql", MYSQL_ESCAPED_QUOTE);
        write("db/resources/App-DDL-Oracle-CREATE.sql", "INSERT INTO t (id, note) VALUES (1, 'a');");
        write("db/resources/App-DDL-Postgres-CREATE.sql", "INSERT INTO t (id, note) VALUES (1, 'a');");

        assertEquals(List.of(), run(Dialect.POSTGRESQL).findings().stream().map(Finding::ruleId).toList());
    }

    @Test
    void aLoneScriptThatMentionsADatabaseInItsWordsIsReadInTheConfiguredDialect() throws IOException {
        // read as MySQL, \' would keep the string open and hide the DELETE
        write("db/upgrade/add_mysql_support_flag.sql", MYSQL_ESCAPED_QUOTE);
        write("db/upgrade/add-mysql-support-flag.sql", MYSQL_ESCAPED_QUOTE);
        write("db/migration/V3__drop_mysql_legacy_table.sql", MYSQL_ESCAPED_QUOTE);

        assertEquals(List.of("delete-without-where", "delete-without-where", "delete-without-where"),
                run(Dialect.POSTGRESQL).findings().stream().map(Finding::ruleId).toList());
    }

    private List<String> rules() {
        return run(Dialect.AUTO).findings().stream().map(Finding::ruleId).toList();
    }

    private LintResult run(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
    }

    private void write(String name, String sql) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
    }
}
