package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Oracle Liquibase creates {@code INT} as {@code INTEGER} and {@code BIGINT} as {@code NUMBER(38,0)}: the same
 * 38 digits, so widening an id column to {@code BIGINT} loses nothing there either,
 * while a real narrowing to {@code NUMBER(9)} is still reported.
 */
class LinterOracleBigintWideningTest {

    @TempDir
    Path project;

    @Test
    void modifyDataTypeFromIntToBigintLosesNothingOnOracle() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                <changeSet id="1" author="a">
                    <createTable tableName="device">
                        <column name="positionid" type="INT"/>
                        <column name="groupid" type="INT"/>
                    </createTable>
                </changeSet>
                <changeSet id="2" author="a">
                    <modifyDataType tableName="device" columnName="positionid" newDataType="BIGINT"/>
                    <modifyDataType tableName="device" columnName="groupid" newDataType="NUMBER(9)"/>
                </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:10:5 alter-column-type"),
                TestProject.lint(project, Dialect.ORACLE).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId()).toList());
    }
}
