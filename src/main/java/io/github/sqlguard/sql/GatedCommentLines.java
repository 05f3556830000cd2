package io.github.sqlguard.sql;

import java.util.Locale;

/**
 * Some applications' SQL runners ({@code run_sql}, which runs their upgrade scripts and the scripts of their modules)
 * cut {@code -- VMYSQL4.1 } off the start of a line on MySQL and MariaDB of that version or later, and
 * {@code -- VPGSQL8.2 } on PostgreSQL, and run the rest of the line as SQL: {@code -- VMYSQL4.1 ALTER TABLE t DROP
 * COLUMN c;} drops the column. The gate may also name a collation ({@code -- VMYSQLUTF8UNICODECI}), which some
 * installations have. Only a line starting with the two dashes, one blank and the V is cut; {@code --VMYSQL4.1} and
 * {@code -- VMYSQL} after other text stay comments, as they do for those runners.
 */
final class GatedCommentLines {

    private GatedCommentLines() {
    }

    /**
     * The length of the gate at {@code pos} (the dashes, the blank, the gate word and the blanks after it) when the
     * line starting there runs on a database {@code forms} reads, or 0.
     */
    static int prefixLength(String text, int pos, int end, LexerDialect forms) {
        boolean lineStart = pos == 0 || LexicalShapes.isLineBreak(text.charAt(pos - 1))
                || text.charAt(pos - 1) == '\uFEFF' && pos == 1;
        if (!lineStart || pos + 4 >= end || !text.startsWith("--", pos) || !isBlank(text.charAt(pos + 2))
                || Character.toUpperCase(text.charAt(pos + 3)) != 'V') {
            return 0;
        }
        int wordEnd = pos + 4;
        while (wordEnd < end && !Character.isWhitespace(text.charAt(wordEnd))) {
            wordEnd++;
        }
        String gate = text.substring(pos + 4, wordEnd).toUpperCase(Locale.ROOT);
        String database = gate.startsWith("MYSQL") || gate.startsWith("PGSQL") ? gate.substring(0, 5) : "";
        if (database.isEmpty() || !forms.runsGatedLinesOf(database)) {
            return 0;
        }
        return LexicalShapes.skipBlanks(text, wordEnd, end) - pos;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
