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
 * A changeset whose {@code dbms} (or {@code preConditions}) rules out the configured database never runs there, so
 * its types are not that database's: a {@code <not><dbms type="oracle"/></not>} changeset that makes a
 * column TINYINT runs on PostgreSQL, MySQL and the others, never as Oracle's NUMBER(3). Each line: the configured
 * dialect, how the changeset rules the database out, and the type the finding names.
 */
class LinterChangesetExcludingConfiguredDatabaseTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ORACLE     | dbms="!oracle"                                                                | TINYINT  | oracle
            ORACLE     | ><preConditions onFail="MARK_RAN"><not><dbms type="oracle"/></not></preConditions> | TINYINT  | oracle
            POSTGRESQL | dbms="!postgresql, !h2"                                                       | TINYINT  | postgresql
            POSTGRESQL | dbms="!oracle"                                                                | SMALLINT | ''
            """)
    void itsTypesAreNotReadAsTheExcludedDatabasesTypes(Dialect dialect, String exclusion, String type, String kept)
            throws IOException {
        boolean precondition = exclusion.startsWith(">");
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <createTable tableName="policy"><column name="logic" type="VARCHAR(20)"/></createTable>
                    </changeSet>
                    <changeSet id="2" author="a" %s
                        <modifyDataType tableName="policy" columnName="logic" newDataType="TINYINT"/>
                    </changeSet>
                </databaseChangeLog>
                """.formatted(precondition ? exclusion : exclusion + ">"));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();

        assertEquals(List.of("db/changelog.xml:6:9 alter-column-type ALTER TABLE policy changes the type of column"
                + " logic from VARCHAR(20) to " + type + " (text to integer can fail or change values) (changeset"
                + " a:2" + (kept.isEmpty() ? "" : ", " + (precondition ? "its dbms precondition" : exclusion)
                + ": never runs on " + kept + ", the configured database") + ")"), found);
    }
}
