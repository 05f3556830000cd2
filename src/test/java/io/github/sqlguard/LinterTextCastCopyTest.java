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
 * Scripts that change a key's type to text copy it into a new column through a cast, drop it and give the copy its
 * name: a cast to text of unlimited length (also Oracle's TO_CLOB) keeps every value, so the drop loses nothing; a
 * cast with a length, or to another type, may. Each line: the script (one statement a line) and its findings as
 * {@code line:column rule SEVERITY guard}.
 */
class LinterTextCastCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE notes ADD COLUMN ref_text TEXT; UPDATE notes SET ref_text = ref::TEXT; ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_text was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of ref copied to ref_text at line 2
            POSTGRESQL | ALTER TABLE notes ADD COLUMN ref_text TEXT; UPDATE notes SET ref_text = CAST(notes.ref AS text); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_text was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of ref copied to ref_text at line 2
            POSTGRESQL | ALTER TABLE notes ADD COLUMN ref_text varchar; UPDATE notes SET ref_text = ref::character varying; ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_text was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of ref copied to ref_text at line 2
            SQLSERVER  | ALTER TABLE notes ADD ref_text NVARCHAR(MAX); UPDATE notes SET ref_text = CAST(ref AS NVARCHAR(MAX)); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_text was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of ref copied to ref_text at line 2
            AUTO       | ALTER TABLE notes ADD COLUMN ref_clob CLOB; UPDATE notes SET ref_clob = CAST(ref AS CLOB); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_clob was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of ref copied to ref_clob at line 2
            ORACLE     | ALTER TABLE notes ADD ref_clob NCLOB; UPDATE notes SET ref_clob = CAST(ref AS NCLOB); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_clob was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of ref copied to ref_clob at line 2
            ORACLE     | ALTER TABLE notes ADD (ref_clob CLOB); UPDATE notes SET ref_clob = TO_CLOB(ref); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_clob was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of ref copied to ref_clob at line 2
            ORACLE     | ALTER TABLE notes ADD ref_clob NCLOB; UPDATE notes SET ref_clob = to_nclob(notes.ref); ALTER TABLE notes DROP (ref); | 2:1 update-without-where INFO column ref_clob was added earlier in this script and nothing has written it since, 3:19 drop-column INFO values of ref copied to ref_clob at line 2
            ORACLE     | ALTER TABLE notes ADD (ref_clob CLOB); UPDATE notes SET ref_clob = TO_CLOB(ref, 873, 'text/plain'); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_clob was added earlier in this script and nothing has written it since, 3:19 drop-column ERROR
            ORACLE     | ALTER TABLE notes ADD (ref_clob CLOB); UPDATE notes SET ref_clob = TO_CLOB(lower(ref)); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_clob was added earlier in this script and nothing has written it since, 3:19 drop-column ERROR
            AUTO       | ALTER TABLE notes ADD COLUMN ref_clob CLOB(64); UPDATE notes SET ref_clob = CAST(ref AS CLOB(64)); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_clob was added earlier in this script and nothing has written it since, 3:19 drop-column ERROR
            POSTGRESQL | ALTER TABLE notes ADD COLUMN ref_text TEXT; UPDATE notes SET ref_text = ref::varchar(8); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_text was added earlier in this script and nothing has written it since, 3:19 drop-column ERROR
            POSTGRESQL | ALTER TABLE notes ADD COLUMN ref_num INT; UPDATE notes SET ref_num = ref::int; ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_num was added earlier in this script and nothing has written it since, 3:19 drop-column ERROR
            POSTGRESQL | ALTER TABLE notes ADD COLUMN ref_text TEXT; UPDATE notes SET ref_text = CAST(ref AS varchar(8)); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_text was added earlier in this script and nothing has written it since, 3:19 drop-column ERROR
            SQLSERVER  | ALTER TABLE notes ADD ref_text VARCHAR(MAX); UPDATE notes SET ref_text = CAST(ref AS VARCHAR); ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_text was added earlier in this script and nothing has written it since, 3:19 drop-column ERROR
            POSTGRESQL | ALTER TABLE notes ADD COLUMN ref_text TEXT; UPDATE notes SET ref_text = lower(ref)::text; ALTER TABLE notes DROP COLUMN ref; | 2:1 update-without-where INFO column ref_text was added earlier in this script and nothing has written it since, 3:19 drop-column ERROR
            """)
    void dropAfterCopyThroughATextCastLosesNothing(Dialect dialect, String sql, String expected) throws IOException {
        List<String> findings = ProjectLint.placesAndGuardsOfOneScript(project, dialect, sql);

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }
}
