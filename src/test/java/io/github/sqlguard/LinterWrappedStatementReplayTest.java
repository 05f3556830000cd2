package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A T-SQL IF or BEGIN .. END wraps the statements that follow it in the statement list, and those are replayed in
 * their turn: the type change inside is judged against the type the column had before it, not against the type
 * the change itself gave it.
 */
class LinterWrappedStatementReplayTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER | IF OBJECT_ID('orders') IS NOT NULL ALTER TABLE orders ALTER COLUMN note VARCHAR(20) NOT NULL
            SQLSERVER | IF OBJECT_ID('orders') IS NOT NULL BEGIN ALTER TABLE orders ALTER COLUMN note VARCHAR(20) NOT NULL END
            SQLSERVER | BEGIN ALTER TABLE orders ALTER COLUMN note VARCHAR(20) NOT NULL END
            AUTO      | IF EXISTS (SELECT 1 FROM sys.columns WHERE name = 'note') BEGIN ALTER TABLE orders ALTER COLUMN note VARCHAR(20) NOT NULL END
            AUTO      | IF EXISTS (SELECT 1 FROM syscolumns WHERE cname = 'note') THEN ALTER TABLE orders ALTER note VARCHAR(20) NOT NULL; END IF;
            """)
    void aNarrowingInsideTheWrapperIsReportedWithItsOldType(Dialect dialect, String change) throws IOException {
        List<Finding> findings = retypes(dialect, change);

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("from VARCHAR(200) to VARCHAR(20)"), findings.get(0).message());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER | IF OBJECT_ID('orders') IS NOT NULL ALTER TABLE orders ALTER COLUMN note VARCHAR(400) NOT NULL
            SQLSERVER | BEGIN ALTER TABLE orders ALTER COLUMN note VARCHAR(200) NOT NULL END
            """)
    void aWideningOrRestatedTypeInsideTheWrapperStaysUnreported(Dialect dialect, String change) throws IOException {
        assertEquals(List.of(), retypes(dialect, change));
    }

    private List<Finding> retypes(Dialect dialect, String change) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE orders (id INT NOT NULL, note VARCHAR(200))\nGO\n");
        TestProject.write(project, "db/V2__change.sql", change.replace(" BEGIN ", "\nBEGIN\n  ")
                .replace(" END", "\nEND") + "\nGO\n");
        return ProjectLint.findings(project, dialect).stream()
                .filter(finding -> finding.ruleId().equals("alter-column-type")).toList();
    }
}
