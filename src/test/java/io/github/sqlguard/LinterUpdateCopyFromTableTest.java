package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values an UPDATE copied from one table into the matching rows of another ({@code UPDATE t SET a = s.a FROM s WHERE
 * t.id = s.id}, MySQL's {@code UPDATE t JOIN s ON .. SET t.a = s.a}, {@code SET a = (SELECT ..)}), before the source
 * or its columns are dropped: the drop says where they went and which columns no UPDATE took, and stays an error, as
 * a source row without a match, or what an aggregate leaves out, is lost all the same. A column a subquery names
 * without a qualifier is its own table's when that table has it, though the updated table has one of the name too:
 * SQL looks in the innermost FROM first.
 */
class LinterUpdateCopyFromTableTest {

    @TempDir
    Path project;

    private static final String SCHEMA = """
            CREATE TABLE item (id int PRIMARY KEY, label text);
            CREATE TABLE item_detail (item_id int PRIMARY KEY REFERENCES item (id), note text, total int, extra text);
            """;

    private List<Finding> findings(Dialect dialect, String migration, String rule) throws IOException {
        TestProject.write(project, "db/V1__init.sql", SCHEMA);
        TestProject.write(project, "db/V2__fold.sql", migration);
        return ProjectLint.findings(project, dialect).stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            POSTGRESQL | "UPDATE item AS i SET note = d.note, total = d.total FROM item_detail AS d WHERE i.id = d.item_id;" | values of note, total copied to item at line 3 by an UPDATE, only into the rows of item that match on id; column extra copied by no UPDATE
            MYSQL      | "UPDATE item i JOIN item_detail d ON d.item_id = i.id SET i.note = d.note, i.total = d.total;"         | values of note, total copied to item at line 3 by an UPDATE, only into the rows of item that match on id; column extra copied by no UPDATE
            POSTGRESQL | "UPDATE item SET note = (SELECT d.note FROM item_detail d WHERE d.item_id = item.id), total = (SELECT max(d.total) FROM item_detail d WHERE d.item_id = item.id);" | values of note copied to item at line 3 by an UPDATE, only into the rows of item that match on id; values of total aggregated into item.total at line 3 by an UPDATE, which keeps only what it computes, only into the rows of item that match on id; column extra copied by no UPDATE
            POSTGRESQL | "UPDATE item i SET note = (SELECT note FROM item_detail d WHERE d.item_id = i.id), total = (SELECT total FROM item_detail d WHERE d.item_id = i.id);" | values of note, total copied to item at line 3 by an UPDATE, only into the rows of item that match on id; column extra copied by no UPDATE
            POSTGRESQL | "UPDATE ""item"" AS i SET ""note"" = d.""note"", ""total"" = d.""total"" + 1 FROM ""item_detail"" AS d WHERE i.""id"" = d.""item_id"";" | values of note copied to item at line 3 by an UPDATE, only into the rows of item that match on id; values of total converted into item.total at line 3 by an UPDATE by an expression, which may change them, only into the rows of item that match on id; column extra copied by no UPDATE
            """)
    void theDropOfATableWhoseValuesAnUpdateCopiedSaysWhereTheyWent(Dialect dialect, String update, String note)
            throws IOException {
        List<Finding> drops = findings(dialect, """
                ALTER TABLE item ADD COLUMN note text;
                ALTER TABLE item ADD COLUMN total int;
                %s
                DROP TABLE item_detail;
                """.formatted(update), "drop-table");

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains(note), drops.get(0).message());
    }

    @Test
    void theColumnsACopyOfRowsLeftOutButAnUpdateTookAreNotCalledLost() throws IOException {
        List<Finding> drops = findings(Dialect.POSTGRESQL, """
                ALTER TABLE item ADD COLUMN note text;
                UPDATE item AS i SET note = d.note FROM item_detail AS d WHERE i.id = d.item_id;
                CREATE TABLE item_flag (item_id int PRIMARY KEY);
                INSERT INTO item_flag (item_id) SELECT item_id FROM item_detail;
                DROP TABLE item_detail;
                """, "drop-table");

        assertEquals(1, drops.size(), drops.toString());
        String message = drops.get(0).message();
        assertEquals(Severity.ERROR, drops.get(0).severity(), message);
        assertTrue(message.contains("the copy to item_flag at line 4 leaves out columns total, extra, whose values are"
                + " lost; values of note copied to item at line 2 by an UPDATE, only into the rows of item that match"
                + " on id"), message);
    }

    @Test
    void theDropOfColumnsAnUpdateCopiedNamesThemAndThoseItDidNotCopy() throws IOException {
        List<Finding> drops = findings(Dialect.MYSQL, """
                ALTER TABLE item ADD COLUMN note text;
                UPDATE item JOIN item_detail ON item_detail.item_id = item.id SET item.note = item_detail.note;
                ALTER TABLE item_detail DROP COLUMN note, DROP COLUMN total;
                """, "drop-column");

        assertFalse(drops.isEmpty());
        drops.forEach(drop -> {
            assertEquals(Severity.ERROR, drop.severity(), drop.message());
            assertTrue(drop.message().contains("values of note copied to item at line 2 by an UPDATE, only into the"
                    + " rows of item that match on id; column total copied by no UPDATE"), drop.message());
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "UPDATE item JOIN item_detail d ON d.item_id = item.id JOIN item AS o ON o.id = item.id SET item.note = d.note;" | only into the rows its condition matches
            "UPDATE item, item_detail d SET item.note = d.note WHERE d.item_id = item.id;"                                  | only into the rows of item that match on id
            """)
    void anUpdateOfSeveralTablesStillSaysWhatItCopied(String update, String rows) throws IOException {
        List<Finding> drops = findings(Dialect.MYSQL, """
                ALTER TABLE item ADD COLUMN note text;
                %s
                DROP TABLE item_detail;
                """.formatted(update), "drop-table");

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains("values of note copied to item at line 2 by an UPDATE, " + rows),
                drops.get(0).message());
    }

    @Test
    void aFillOfTheRowsTheCopyGaveNoValueKeepsWhatItCopied() throws IOException {
        List<Finding> drops = findings(Dialect.POSTGRESQL, """
                ALTER TABLE item ADD COLUMN note text;
                UPDATE item SET note = (SELECT d.note FROM item_detail d WHERE d.item_id = item.id);
                UPDATE item SET note = 'none' WHERE note IS NULL;
                DROP TABLE item_detail;
                """, "drop-table");

        assertEquals(1, drops.size(), drops.toString());
        assertTrue(drops.get(0).message().contains("values of note copied to item at line 2 by an UPDATE"),
                drops.get(0).message());
    }

    @Test
    void valuesOverwrittenAfterTheCopyAreNoLongerSaidToHaveGoneThere() throws IOException {
        List<Finding> drops = findings(Dialect.POSTGRESQL, """
                ALTER TABLE item ADD COLUMN note text;
                UPDATE item AS i SET note = d.note FROM item_detail AS d WHERE i.id = d.item_id;
                UPDATE item SET note = NULL;
                DROP TABLE item_detail;
                """, "drop-table");

        assertEquals(1, drops.size(), drops.toString());
        assertFalse(drops.get(0).message().contains("by an UPDATE"), drops.get(0).message());
    }
}
