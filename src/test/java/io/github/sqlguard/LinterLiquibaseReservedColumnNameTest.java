package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase quotes a column whose name is a reserved word when it writes the SQL of a change, so an
 * {@code <update>} of a column named {@code limit} sets that column; it does not cap the rows it takes.
 */
class LinterLiquibaseReservedColumnNameTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MYSQL", "SQLSERVER", "ORACLE", "AUTO"})
    void anUpdateOfAColumnNamedLimitIsAPlainUpdateWithoutWhere(Dialect dialect) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                <changeSet id="1" author="a">
                    <createTable tableName="quota">
                        <column name="id" type="INT"/>
                        <column name="limit" type="INT"/>
                    </createTable>
                </changeSet>
                <changeSet id="2" author="a">
                    <update tableName="quota"><column name="limit" valueNumeric="0"/></update>
                    <dropColumn tableName="quota" columnName="limit"/>
                </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:9:5 update-without-where UPDATE without WHERE changes every row of"
                        + " quota (changeset a:2)",
                        "db/changelog.xml:10:5 drop-column ALTER TABLE quota drops column limit (changeset a:2)"),
                TestProject.lint(project, dialect).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }
}
