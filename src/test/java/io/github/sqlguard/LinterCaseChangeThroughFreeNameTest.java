package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A column renamed to a free name and then to a name code reads as its old one ({@code shipTo} to {@code shiptotmp}
 * to {@code shipto}, the two steps a change of case takes where a rename to the same name folded is refused) keeps
 * working for code on a database that compares the names alike: neither rename is a warning there. Liquibase quotes a
 * column name of mixed case on PostgreSQL, where the change of case is then a real rename.
 */
class LinterCaseChangeThroughFreeNameTest {

    private static final String FIRST_WARNED = "db/changelog.xml:5:5 rename-column WARNING ALTER TABLE orders renames"
            + " column %s to shiptotmp (changeset a:2)";
    private static final String FIRST_GUARDED = "db/changelog.xml:5:5 rename-column INFO ALTER TABLE orders renames"
            + " column shipTo to shiptotmp (guarded: the rename at line 6 gives column shiptotmp back the name shipto,"
            + " which %s reads as shipTo, so code that uses the column keeps working) (changeset a:2)";
    private static final String SECOND = "db/changelog.xml:6:5 rename-column INFO ALTER TABLE orders renames column"
            + " shiptotmp to %s (guarded: column shiptotmp got its name from the rename at line 5, so no code that runs"
            + " yet uses it) (changeset a:2)";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', value = {
        "MYSQL      | shipto  | guarded",
        "MARIADB    | SHIPTO  | guarded",
        "H2         | shipto  | guarded",
        "ORACLE     | SHIPTO  | guarded",
        "POSTGRESQL | shipto  | warned",
        "SQLSERVER  | shipto  | warned",
        "AUTO       | shipto  | warned",
        "MYSQL      | ship_to | warned",
    })
    void aColumnGivenBackANameCodeReadsAsItsOldOneWasNotRenamedForCode(Dialect dialect, String last,
            String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="orders"><column name="id" type="bigint"/>
                    <column name="shipTo" type="varchar(512)"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <renameColumn tableName="orders" oldColumnName="shipTo" newColumnName="shiptotmp" columnDataType="varchar(512)"/>
                    <renameColumn tableName="orders" oldColumnName="shiptotmp" newColumnName="%s" columnDataType="varchar(512)"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(last));

        String first = switch (expected) {
            case "guarded" -> FIRST_GUARDED.formatted(dialect.name().toLowerCase(java.util.Locale.ROOT))
                    .replace("back the name shipto,", "back the name " + last + ",");
            default -> FIRST_WARNED.formatted(dialect == Dialect.POSTGRESQL ? "\"shipTo\"" : "shipTo");
        };
        assertEquals(List.of(first, SECOND.formatted(last)), TestProject.lint(project, dialect).findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList());
    }

    /**
     * Liquibase writes a renameColumn of a mixed-case name on PostgreSQL with the name quoted, as it created the
     * column: code that reaches it as {@code "shipTo"} breaks when it becomes {@code shipto}. MySQL compares the names
     * ignoring case.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | db/changelog.xml:5:5 rename-column ALTER TABLE orders renames column \"shipTo\" to shipto"
            + " (changeset a:2)",
        "MYSQL      | ''",
        "H2         | ''",
    })
    void aChangeOfCaseOfAMixedCaseNameIsARenameWhereLiquibaseQuotesIt(Dialect dialect, String expected)
            throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="orders"><column name="id" type="bigint"/>
                    <column name="shipTo" type="varchar(512)"/></createTable></changeSet>
                  <changeSet id="2" author="a">
                    <renameColumn tableName="orders" oldColumnName="shipTo" newColumnName="shipto" columnDataType="varchar(512)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), TestProject.lint(project, dialect)
                .findings().stream().map(LinterChangelogChangesTest::line).toList());
    }
}
