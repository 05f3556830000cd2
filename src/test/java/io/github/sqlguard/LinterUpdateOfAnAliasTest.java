package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQL Server updates a joined table by the alias its FROM list gives it: {@code UPDATE a SET a.c = .. FROM document
 * a JOIN ..} writes {@code document.c}. A copy of a column into {@code c} made before no longer keeps its values once
 * such an UPDATE overwrote some of them, so the drop of the copied column loses them.
 */
class LinterUpdateOfAnAliasTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "UPDATE a SET a.summary = b.data FROM document a JOIN document_data b ON a.id = b.document_id;" | ERROR
            "UPDATE a SET summary = b.data FROM document a, document_data b WHERE a.id = b.document_id;"   | ERROR
            "UPDATE a SET a.summary = 'none' FROM document AS a WHERE a.title IS NULL;"                      | ERROR
            "UPDATE a SET a.data = 'none' FROM document_data a WHERE a.id = 'x';"                            | INFO
            ""                                                                                              | INFO
            """)
    void theDropOfAColumnCopiedIntoOneAnUpdateByAliasOverwrote(String update, Severity expected)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE document (id int PRIMARY KEY, title varchar(80), abstract text);
                CREATE TABLE document_data (id varchar(40) PRIMARY KEY, data text, document_id int);
                """);
        TestProject.write(project, "db/V2__summary.sql", """
                ALTER TABLE document ADD summary text;
                UPDATE document SET summary = abstract;
                %s
                ALTER TABLE document DROP COLUMN abstract;
                """.formatted(update));

        List<Finding> drops = ProjectLint.findings(project, Dialect.SQLSERVER).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
    }
}
