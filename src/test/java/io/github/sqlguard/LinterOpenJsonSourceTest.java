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
 * T-SQL's {@code OPENJSON(@json) WITH (..)} as a row source of an UPDATE or DELETE, as stored procedures join the
 * rows they are handed as JSON: the statement is parsed, its join judged like any other, and no unparsed-statement
 * note is left for the column schema.
 */
class LinterOpenJsonSourceTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER | UPDATE a SET [Type] = j.[Type] FROM [dbo].[auth] a INNER JOIN OPENJSON(@json) WITH (Id INT '$.Id', [Type] SMALLINT '$.Type') j ON a.Id = j.Id | -
            AUTO      | UPDATE a SET [Type] = j.[Type] FROM [dbo].[auth] a INNER JOIN OPENJSON(@json) WITH (Id INT '$.Id', [Type] SMALLINT '$.Type') j ON a.Id = j.Id | -
            SQLSERVER | DELETE a FROM [dbo].[auth] a INNER JOIN OPENJSON(@json) WITH (Id INT '$.Id') j ON 1 = 1 | 1:1 delete-without-where DELETE joined on a condition true for every pair of rows (a cross join) and without WHERE removes every row of [dbo].[auth]
            SQLSERVER | DELETE FROM [dbo].[auth] WHERE Id IN (SELECT Id FROM OPENJSON(@json, '$.ids') WITH (Id INT '$', doc NVARCHAR(MAX) '$.doc' AS JSON)) | -
            SQLSERVER | UPDATE [dbo].[auth] SET p = NULL FROM OPENJSON(@json) WITH (Id INT '$.Id') j | 1:1 update-without-where UPDATE without WHERE changes every row of [dbo].[auth]
            """)
    void openJsonRowsAreReadAsAJoinedSource(Dialect dialect, String sql, String expected) throws IOException {
        List<String> found = ProjectLint.findingsOfScript(project, dialect, sql + "\nGO\n").stream()
                .map(ProjectLint::placeAndMessage).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
