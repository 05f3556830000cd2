package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The MySQL and MariaDB ALTER TABLE forms that remove or overwrite rows without a DROP or TRUNCATE:
 * {@code ALTER IGNORE TABLE .. ADD UNIQUE} (the duplicates are deleted), {@code DROP SYSTEM VERSIONING} (the
 * history is deleted), {@code DISCARD TABLESPACE} and {@code ENGINE = BLACKHOLE} (every row goes), and
 * {@code CONVERT TO CHARACTER SET} a set that lacks characters (they are overwritten), and {@code ENGINE = MEMORY}
 * (every row is lost on the next restart).
 */
public final class MySqlRowLosingClauses {

    /**
     * One such clause.
     *
     * @param kind what it destroys
     * @param at where it is written
     * @param words the statement's words for messages
     * @param name the unique key, the table or partitions, or the character set, as written
     * @param detail the clause for messages ({@code DISCARD TABLESPACE}), or null
     */
    record Found(ClauseKind kind, Token at, String words, String name, String detail) {
    }

    /** Character sets that hold every Unicode character, so converting to them loses none. */
    private static final Set<String> FULL_UNICODE = Set.of("UTF8MB4", "UTF16", "UTF16LE", "UTF32");

    /** True when MySQL's character set {@code name} (any case, quoted or not) holds every Unicode character. */
    public static boolean holdsEveryCharacter(String name) {
        return FULL_UNICODE.contains(unquoted(name));
    }

    /**
     * MySQL's character sets of one byte a character. Each holds only characters of Unicode's first 65,536, which
     * MySQL's three-byte {@code utf8} (utf8mb3) and {@code ucs2} hold too.
     */
    private static final Set<String> SINGLE_BYTE = Set.of("ASCII", "LATIN1", "LATIN2", "LATIN5", "LATIN7", "CP1250",
            "CP1251", "CP1256", "CP1257", "CP850", "CP852", "CP866", "DEC8", "GREEK", "HEBREW", "HP8", "KEYBCS2",
            "KOI8R", "KOI8U", "MACCE", "MACROMAN", "ARMSCII8", "GEOSTD8", "TIS620", "SWE7");

    /** Character sets that hold every character of Unicode's first 65,536 (its Basic Multilingual Plane). */
    private static final Set<String> BASIC_PLANE = Set.of("UTF8", "UTF8MB3", "UCS2");

    /**
     * True when MySQL's character set {@code target} holds every character that {@code source} can hold, so a column
     * converted from one to the other keeps every value: {@code ascii} to {@code utf8}, {@code latin1} to
     * {@code utf8mb3}. Every character set but {@code swe7}, which puts Swedish letters in the places of {@code [ \ ]
     * { | }}, holds the whole of {@code ascii}.
     */
    public static boolean holdsEveryCharacterOf(String target, String source) {
        String to = unquoted(target);
        String from = unquoted(source);
        return holdsEveryCharacter(to) || from.equals("ASCII") && !to.equals("SWE7")
                || BASIC_PLANE.contains(to) && SINGLE_BYTE.contains(from);
    }

    private final AlterTableClauses alter;
    private final String words;
    private final List<Found> found = new ArrayList<>();

    private MySqlRowLosingClauses(AlterTableClauses alter) {
        this.alter = alter;
        this.words = "ALTER TABLE " + alter.table();
    }

    /** The clauses of {@code alter} that lose rows or values this way, in written order of their kinds. */
    static List<Found> of(AlterTableClauses alter) {
        MySqlRowLosingClauses reader = new MySqlRowLosingClauses(alter);
        reader.deletedDuplicates();
        reader.droppedHistory();
        reader.convertedCharacterSet();
        reader.discardedRows();
        return reader.found;
    }

    /** MariaDB (and MySQL before 5.7) keeps the first row of each duplicate key and deletes the others. */
    private void deletedDuplicates() {
        if (alter.ignore() == null) {
            return;
        }
        for (List<Token> clause : alter.clauses()) {
            String key = clause.get(0).isWord("ADD") ? addedUniqueKey(clause) : null;
            if (key != null) {
                found.add(new Found(ClauseKind.DELETED_DUPLICATE_ROWS, alter.ignore(),
                        "ALTER IGNORE TABLE " + alter.table(), key, null));
            }
        }
    }

    /**
     * The unique key an ADD clause adds, by name ({@code PRIMARY KEY} for the primary key, {@code ?} for an unnamed
     * one), or null: {@code ADD UNIQUE [INDEX | KEY] [name] (..)}, {@code ADD [CONSTRAINT [name]] UNIQUE ..} and
     * {@code ADD [CONSTRAINT [name]] PRIMARY KEY (..)}.
     */
    private static String addedUniqueKey(List<Token> clause) {
        int i = 1;
        String constraintName = null;
        if (i < clause.size() && clause.get(i).isWord("CONSTRAINT")) {
            i++;
            if (i < clause.size() && !clause.get(i).isAnyWord("UNIQUE", "PRIMARY")) {
                ObjectNames.NameAt name = ObjectNames.readName(clause, i);
                if (name != null) {
                    constraintName = name.text();
                    i = name.next();
                }
            }
        }
        if (i + 1 < clause.size() && clause.get(i).isWord("PRIMARY") && clause.get(i + 1).isWord("KEY")) {
            return constraintName == null ? "PRIMARY KEY" : constraintName;
        }
        if (i < clause.size() && clause.get(i).isWord("UNIQUE")) {
            return constraintName == null ? uniqueIndexName(clause, i + 1) : constraintName;
        }
        return null;
    }

    /** The name after {@code UNIQUE [INDEX | KEY] [IF NOT EXISTS]}, or {@code ?} when the column list follows. */
    private static String uniqueIndexName(List<Token> clause, int i) {
        if (i < clause.size() && clause.get(i).isAnyWord("INDEX", "KEY")) {
            i++;
        }
        if (i + 2 < clause.size() && clause.get(i).isWord("IF") && clause.get(i + 1).isWord("NOT")
                && clause.get(i + 2).isWord("EXISTS")) {
            i += 3;
        }
        if (i >= clause.size() || clause.get(i).isSymbol("(") || clause.get(i).isAnyWord("USING")) {
            return "?";
        }
        ObjectNames.NameAt name = ObjectNames.readName(clause, i);
        return name == null ? "?" : name.text();
    }

    /** MariaDB: DROP SYSTEM VERSIONING deletes every historical row version with the period columns. */
    private void droppedHistory() {
        for (List<Token> clause : alter.clauses()) {
            if (clause.size() >= 3 && clause.get(0).isWord("DROP") && clause.get(1).isWord("SYSTEM")
                    && clause.get(2).isWord("VERSIONING")) {
                found.add(new Found(ClauseKind.DELETED_HISTORY, clause.get(0), words + " DROP SYSTEM VERSIONING",
                        alter.table(), null));
                return;
            }
        }
    }

    /**
     * {@code CONVERT TO {CHARACTER SET | CHARSET} cs} when {@code cs} cannot hold every Unicode character: latin1,
     * ascii, and the three-byte utf8/utf8mb3, which has no emoji. {@code DEFAULT} (the database's character set,
     * unknown here) counts as such.
     */
    private void convertedCharacterSet() {
        for (List<Token> clause : alter.clauses()) {
            if (clause.size() < 4 || !clause.get(0).isWord("CONVERT") || !clause.get(1).isWord("TO")) {
                continue;
            }
            int at = clause.get(2).isWord("CHARSET") ? 3
                    : clause.get(2).isWord("CHARACTER") && clause.get(3).isWord("SET") ? 4 : -1;
            if (at < 0 || at >= clause.size()) {
                continue;
            }
            String characterSet = clause.get(at).text();
            if (!holdsEveryCharacter(characterSet)) {
                found.add(new Found(ClauseKind.CONVERTED_CHARACTER_SET, clause.get(0), words, characterSet, null));
                return;
            }
        }
    }

    /**
     * {@code DISCARD [PARTITION p, q | ALL] TABLESPACE} (InnoDB deletes the file holding the rows; IMPORT TABLESPACE
     * brings back only a file copied beforehand) and {@code ENGINE = BLACKHOLE} (the engine keeps no row). A
     * partition list is split at its commas like the clauses, so it is joined up to its TABLESPACE.
     */
    private void discardedRows() {
        List<List<Token>> clauses = alter.clauses();
        for (int c = 0; c < clauses.size(); c++) {
            List<Token> clause = clauses.get(c);
            if (clause.get(0).isWord("DISCARD")) {
                List<Token> whole = new ArrayList<>(clause);
                while (!whole.get(whole.size() - 1).isWord("TABLESPACE") && c + 1 < clauses.size()) {
                    whole.add(null);
                    whole.addAll(clauses.get(++c));
                }
                if (whole.get(whole.size() - 1).isWord("TABLESPACE")) {
                    boolean partitions = whole.size() > 3 && whole.get(1).isWord("PARTITION");
                    String what = partitions ? discardedPartitions(whole.subList(2, whole.size() - 1))
                            : "table " + alter.table();
                    found.add(new Found(ClauseKind.DISCARDED_ROWS, clause.get(0), words, what,
                            partitions ? "DISCARD PARTITION .. TABLESPACE" : "DISCARD TABLESPACE"));
                }
                continue;
            }
            for (int i = 0; i < clause.size(); i++) {
                int value = i + 1 < clause.size() && clause.get(i + 1).isSymbol("=") ? i + 2 : i + 1;
                if (clause.get(i).isWord("ENGINE") && value < clause.size()
                        && unquoted(clause.get(value).text()).equals("BLACKHOLE")) {
                    found.add(new Found(ClauseKind.DISCARDED_ROWS, clause.get(i), words, "table " + alter.table(),
                            "ENGINE = BLACKHOLE"));
                }
                // MEMORY (HEAP) keeps the rows only in memory: a server restart empties the table.
                if (clause.get(i).isWord("ENGINE") && value < clause.size()
                        && Set.of("MEMORY", "HEAP").contains(unquoted(clause.get(value).text()))) {
                    found.add(new Found(ClauseKind.UNLOGGED_TABLE, clause.get(i), words, alter.table(),
                            "ENGINE = " + unquoted(clause.get(value).text())));
                }
            }
        }
    }

    private static String unquoted(String word) {
        return word.replace("`", "").replace("'", "").replace("\"", "").toUpperCase(Locale.ROOT);
    }

    /** The tokens as text, a null standing for the comma the clauses were split at. */
    /** The partitions {@code DISCARD PARTITION p, q TABLESPACE} names, for messages, with their table. */
    private String discardedPartitions(List<Token> names) {
        if (names.size() == 1 && names.get(0).isWord("ALL")) {
            return "every partition of table " + alter.table();
        }
        return (names.contains(null) ? "partitions " : "partition ") + text(names) + " of table " + alter.table();
    }

    private static String text(List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        for (Token token : tokens) {
            if (token == null) {
                text.append(',');
                continue;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(token.text());
        }
        return text.toString();
    }
}
