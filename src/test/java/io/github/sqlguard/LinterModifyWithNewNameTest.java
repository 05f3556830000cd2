package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MODIFY [COLUMN] old new type} is MySQL's CHANGE spelt with MODIFY: two names, then a type. It is read as
 * the rename and the type change it means, not as a change to a type called "new type"; a MODIFY whose type is
 * several words ({@code DOUBLE PRECISION}, {@code LONG VARCHAR}) still changes only the type.
 */
class LinterModifyWithNewNameTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // two names then a type: a rename, judged on the new type (a wider VARCHAR loses nothing)
        "MODIFY COLUMN type_cd parameter_type VARCHAR(100)|db/V2__x.sql:1:20 rename-column ALTER TABLE params renames"
                + " column type_cd to parameter_type",
        "MODIFY type_cd parameter_type VARCHAR(100) NOT NULL|db/V2__x.sql:1:20 rename-column ALTER TABLE params renames"
                + " column type_cd to parameter_type",
        // the new name's type narrows the old one's values
        "MODIFY COLUMN key_name parameter_name VARCHAR(20)|db/V2__x.sql:1:20 alter-column-type ALTER TABLE params"
                + " changes the type of column key_name from VARCHAR(100) to VARCHAR(20) (shorter: 100 to 20 characters);"
                + "db/V2__x.sql:1:20 rename-column ALTER TABLE params renames column key_name to parameter_name",
        // a type of two words is one type, not a new name
        "MODIFY COLUMN amount DOUBLE PRECISION|",
        "MODIFY COLUMN key_name CHARACTER VARYING(20)|db/V2__x.sql:1:20 alter-column-type ALTER TABLE params changes"
                + " the type of column key_name from VARCHAR(100) to CHARACTER VARYING(20) (shorter: 100 to 20 characters)",
        // a default of a typed literal is no new name
        "MODIFY COLUMN key_name VARCHAR(100) DEFAULT DATE '2020-01-01'|",
        // nor are MariaDB's IF EXISTS and Snowflake's TYPE
        "MODIFY COLUMN IF EXISTS key_name VARCHAR(20)|db/V2__x.sql:1:20 alter-column-type ALTER TABLE params changes"
                + " the type of column key_name from VARCHAR(100) to VARCHAR(20) (shorter: 100 to 20 characters)",
        "MODIFY COLUMN key_name TYPE VARCHAR(20)|db/V2__x.sql:1:20 alter-column-type ALTER TABLE params changes"
                + " the type of column key_name from VARCHAR(100) to VARCHAR(20) (shorter: 100 to 20 characters)",
        "MODIFY key_name LONG VARCHAR|",
    })
    void modifyWithTwoNamesRenamesTheColumn(String clause, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE params (type_cd VARCHAR(6) NOT NULL,"
                + " key_name VARCHAR(100) NOT NULL, amount DECIMAL(10,2));\n");
        TestProject.write(project, "db/V2__x.sql", "ALTER TABLE params " + clause + ";\n"
                + "UPDATE params SET parameter_type = 'STRING' WHERE parameter_type IS NULL;\n");

        List<String> findings = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> !f.ruleId().equals("unparsed-statement"))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();
        assertEquals(expected == null ? List.of() : List.of(expected.split(";")), findings);
    }
}
