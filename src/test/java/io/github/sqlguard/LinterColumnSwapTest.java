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
 * Scripts that change a column's type where ALTER cannot (Oracle VARCHAR2 to CLOB) copy it to a new column, rename
 * it out of the way and give its name to the copy: code that uses the name finds every value it found before, so
 * the first rename breaks nothing. Each line: the script (one statement a line) and its findings as
 * {@code line:column rule SEVERITY guard}.
 */
class LinterColumnSwapTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ORACLE     | alter table page add layout_large clob; update page set layout_large = layout; alter table page rename column layout to layout_old; alter table page rename column layout_large to layout; alter table page modify layout_old invisible; | 2:1 update-without-where INFO column layout_large was added earlier in this script and nothing has written it since, 3:18 rename-column INFO column layout is taken at line 4 by layout_large, which holds every value copied at line 2, 4:18 rename-column INFO column layout_large was added earlier in this script
            POSTGRESQL | ALTER TABLE page ADD COLUMN layout_large text; ALTER TABLE page RENAME COLUMN layout TO layout_old; UPDATE page SET layout_large = layout_old; ALTER TABLE page RENAME COLUMN layout_large TO layout; | 2:18 rename-column INFO column layout is taken at line 4 by layout_large, which holds every value copied at line 3, 3:1 update-without-where INFO column layout_large was added earlier in this script and nothing has written it since, 4:18 rename-column INFO column layout_large was added earlier in this script
            MYSQL      | alter table note add body_large mediumtext; update note set body_large = body; alter table note change body body_old mediumtext; alter table note change body_large body mediumtext; | 2:1 update-without-where INFO column body_large was added earlier in this script and nothing has written it since, 3:18 alter-column-type WARNING, 3:18 rename-column INFO column body is taken at line 4 by body_large, which holds every value copied at line 2, 4:18 rename-column INFO column body_large was added earlier in this script
            ORACLE     | alter table page add layout_large clob; update page set layout_large = layout where id > 9; alter table page rename column layout to layout_old; alter table page rename column layout_large to layout; | 3:18 rename-column WARNING, 4:18 rename-column INFO column layout_large was added earlier in this script
            ORACLE     | alter table page add layout_large clob; update page set layout_large = layout; update page set layout = 'x' where id = 1; alter table page rename column layout to layout_old; alter table page rename column layout_large to layout; | 2:1 update-without-where INFO column layout_large was added earlier in this script and nothing has written it since, 4:18 rename-column WARNING, 5:18 rename-column INFO column layout_large was added earlier in this script
            ORACLE     | alter table page add layout_large clob; update page set layout_large = layout; alter table page rename column layout to layout_old; insert into page (id, layout_old) values (1, 'x'); alter table page rename column layout_large to layout; | 2:1 update-without-where INFO column layout_large was added earlier in this script and nothing has written it since, 3:18 rename-column WARNING, 5:18 rename-column INFO column layout_large was added earlier in this script
            ORACLE     | alter table page add layout_large clob; update page set layout_large = layout; alter table page rename column layout to layout_old; alter table page rename column body to layout; | 2:1 update-without-where INFO column layout_large was added earlier in this script and nothing has written it since, 3:18 rename-column WARNING, 4:18 rename-column WARNING
            ORACLE     | alter table page add layout_large clob; update page set layout_large = layout; alter table page rename column layout to layout_old; alter table note rename column layout_large to layout; | 2:1 update-without-where INFO column layout_large was added earlier in this script and nothing has written it since, 3:18 rename-column WARNING, 4:18 rename-column WARNING
            """)
    void renameThatGivesTheNameToAFullCopyBreaksNothing(Dialect dialect, String sql, String expected)
            throws IOException {
        List<String> findings = ProjectLint.placesAndGuardsOfOneScript(project, dialect, sql);

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }
}
