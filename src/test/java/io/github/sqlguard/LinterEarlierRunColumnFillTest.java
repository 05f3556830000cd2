package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An UPDATE of every row that fills only columns an earlier migration or changeset added stays an ERROR, as the
 * application may have written them between the two runs, but says so: the reader decides whether both run in one
 * deploy. One that also overwrites another column, or fills a column the same run added (guarded), says nothing of it.
 */
class LinterEarlierRunColumnFillTest {

    private static final String NOTE = " (column tier was added by an earlier %s: run in one deploy with it, this"
            + " overwrites nothing; run later, it overwrites what the application wrote there since)";

    @TempDir
    Path project;

    @Test
    void aFillInALaterMigrationSaysTheColumnCameFromAnEarlierOne() throws IOException {
        TestProject.write(project, "db/V1__customers.sql", "CREATE TABLE customers (id INT PRIMARY KEY, email TEXT);\n");
        TestProject.write(project, "db/V2__tier.sql", "ALTER TABLE customers ADD COLUMN tier TEXT;\n");
        TestProject.write(project, "db/V3__fill.sql", "UPDATE customers SET tier = 'basic';\n"
                + "UPDATE customers SET tier = 'basic', email = NULL;\n");

        assertEquals(List.of("db/V3__fill.sql:1:1 update-without-where ERROR UPDATE without WHERE changes every row of"
                + " customers" + NOTE.formatted("migration"), "db/V3__fill.sql:2:1 update-without-where ERROR UPDATE"
                + " without WHERE changes every row of customers"), findings(Dialect.POSTGRESQL));
    }

    @Test
    void aFillInALaterChangesetSaysTheColumnCameFromAnEarlierOne() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="customers">
                    <column name="id" type="int"/></createTable></changeSet>
                  <changeSet id="2" author="a"><addColumn tableName="customers">
                    <column name="tier" type="varchar(20)"/></addColumn></changeSet>
                  <changeSet id="3" author="a"><update tableName="customers">
                    <column name="tier" value="basic"/></update></changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:6:32 update-without-where ERROR UPDATE without WHERE changes every row of"
                + " customers" + NOTE.formatted("changeset") + " (changeset a:3)"), findings(Dialect.POSTGRESQL));
    }

    @Test
    void aFillOfAColumnAnEarlierMigrationWroteSinceClaimsNothing() throws IOException {
        TestProject.write(project, "db/V1__customers.sql", "CREATE TABLE customers (id INT PRIMARY KEY, email TEXT);\n");
        TestProject.write(project, "db/V2__tier.sql", "ALTER TABLE customers ADD COLUMN tier TEXT;\n");
        TestProject.write(project, "db/V3__gold.sql", "UPDATE customers SET tier = 'gold' WHERE email LIKE '%@corp';\n");
        TestProject.write(project, "db/V4__short.sql", "UPDATE customers SET tier = SUBSTRING(tier, 1, 1);\n");

        assertEquals(List.of("db/V4__short.sql:1:1 update-without-where ERROR UPDATE without WHERE changes every row"
                + " of customers"), findings(Dialect.POSTGRESQL));
    }

    @Test
    void aFillOfAColumnAnEarlierChangesetWroteSinceClaimsNothing() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="customers">
                    <column name="id" type="int"/><column name="active" type="int"/></createTable></changeSet>
                  <changeSet id="2" author="a"><addColumn tableName="customers">
                    <column name="tier" type="varchar(20)"/></addColumn></changeSet>
                  <changeSet id="3" author="a">
                    <sql>UPDATE customers SET tier = 'Current' WHERE active = 1</sql></changeSet>
                  <changeSet id="4" author="a">
                    <sql>UPDATE customers SET tier = SUBSTRING(tier, 1, 1)</sql></changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:9:10 update-without-where ERROR UPDATE without WHERE changes every row of"
                + " customers (changeset a:4)"), findings(Dialect.MYSQL));
    }

    @Test
    void aFillInTheSameMigrationIsGuardedAsBefore() throws IOException {
        TestProject.write(project, "db/V1__customers.sql", "CREATE TABLE customers (id INT PRIMARY KEY, email TEXT);\n");
        TestProject.write(project, "db/V2__tier.sql", "ALTER TABLE customers ADD COLUMN tier TEXT;\n"
                + "UPDATE customers SET tier = 'basic';\n");

        assertEquals(List.of("db/V2__tier.sql:2:1 update-without-where INFO UPDATE without WHERE changes every row of"
                + " customers (guarded: column tier was added earlier in this script and nothing has written it"
                + " since)"), findings(Dialect.POSTGRESQL));
    }

    private List<String> findings(Dialect dialect) {
        return TestProject.lint(project, dialect).findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
    }
}
