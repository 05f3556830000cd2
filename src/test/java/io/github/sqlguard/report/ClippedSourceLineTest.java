package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClippedSourceLineTest {

    @Test
    void aShortLineIsShownWholeWithTheCaretUnderTheColumn() {
        ClippedSourceLine shown = ClippedSourceLine.of("INSERT INTO t VALUES (1); DELETE FROM t;", 27);

        assertEquals("INSERT INTO t VALUES (1); DELETE FROM t;", shown.text());
        assertEquals(" ".repeat(26) + "^", shown.caret());
    }

    @Test
    void chineseTextBeforeTheClauseTakesTwoCellsPerCharacter() {
        String line = "INSERT INTO dict VALUES ('职务，级别'); DELETE FROM dict;";
        int column = line.indexOf("DELETE") + 1;

        ClippedSourceLine shown = ClippedSourceLine.of(line, column);

        // 26 narrow characters, five wide ones (the fullwidth comma too), then "'); " before DELETE.
        assertEquals(" ".repeat(26 + 2 * 5 + 4) + "^", shown.caret());
    }

    @Test
    void anEmojiCountsTwoUnitsAndTwoCellsAndACombiningMarkNone() {
        String line = "UPDATE t SET a = '😀e\u0301' ; DELETE FROM t;";
        int column = line.indexOf("DELETE") + 1; // UTF-16 units: the emoji is two of them

        ClippedSourceLine shown = ClippedSourceLine.of(line, column);

        assertEquals(" ".repeat(line.indexOf("DELETE") - 1) + "^", shown.caret());
    }

    @Test
    void aTabStaysATab() {
        assertEquals("\t\t  ^", ClippedSourceLine.of("\t\t  DROP TABLE t;", 5).caret());
    }

    @Test
    void aLongLineIsCutAroundTheColumnAndTheCaretStaysUnderTheClause() {
        String line = "INSERT INTO t VALUES ('" + "x".repeat(5000) + "'); DELETE FROM t; INSERT INTO t VALUES ('"
                + "y".repeat(3000) + "');";
        int column = line.indexOf("DELETE") + 1;

        ClippedSourceLine shown = ClippedSourceLine.of(line, column);

        assertTrue(shown.text().startsWith("...xxx"), shown.text());
        assertTrue(shown.text().endsWith("yyy..."), shown.text());
        assertEquals(ClippedSourceLine.MAX_SHOWN + 2 * ClippedSourceLine.CUT.length(), shown.text().length());
        int caretAt = shown.caret().indexOf('^');
        assertEquals("DELETE FROM t;", shown.text().substring(caretAt, caretAt + 14));
    }

    @Test
    void aLongLineIsCutOnlyOnTheSideWhereItContinues() {
        String line = "DROP TABLE t; " + "-".repeat(300);

        ClippedSourceLine atStart = ClippedSourceLine.of(line, 1);
        ClippedSourceLine atEnd = ClippedSourceLine.of(line, line.length());

        assertEquals("DROP TABLE t; " + "-".repeat(ClippedSourceLine.MAX_SHOWN - 14) + "...", atStart.text());
        assertEquals("^", atStart.caret());
        assertEquals("..." + "-".repeat(ClippedSourceLine.BEFORE_COLUMN + 1), atEnd.text());
        assertEquals(" ".repeat(3 + ClippedSourceLine.BEFORE_COLUMN) + "^", atEnd.caret());
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        String line = "😀".repeat(200) + " DELETE FROM t;";
        int column = line.indexOf("DELETE") + 1;

        ClippedSourceLine shown = ClippedSourceLine.of(line, column);

        String inner = shown.text().substring(ClippedSourceLine.CUT.length());
        assertTrue(Character.isHighSurrogate(inner.charAt(0)), inner);
        // After the dots, 30 emoji (60 units) kept before the column, each two cells wide, and the space.
        assertEquals(" ".repeat(3 + 60 + 1) + "^", shown.caret());
    }

    @Test
    void aColumnPastTheEndOfTheLineIsPaddedOnePerUnit() {
        assertEquals("     ^", ClippedSourceLine.of("ab", 6).caret());
    }
}
