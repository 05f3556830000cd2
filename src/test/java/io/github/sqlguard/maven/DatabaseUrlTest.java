package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A JDBC URL names its database by its driver, as Flyway and Liquibase pick their database support from it. */
class DatabaseUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/app?ssl=true | POSTGRESQL",
        "jdbc:pgsql://db/app | POSTGRESQL",
        "jdbc:tc:postgresql:16:///app | POSTGRESQL",
        "JDBC:PostgreSQL://db/app | POSTGRESQL",
        "jdbc:postgresql://cockroach:26257/app?sslmode=disable | POSTGRESQL",
        "jdbc:mysql://db:3306/app | MYSQL",
        "jdbc:tc:mysql:8:///app | MYSQL",
        "jdbc:mariadb://db/app | MARIADB",
        "jdbc:sqlserver://db:1433;databaseName=app | SQLSERVER",
        "jdbc:jtds:sqlserver://db/app | SQLSERVER",
        "jdbc:oracle:thin:@db:1521/app | ORACLE",
        "jdbc:h2:mem:app;MODE=PostgreSQL | POSTGRESQL",
        "jdbc:h2:mem:app;DB_CLOSE_DELAY=-1;mode=MySQL;DATABASE_TO_LOWER=TRUE | MYSQL",
        "jdbc:h2:mem:app;MODE=MSSQLServer | SQLSERVER",
        "jdbc:h2:mem:app;MODE=Oracle | ORACLE",
        "jdbc:h2:mem:app;MODE=DB2 | H2",
        "jdbc:h2:mem:app;MODE=Regular | H2",
        "jdbc:h2:file:./data/app | H2",
        "jdbc:sqlite:app.db | SQLITE",
        "offline:postgresql?version=15 | POSTGRESQL",
        "jdbc:db2://db:50000/app | AUTO",
        "jdbc:snowflake://acct.snowflakecomputing.com | AUTO",
        "jdbc:redshift://cluster:5439/app | AUTO",
        "jdbc:clickhouse://db:8123/app | AUTO",
        "jdbc:jtds:sybase://db/app | AUTO"})
    void theDriverNameDecidesTheDialect(String url, Dialect expected) {
        assertEquals(expected, new DatabaseUrl(url, "test").dialect());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:${db.kind}://db/app", "${DB_URL}", "jdbc:@db.kind@://db/app", "", "postgresql://db",
        "jdbc:", "jdbc:${db.kind:postgresql}://db/app"})
    void aValueWhoseDriverIsNotWrittenOutNamesNoDatabase(String url) {
        assertEquals(Optional.empty(), new DatabaseUrl(url, "test").database());
        assertEquals(Dialect.AUTO, new DatabaseUrl(url, "test").dialect());
    }

    @ParameterizedTest
    @CsvSource({"jdbc:h2:mem:app;MODE=MariaDB, mariadb", "jdbc:db2://db/app, db2", "jdbc:pgsql://db/app, postgresql", "jdbc:tc:mariadb:11:///app, mariadb"})
    void theLogNamesTheDatabaseByDialectWhereThereIsOne(String url, String expected) {
        assertEquals(expected, new DatabaseUrl(url, "test").databaseName());
    }
}
