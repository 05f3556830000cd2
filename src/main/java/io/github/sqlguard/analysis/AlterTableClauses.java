package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code ALTER TABLE} statement read from its tokens: the table and its comma-separated clauses
 * ({@code ALTER TABLE t DROP COLUMN a, ADD b int} has two). Knows which columns and partitions the clauses
 * drop or truncate in every dialect's spelling.
 *
 * @param table the altered table as written
 * @param clauses the tokens of each clause, split at commas outside parentheses
 * @param ignore the {@code IGNORE} word of MySQL's and MariaDB's {@code ALTER IGNORE TABLE}, or null without one
 */
record AlterTableClauses(String table, List<List<Token>> clauses, Token ignore) {

    /** What a DROP (or TRUNCATE) clause removes. */
    /**
     * What a clause removes. {@code BARE_NAME} is T-SQL's {@code DROP name}, with neither COLUMN nor CONSTRAINT:
     * SQL Server drops the constraint of that name, Sybase ASE (whose scripts are read as T-SQL) the column.
     */
    enum Kind { COLUMN, PARTITION, SUBPARTITION, OTHER, BARE_NAME }

    /**
     * One object a clause removes.
     *
     * @param kind what it is
     * @param name its name as written, e.g. {@code email} or {@code p2019}
     * @param at where the removal is written: the clause's verb, or the name itself in a list
     * @param cascade the clause's {@code CASCADE} word, or null without one
     */
    record Removed(Kind kind, String name, Token at, Token cascade) {

        /** The clause's verb as a message says it: {@code DROP COLUMN}, {@code DROP PARTITION}, .. or {@code DROP}. */
        String verb() {
            return switch (kind) {
                case COLUMN -> "DROP COLUMN";
                case PARTITION -> "DROP PARTITION";
                case SUBPARTITION -> "DROP SUBPARTITION";
                case OTHER, BARE_NAME -> "DROP";
            };
        }

        /** True for a partition or an Oracle subpartition. */
        boolean isPartition() {
            return kind == Kind.PARTITION || kind == Kind.SUBPARTITION;
        }

        /** For a partition clause, the detail a message reads: null, or {@code SUBPARTITION} for Oracle's. */
        String partitionDetail() {
            return kind == Kind.SUBPARTITION ? "SUBPARTITION" : null;
        }
    }

    /** Words after DROP that name something other than a column. */
    private static final Set<String> NOT_COLUMNS = Set.of("CONSTRAINT", "INDEX", "KEY", "PRIMARY", "FOREIGN",
            "UNIQUE", "CHECK", "DEFAULT", "PERIOD", "SYSTEM", "UNUSED", "COLUMNS", "STORAGE", "SUPPLEMENTAL",
            "IDENTITY", "EXPRESSION", "NOT", "FULLTEXT", "SPATIAL", "TRIGGER", "ROW", "CLUSTERING", "PROJECTION",
            "MASKING", "SEARCH", "FEATURE", "NULL", "MASKED", "ROWGUIDCOL", "PERSISTED", "FILESTREAM",
            "CONSTRAINTS", "ALL");

    /** Words that may end a continued T-SQL or MySQL list item ({@code DROP PARTITION p1, p2 UPDATE INDEXES}). */
    private static final Set<String> ITEM_OPTIONS = Set.of("WITH", "CASCADE", "RESTRICT", "UPDATE",
            "INVALIDATE", "DROP", "REUSE", "PARALLEL", "NOPARALLEL", "ONLINE");

    /** Words that start an ALTER TABLE clause, where a name of unknown form ends. */
    private static final String[] CLAUSE_VERBS = {"ADD", "DROP", "ALTER", "RENAME", "TRUNCATE", "MODIFY", "CHANGE",
        "SET", "OWNER", "ATTACH", "DETACH", "ENABLE", "DISABLE", "VALIDATE", "INHERIT", "NO", "CLUSTER", "REPLICA",
        "FORCE", "RESET", "OF", "NOT", "EXCHANGE", "COALESCE", "REORGANIZE", "SPLIT", "MERGE", "MOVE", "ENGINE",
        "CONVERT", "COMMENT", "SWITCH", "REBUILD", "NOCHECK", "WITH", "ON", "UPDATE", "DELETE"};

    AlterTableClauses {
        clauses = List.copyOf(clauses);
    }

    /** The ALTER TABLE statement in {@code core} (tokens from {@link StatementCore}), if it is one. */
    static Optional<AlterTableClauses> of(List<Token> core) {
        return atTable(core).flatMap(i -> {
            ObjectNames.NameAt table = readTable(core, i);
            int next = table.next() < core.size() && core.get(table.next()).isSymbol("*") ? table.next() + 1
                    : table.next();
            // ClickHouse: ALTER TABLE t ON CLUSTER c DROP COLUMN x runs the clauses on every node of c.
            if (next + 2 < core.size() && core.get(next).isWord("ON") && core.get(next + 1).isWord("CLUSTER")) {
                ObjectNames.NameAt cluster = ObjectNames.readName(core, next + 2);
                // The cluster may be a macro in quotes: ON CLUSTER '{cluster}'.
                next = cluster != null ? cluster.next()
                        : core.get(next + 2).type() == TokenType.STRING ? next + 3 : next + 2;
            }
            next = ObjectNames.afterLockWait(core, next);
            return Optional.of(new AlterTableClauses(table.text(),
                    UnlistedClauses.of(core, next, core.size()), ignoreWord(core, i)));
        });
    }

    /** The IGNORE among the words between ALTER and TABLE (which end just before {@code tableAt}). */
    private static Token ignoreWord(List<Token> core, int tableAt) {
        for (int i = 1; i < tableAt && !core.get(i).isWord("TABLE"); i++) {
            if (core.get(i).isWord("IGNORE")) {
                return core.get(i);
            }
        }
        return null;
    }

    /** The index of the altered table's name in an ALTER TABLE statement, if {@code core} is one. */
    static Optional<Integer> atTable(List<Token> core) {
        if (core.isEmpty() || !core.get(0).isWord("ALTER")) {
            return Optional.empty();
        }
        int i = 1;
        // MySQL: ALTER [ONLINE | OFFLINE] [IGNORE] TABLE.
        while (i < core.size() && core.get(i).isAnyWord("ONLINE", "OFFLINE", "IGNORE")) {
            i++;
        }
        if (i >= core.size() || !core.get(i).isWord("TABLE")) {
            return Optional.empty();
        }
        i++;
        if (i + 1 < core.size() && core.get(i).isWord("IF") && core.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        if (i + 1 < core.size() && core.get(i).isWord("ONLY")) {
            i++;
        }
        return readTable(core, i) == null ? Optional.empty() : Optional.of(i);
    }

    /**
     * The altered table's name at {@code i}. A name in a form no name reader knows (a template engine's or a
     * client's variable, {@code <<schema>>.users}) is everything up to the first clause, so that the clauses are
     * still judged instead of the whole statement passing unread; null when no clause follows.
     */
    private static ObjectNames.NameAt readTable(List<Token> core, int i) {
        ObjectNames.NameAt name = ObjectNames.readName(core, i);
        if (name != null) {
            return name;
        }
        StringBuilder written = new StringBuilder();
        for (int j = i; j < core.size(); j++) {
            Token token = core.get(j);
            if (j > i && token.type() == TokenType.WORD && token.isAnyWord(CLAUSE_VERBS)
                    && !core.get(j - 1).isSymbol(".")) {
                return new ObjectNames.NameAt(written.toString(), j);
            }
            if (j > i && token.offset() > core.get(j - 1).endOffset()) {
                written.append(' ');
            }
            written.append(token.text());
        }
        return null;
    }

    /**
     * What the DROP clauses remove, including T-SQL's continued lists ({@code DROP COLUMN a, b},
     * {@code DROP CONSTRAINT c, COLUMN d}), MySQL's and Oracle's {@code DROP PARTITION p1, p2}, Oracle's
     * {@code DROP (a, b)} and Oracle's {@code SET UNUSED} (the column's data can no longer be read).
     * In T-SQL a bare {@code DROP name} is a {@link Kind#BARE_NAME}; elsewhere it drops a column.
     */
    List<Removed> dropped(Dialect dialect) {
        return removed("DROP", dialect);
    }

    /** The partitions that {@code TRUNCATE PARTITION} / {@code TRUNCATE SUBPARTITION} clauses empty. */
    List<Removed> truncatedPartitions(Dialect dialect) {
        return removed("TRUNCATE", dialect).stream().filter(Removed::isPartition).toList();
    }

    private List<Removed> removed(String verb, Dialect dialect) {
        List<Removed> removed = new ArrayList<>();
        Kind listKind = null;
        for (List<Token> clause : clauses) {
            Token first = clause.get(0);
            if (first.isWord(verb)) {
                List<Removed> found = removedBy(clause, 1, dialect);
                removed.addAll(found);
                listKind = found.isEmpty() ? null : found.get(found.size() - 1).kind();
            } else if (verb.equals("DROP") && first.isWord("SET") && clause.size() > 2
                    && clause.get(1).isWord("UNUSED")) {
                removed.addAll(removedBy(clause, 2, Dialect.ORACLE));
                listKind = null;
            } else if (listKind != null && continuation(clause, listKind, removed) != null) {
                Removed item = continuation(clause, listKind, removed);
                removed.add(item);
                listKind = item.kind();
            } else {
                listKind = null;
            }
        }
        return removed;
    }

    /** The objects removed by a clause whose object part starts at {@code from}. */
    private static List<Removed> removedBy(List<Token> clause, int from, Dialect dialect) {
        Token cascade = StatementCore.topLevelWord(clause, from, "CASCADE");
        if (from >= clause.size()) {
            return List.of();
        }
        Token what = clause.get(from);
        if (what.isSymbol("(")) {
            // Oracle: DROP (a, b) and SET UNUSED (a, b).
            List<Removed> columns = new ArrayList<>();
            // One clause, one place: Oracle's DROP (a, b) is located at its DROP.
            for (ObjectNames.NameAt name : namesInParentheses(clause, from)) {
                columns.add(new Removed(Kind.COLUMN, name.text(), clause.get(0), cascade));
            }
            return columns;
        }
        Kind kind;
        int nameAt = from + 1;
        if (what.isWord("COLUMN")) {
            kind = Kind.COLUMN;
        } else if (what.isAnyWord("PARTITION", "PARTITIONS", "SUBPARTITION", "SUBPARTITIONS")) {
            kind = what.isAnyWord("PARTITION", "PARTITIONS") ? Kind.PARTITION : Kind.SUBPARTITION;
        } else if (what.type() == TokenType.WORD && NOT_COLUMNS.contains(what.upper()) && !standsAlone(clause, from)) {
            kind = Kind.OTHER;
        } else if (ObjectNames.isNamePart(what)) {
            kind = dialect == Dialect.SQLSERVER ? Kind.BARE_NAME : Kind.COLUMN;
            nameAt = from;
        } else {
            return List.of();
        }
        nameAt = skipIfExists(clause, nameAt);
        if (kind == Kind.COLUMN && nameAt < clause.size() && clause.get(nameAt).isSymbol("(")) {
            // H2: DROP COLUMN [IF EXISTS] (a, b).
            return namesInParentheses(clause, nameAt).stream().map(name -> new Removed(Kind.COLUMN, name.text(),
                    clause.get(0), cascade)).toList();
        }
        // A partition is located at its name (several may follow one keyword), anything else at its DROP.
        boolean partition = kind == Kind.PARTITION || kind == Kind.SUBPARTITION;
        Token at = partition && nameAt < clause.size() ? clause.get(nameAt) : clause.get(0);
        String name = kind == Kind.OTHER ? writtenUpTo(clause, from, cascade) : nameText(clause, nameAt);
        return List.of(new Removed(kind, name, at, cascade));
    }

    /**
     * True when the word at {@code i} is all the clause names ({@code DROP key}, {@code DROP storage CASCADE}): the
     * words that start a constraint, an index or a table setting always have more after them, so alone such a word
     * is a column's name, as PostgreSQL reads it.
     */
    private static boolean standsAlone(List<Token> clause, int i) {
        return i + 1 == clause.size() || clause.get(i + 1).isAnyWord("CASCADE", "RESTRICT");
    }

    /** A clause that continues the previous clause's list, or null when it is a clause of its own. */
    private static Removed continuation(List<Token> clause, Kind listKind, List<Removed> before) {
        int i = 0;
        Kind kind = listKind;
        if (listKind != Kind.PARTITION && listKind != Kind.SUBPARTITION && clause.get(0).isAnyWord("COLUMN", "CONSTRAINT")) {
            kind = clause.get(0).isWord("COLUMN") ? Kind.COLUMN : Kind.OTHER;
            i++;
        }
        i = skipIfExists(clause, i);
        ObjectNames.NameAt name = ObjectNames.readName(clause, i);
        if (name == null || name.text().equalsIgnoreCase("FORCE")) {
            return null;
        }
        boolean endsHere = name.next() == clause.size() || clause.get(name.next()).isAnyWord(
                ITEM_OPTIONS.toArray(String[]::new));
        // An item of the same list stands where its list does; "COLUMN d" after a comma is a clause of its own.
        Token at = i > 0 && clause.get(0).isAnyWord("COLUMN", "CONSTRAINT") ? clause.get(0)
                : before.get(before.size() - 1).at();
        return endsHere ? new Removed(kind, name.text(), at, null) : null;
    }

    /**
     * What a clause that removes no column names, as written up to its CASCADE: {@code CONSTRAINT orders_pk},
     * {@code PRIMARY KEY}, {@code UNIQUE (email)}.
     */
    private static String writtenUpTo(List<Token> clause, int from, Token cascade) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < clause.size() && clause.get(i) != cascade; i++) {
            Token token = clause.get(i);
            boolean glued = text.isEmpty() || token.isSymbol(")") || token.isSymbol(",")
                    || clause.get(i - 1).isSymbol("(");
            text.append(glued ? "" : " ").append(token.text());
        }
        return text.toString();
    }

    /** Azure Synapse / SQL Server: {@code SWITCH TO t WITH (TRUNCATE_TARGET = ON)} empties t first. */
    static boolean truncatesTarget(List<Token> clause) {
        for (int i = 0; i + 2 < clause.size(); i++) {
            if (clause.get(i).isWord("TRUNCATE_TARGET") && clause.get(i + 1).isSymbol("=")
                    && clause.get(i + 2).isWord("ON")) {
                return true;
            }
        }
        return false;
    }

    private static int skipIfExists(List<Token> clause, int i) {
        if (i + 1 < clause.size() && clause.get(i).isWord("IF") && clause.get(i + 1).isWord("EXISTS")) {
            return i + 2;
        }
        return i;
    }

    /**
     * The name at {@code i}; Oracle's {@code PARTITION FOR (values)} is shown with its values, a ClickHouse
     * partition with its value or id.
     */
    private static String nameText(List<Token> clause, int i) {
        if (i < clause.size() && clause.get(i).isWord("FOR")) {
            StringBuilder text = new StringBuilder("FOR ");
            for (Token token : clause.subList(i + 1, ObjectNames.skipParentheses(clause, i + 1))) {
                text.append(token.text());
            }
            return text.toString();
        }
        // ClickHouse names a partition by its value ('2020-01', 202001) or by its id (ID '202001').
        if (i + 1 < clause.size() && clause.get(i).isWord("ID") && isLiteral(clause.get(i + 1))) {
            return "ID " + clause.get(i + 1).text();
        }
        if (i < clause.size() && isLiteral(clause.get(i))) {
            return clause.get(i).text();
        }
        ObjectNames.NameAt name = ObjectNames.readName(clause, i);
        return name == null ? "?" : name.text();
    }

    private static boolean isLiteral(Token token) {
        return token.type() == TokenType.STRING || token.type() == TokenType.NUMBER;
    }

    /** The first name of each comma-separated element of the parenthesized list at {@code open}. */
    static List<ObjectNames.NameAt> namesInParentheses(List<Token> clause, int open) {
        List<ObjectNames.NameAt> names = new ArrayList<>();
        int end = ObjectNames.skipParentheses(clause, open) - 1;
        boolean expectName = true;
        int depth = 0;
        for (int i = open + 1; i < end; i++) {
            Token token = clause.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isSymbol(",")) {
                expectName = true;
            } else if (expectName) {
                ObjectNames.NameAt name = ObjectNames.readName(clause, i);
                if (name != null) {
                    names.add(name);
                }
                expectName = false;
            }
        }
        return names;
    }
}
