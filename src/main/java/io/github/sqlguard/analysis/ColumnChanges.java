package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The renames and type changes in the clauses of an {@link AlterTableClauses}, in each dialect's spelling:
 * PostgreSQL {@code RENAME [COLUMN] a TO b} and {@code ALTER [COLUMN] c [SET DATA] TYPE t}, MySQL
 * {@code RENAME [TO|AS] t}, {@code CHANGE [COLUMN] old new type} and {@code MODIFY [COLUMN] c type},
 * Oracle {@code MODIFY (c type, ..)}, T-SQL and H2 {@code ALTER COLUMN c type}.
 */
final class ColumnChanges {

    /**
     * Words after a column name in MODIFY / ALTER COLUMN that change something other than the type (a
     * default, nullability, visibility, ..). Anything else in that place is a type name.
     */
    static final Set<String> NOT_TYPES = Set.of("SET", "DROP", "ADD", "RESET", "RESTART", "OPTIONS",
            "NOT", "NULL", "DEFAULT", "CONSTRAINT", "CHECK", "PRIMARY", "UNIQUE", "REFERENCES", "VISIBLE",
            "INVISIBLE", "ENCRYPT", "DECRYPT", "COLLATE", "RENAME", "GENERATED", "IDENTITY", "AS", "COMMENT",
            "SUBSTITUTABLE", "SELECTIVITY", "AUTO_INCREMENT", "ON", "FIRST", "AFTER", "WITH", "STATISTICS",
            "STORAGE", "COMPRESSION", "SORTKEY", "ENCODE", "MASKED",
            // ClickHouse: MODIFY COLUMN c TTL .., CODEC(..), REMOVE TTL, MODIFY SETTING .. keep the type.
            "TTL", "CODEC", "REMOVE", "MODIFY", "ALIAS", "MATERIALIZED", "EPHEMERAL",
            // Firebird: ALTER [COLUMN] c TO d renames the column, ALTER [COLUMN] c POSITION n moves it.
            "TO", "POSITION");

    /** Words after MODIFY that name something other than a column (Oracle, MySQL, ClickHouse). */
    private static final Set<String> MODIFY_NOT_COLUMN = Set.of("CONSTRAINT", "PARTITION", "SUBPARTITION",
            "DEFAULT", "LOB", "PRIMARY", "UNIQUE", "NESTED", "VARRAY", "OPAQUE", "CLUSTERING", "INDEXING",
            "SUBPARTITIONS", "PARTITIONS", "VERSIONING", "SYSTEM", "FILESTREAM_ON",
            // ClickHouse: MODIFY TTL, ORDER BY, SAMPLE BY, SETTING, QUERY, COMMENT change the table, not a column.
            "TTL", "ORDER", "SAMPLE", "SETTING", "QUERY", "COMMENT");

    /**
     * Words after ALTER that name something other than a column (PostgreSQL, MySQL, Oracle; Redshift's
     * {@code ALTER DISTSTYLE EVEN}, {@code ALTER [COMPOUND] SORTKEY (..)} and {@code ALTER ENCODE AUTO} change how
     * the table is stored).
     */
    private static final String[] ALTER_NOT_COLUMN = {"CONSTRAINT", "INDEX", "CHECK", "PARTITION",
        "SUBPARTITION", "PRIMARY", "UNIQUE", "FOREIGN", "KEY", "DISTSTYLE", "DISTKEY", "SORTKEY", "COMPOUND",
        "INTERLEAVED", "ENCODE"};

    private ColumnChanges() {
    }

    /**
     * One rename or type change.
     *
     * @param name the table or column as written (the old name of a rename)
     * @param newName the new name of a rename; for a PostgreSQL type change whose USING computes new values from the
     *     column ({@code USING round(price, 0)}) rather than only casting it, that expression as written; else null
     * @param at where the change is written: its clause's verb, or the column in an Oracle list
     */
    record Change(String name, String newName, Token at) {
    }

    /**
     * A type change whose {@code USING} expression does not read the column it converts.
     *
     * @param column the column as written
     * @param expression the expression after USING, as written
     * @param at the USING word
     */
    record ReplacedValues(String column, String expression, Token at) {
    }

    /** The new name given by {@code ALTER TABLE t RENAME [TO|AS] new} (MySQL also without TO). */
    static Optional<Change> tableRename(AlterTableClauses alter) {
        for (List<Token> clause : alter.clauses()) {
            if (!clause.get(0).isWord("RENAME") || clause.size() < 2) {
                continue;
            }
            int i = clause.get(1).isAnyWord("TO", "AS") ? 2 : 1;
            ObjectNames.NameAt name = ObjectNames.readName(clause, i);
            // "RENAME a TO b" (PostgreSQL) renames a column; "RENAME INDEX ..", "RENAME KEY .." are not tables.
            boolean table = name != null && name.next() == clause.size()
                    && (i == 2 || !clause.get(1).isAnyWord("COLUMN", "INDEX", "KEY", "CONSTRAINT"));
            if (table) {
                return Optional.of(new Change(alter.table(), name.text(), clause.get(0)));
            }
        }
        return Optional.empty();
    }

    /** The column renames, each as {@code old to new}. */
    static List<Change> columnRenames(AlterTableClauses alter) {
        List<Change> renames = new ArrayList<>();
        for (List<Token> clause : alter.clauses()) {
            Token first = clause.get(0);
            if (first.isWord("RENAME")) {
                int i = columnNameAt(clause);
                ObjectNames.NameAt from = ObjectNames.readName(clause, i);
                // After an explicit COLUMN a keyword is the column's name (SQLite: RENAME COLUMN key TO akey).
                if (from != null && (i > 1 || !clause.get(i).isAnyWord("TO", "AS", "INDEX", "KEY", "CONSTRAINT"))
                        && from.next() + 1 < clause.size() && clause.get(from.next()).isWord("TO")) {
                    renames.add(new Change(from.text(), clause.get(from.next() + 1).text(), first));
                }
            } else if (first.isWord("CHANGE") || first.isWord("MODIFY")
                    && ModifyWithNewName.newNameAt(clause.subList(1, clause.size())) >= 0) {
                int i = columnNameAt(clause);
                ObjectNames.NameAt from = ObjectNames.readName(clause, i);
                ObjectNames.NameAt to = from == null ? null : ObjectNames.readName(clause, from.next());
                if (to != null && !ObjectNames.normalize(from.text()).equals(ObjectNames.normalize(to.text()))) {
                    renames.add(new Change(from.text(), to.text(), first));
                }
            } else if (first.isWord("ALTER")) {
                // H2: ALTER COLUMN a RENAME TO b; Firebird: ALTER [COLUMN] a TO b.
                int i = columnNameAt(clause);
                ObjectNames.NameAt column = ObjectNames.readName(clause, i);
                if (column != null && column.next() + 2 < clause.size()
                        && clause.get(column.next()).isWord("RENAME") && clause.get(column.next() + 1).isWord("TO")) {
                    renames.add(new Change(column.text(), clause.get(column.next() + 2).text(), first));
                } else if (column != null && column.next() + 2 == clause.size()
                        && clause.get(column.next()).isWord("TO")) {
                    renames.add(new Change(column.text(), clause.get(column.next() + 1).text(), first));
                }
            }
        }
        return renames;
    }

    /** The columns whose type the clauses change (MySQL CHANGE names the old column). */
    static List<Change> retypedColumns(AlterTableClauses alter) {
        List<Change> columns = new ArrayList<>();
        for (List<Token> clause : alter.clauses()) {
            Token first = clause.get(0);
            int i = columnNameAt(clause);
            if (first.isWord("ALTER") && clause.size() > 1 && !clause.get(1).isAnyWord(ALTER_NOT_COLUMN)) {
                ObjectNames.NameAt column = ObjectNames.readName(clause, i);
                if (column != null && changesType(clause, column.next())) {
                    columns.add(new Change(column.text(), rewritingUsing(clause, column), first));
                }
            } else if (first.isWord("MODIFY") && clause.size() > 1) {
                if (clause.get(1).isSymbol("(")) {
                    columns.addAll(retypedInParentheses(clause));
                } else if (!clause.get(1).isAnyWord(MODIFY_NOT_COLUMN.toArray(String[]::new))) {
                    ObjectNames.NameAt column = ObjectNames.readName(clause, i);
                    if (column != null && changesType(clause, column.next())) {
                        columns.add(new Change(column.text(), null, first));
                    }
                }
            } else if (first.isWord("CHANGE")) {
                ObjectNames.NameAt from = ObjectNames.readName(clause, i);
                ObjectNames.NameAt to = from == null ? null : ObjectNames.readName(clause, from.next());
                if (to != null && to.next() < clause.size()) {
                    columns.add(new Change(from.text(), null, first));
                }
            }
        }
        return columns;
    }

    /**
     * PostgreSQL: the type changes whose {@code USING} expression names no column of that name
     * ({@code USING NULL}, {@code USING 0}, {@code USING other_column}), so every old value is lost.
     */
    static List<ReplacedValues> replacedValues(AlterTableClauses alter) {
        List<ReplacedValues> replaced = new ArrayList<>();
        for (List<Token> clause : alter.clauses()) {
            if (!clause.get(0).isWord("ALTER") || clause.size() < 2 || clause.get(1).isAnyWord(ALTER_NOT_COLUMN)) {
                continue;
            }
            ObjectNames.NameAt column = ObjectNames.readName(clause, columnNameAt(clause));
            if (column == null || !changesType(clause, column.next())) {
                continue;
            }
            int using = topLevelUsing(clause, column.next());
            if (using < 0 || using + 1 >= clause.size()) {
                continue;
            }
            List<Token> expression = clause.subList(using + 1, clause.size());
            String name = ObjectNames.normalize(ObjectNames.lastPart(column.text()));
            boolean readsColumn = expression.stream().anyMatch(token
                    -> (token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME)
                    && ObjectNames.normalize(token.text()).equals(name));
            if (!readsColumn) {
                replaced.add(new ReplacedValues(column.text(), Token.written(expression), clause.get(using)));
            }
        }
        return replaced;
    }

    /**
     * The USING expression of a type change when it reads the column but is more than the column cast to a type
     * ({@code c}, {@code c::jsonb}, {@code CAST(c AS int)}): then it computes the new values, which the types alone
     * do not show; null otherwise.
     */
    private static String rewritingUsing(List<Token> clause, ObjectNames.NameAt column) {
        int using = topLevelUsing(clause, column.next());
        if (using < 0 || using + 1 >= clause.size()) {
            return null;
        }
        List<Token> expression = clause.subList(using + 1, clause.size());
        String name = ObjectNames.normalize(ObjectNames.lastPart(column.text()));
        if (expression.stream().noneMatch(token -> (token.type() == TokenType.WORD
                || token.type() == TokenType.QUOTED_NAME) && ObjectNames.normalize(token.text()).equals(name))) {
            return null; // replaces the values without reading them: replacedValues
        }
        // USING (c::text::"Role"), as Prisma writes it: parentheses around the whole expression change nothing.
        while (expression.size() > 2 && expression.get(0).isSymbol("(")
                && ObjectNames.skipParentheses(expression, 0) == expression.size()) {
            expression = expression.subList(1, expression.size() - 1);
        }
        if (expression.size() > 5 && expression.get(0).isWord("CAST") && expression.get(1).isSymbol("(")
                && ObjectNames.skipParentheses(expression, 1) == expression.size()) {
            expression = expression.subList(2, expression.size() - 1);
        }
        if (UtcConversion.of(expression, name)) {
            return null; // timestamp to timestamptz read as UTC, or back: one new value for each old one
        }
        ObjectNames.NameAt read = ObjectNames.readName(expression, 0);
        if (read != null && ObjectNames.normalize(ObjectNames.lastPart(read.text())).equals(name)
                && (read.next() == expression.size() || expression.get(read.next()).isSymbol("::")
                        || expression.get(read.next()).isWord("AS"))
                && expression.subList(read.next(), expression.size()).stream().noneMatch(token
                        -> token.type() == TokenType.SYMBOL && !token.isSymbol("::") && !token.isSymbol("(")
                                && !token.isSymbol(")") && !token.isSymbol(",") && !token.isSymbol("[")
                                && !token.isSymbol("]") && !token.isSymbol("."))) {
            // the column cast to a type, maybe through several (c::text::jsonb), maybe schema-qualified
            return null;
        }
        return Token.written(clause.subList(using + 1, clause.size()));
    }

    private static int topLevelUsing(List<Token> clause, int from) {
        int depth = 0;
        for (int i = from; i < clause.size(); i++) {
            Token token = clause.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("USING")) {
                return i;
            }
        }
        return -1;
    }

    /** Oracle: {@code MODIFY (a VARCHAR2(10), b NOT NULL)} changes the type of a only. */
    private static List<Change> retypedInParentheses(List<Token> clause) {
        List<Change> columns = new ArrayList<>();
        int end = ObjectNames.skipParentheses(clause, 1) - 1;
        int elementStart = 2;
        int depth = 0;
        for (int i = 2; i <= end; i++) {
            Token token = clause.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && i < end) {
                depth--;
            } else if (depth == 0 && (i == end || token.isSymbol(","))) {
                List<Token> element = clause.subList(elementStart, i);
                ObjectNames.NameAt column = ObjectNames.readName(element, 0);
                if (column != null && changesType(element, column.next())) {
                    columns.add(new Change(column.text(), null, element.get(0)));
                }
                elementStart = i + 1;
            }
        }
        return columns;
    }

    /** The index of the column name after a clause's verb: past an optional COLUMN and MariaDB's IF EXISTS. */
    private static int columnNameAt(List<Token> clause) {
        int i = clause.size() > 1 && clause.get(1).isWord("COLUMN") ? 2 : 1;
        if (i + 1 < clause.size() && clause.get(i).isWord("IF") && clause.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        return i;
    }

    /** True when the tokens after a column name at {@code i} give it a type. */
    private static boolean changesType(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(i);
        if (next.isWord("TYPE")) {
            return true;
        }
        if (next.isWord("SET")) {
            // SET DATA TYPE, or MySQL's SET('r', 'w') type (not PostgreSQL's SET (n_distinct = 10))
            return i + 2 < tokens.size() && (tokens.get(i + 1).isWord("DATA") && tokens.get(i + 2).isWord("TYPE")
                    || tokens.get(i + 1).isSymbol("(") && tokens.get(i + 2).type() == TokenType.STRING);
        }
        return (next.type() == TokenType.WORD || next.type() == TokenType.QUOTED_NAME)
                && !NOT_TYPES.contains(next.upper());
    }
}
