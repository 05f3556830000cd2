package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An upgrade runner's {@code #IfMissingColumn t c} .. {@code #EndIf} runs its statements only when the test passes:
 * a column the block adds may have been there with values, so the guard it sets up holds inside the block only.
 */
class LinterUpgradeDirectiveBlocksTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MYSQL", "AUTO"})
    void aColumnAddedInABlockIsNewOnlyInsideIt(Dialect dialect) throws IOException {
        TestProject.write(project, "db/sql/4_0_0-to-4_1_0_upgrade.sql", """
                #IfMissingColumn patient_data ethnicity
                ALTER TABLE patient_data ADD ethnicity varchar(255) NOT NULL default '';
                UPDATE patient_data SET ethnicity = 'unknown';
                #EndIf
                #IfMissingColumn patient_data race
                ALTER TABLE patient_data ADD race varchar(255) NOT NULL default '';
                #EndIf
                UPDATE patient_data SET race = 'unknown';
                """);

        assertEquals("update-without-where@3:INFO / update-without-where@8:ERROR", describe(dialect));
    }

    /** The runner compares case-sensitively: {@code #Endif} ends nothing, the next {@code #If..} starts a block. */
    @Test
    void onlyEndIfOrTheNextIfEndsABlock() throws IOException {
        TestProject.write(project, "db/sql/4_0_0-to-4_1_0_upgrade.sql", """
                #IfMissingColumn users pwd_history
                ALTER TABLE users ADD pwd_history varchar(255);
                #Endif
                UPDATE users SET pwd_history = '';
                #IfTable users
                UPDATE users SET pwd_history = '';
                #EndIf
                """);

        assertEquals("update-without-where@4:INFO / update-without-where@6:ERROR", describe(Dialect.MYSQL));
    }

    @Test
    void aCommentThatOnlyStartsWithIfOpensNoBlock() throws IOException {
        TestProject.write(project, "db/sql/4_0_0-to-4_1_0_upgrade.sql", """
                ALTER TABLE users ADD pwd_history varchar(255);
                #If the column exists already, the upgrade fails here.
                #IFrame sizes are kept in users too
                UPDATE users SET pwd_history = '';
                """);

        assertEquals("update-without-where@4:INFO", describe(Dialect.MYSQL));
    }

    @Test
    void aTableCreatedInABlockMayHaveHeldRows() throws IOException {
        TestProject.write(project, "db/sql/4_0_0-to-4_1_0_upgrade.sql", """
                #IfNotTable audit_details
                CREATE TABLE audit_details (id bigint NOT NULL, field_value longtext);
                #EndIf
                ALTER TABLE audit_details DROP COLUMN field_value;
                """);

        assertEquals("drop-column@4:ERROR", describe(Dialect.MYSQL));
    }

    private String describe(Dialect dialect) {
        List<Finding> findings = TestProject.lint(project, dialect).findings();
        return findings.stream().map(f -> f.ruleId() + "@" + f.location().line() + ":" + f.severity())
                .collect(Collectors.joining(" / "));
    }
}
