package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.TableReference;
import io.github.sqlguard.analysis.UnlistedClauses;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The token shapes {@link LossGuards} needs: which tables a destructive statement targets, which columns an
 * ALTER TABLE adds or drops, and whether a statement copies every row of a table ({@code CREATE TABLE b AS
 * SELECT * FROM t}, {@code INSERT INTO b SELECT * FROM t}, {@code SELECT * INTO b FROM t}).
 */
final class DestroyedTables {

    /** Words after a copy's source table that are not its alias: each starts a clause that leaves rows behind. */
    private static final String[] CLAUSES_AFTER_SOURCE = {"WITH", "WHERE", "LIMIT", "ORDER", "GROUP", "HAVING",
        "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "UNION", "EXCEPT", "INTERSECT", "MINUS",
        "FETCH", "OFFSET", "QUALIFY", "WINDOW", "TABLESAMPLE"};

    /** A full copy of {@code source}'s rows into {@code target}. */
    record Copy(String source, String target) {
    }

    /** Columns an ALTER TABLE adds to {@code table}, as keys. */
    record Added(String table, List<String> columns) {
    }

    /** The columns, as written, an ALTER TABLE drops from {@code table}. */
    record DroppedColumns(String table, List<String> columns) {
    }

    private DestroyedTables() {
    }

    /** Asked of every statement by many of the replay's and the check's guards. */
    private static final RecentReadings<List<String>> TARGETS_AT_START = new RecentReadings<>(tokens -> read(tokens, 0));

    /**
     * The tables a DROP TABLE, TRUNCATE, DELETE or ALTER TABLE at {@code main} targets; empty otherwise. The list must
     * not be changed.
     */
    static List<String> of(List<Token> tokens, int main) {
        return main == 0 ? TARGETS_AT_START.of(tokens) : read(tokens, main);
    }

    private static List<String> read(List<Token> tokens, int main) {
        int i = main;
        if (i + 1 >= tokens.size()) {
            return List.of();
        }
        Token first = tokens.get(i);
        if (first.isWord("DROP") && tokens.get(i + 1).isWord("TABLE")
                || first.isWord("ALTER") && tokens.get(i + 1).isWord("TABLE")) {
            i += 2;
        } else if (first.isWord("ALTER") && tokens.get(i + 1).isWord("IGNORE") && i + 2 < tokens.size()
                && tokens.get(i + 2).isWord("TABLE")) {
            i += 3; // MySQL's ALTER IGNORE TABLE, which deletes the rows a new unique key repeats
        } else if (first.isWord("TRUNCATE")) {
            i += tokens.get(i + 1).isWord("TABLE") ? 2 : 1;
        } else if (first.isWord("DELETE")) {
            i += tokens.get(i + 1).isWord("FROM") ? 2 : 1;
        } else {
            return List.of();
        }
        while (i < tokens.size() && tokens.get(i).isAnyWord("IF", "EXISTS", "ONLY")) {
            i++;
        }
        if (first.isWord("ALTER") || first.isWord("DELETE")) {
            SchemaNames.Read name = SchemaNames.name(tokens, i);
            return name == null ? List.of() : List.of(SchemaNames.unquoted(name.text()));
        }
        int end = i;
        while (end < tokens.size() && !tokens.get(end).isAnyWord("CASCADE", "RESTRICT", "PURGE", "RESTART",
                "CONTINUE", "WITH")) {
            end++;
        }
        return List.copyOf(names(tokens.subList(0, end), i));
    }

    /**
     * The columns the ALTER TABLE of {@code statement} drops from its one target table; empty for any other
     * statement, for a routine or block that holds statements, and for an ALTER of several tables.
     */
    static Optional<DroppedColumns> droppedFromOneTable(Statement statement) {
        List<Token> tokens = statement.tokens();
        if (statement.container() || tokens.isEmpty()) {
            return Optional.empty();
        }
        int main = mainKeyword(tokens);
        List<String> targets = of(tokens, main);
        return targets.size() != 1 || !tokens.get(main).isWord("ALTER") ? Optional.empty()
                : Optional.of(new DroppedColumns(targets.get(0), droppedColumns(tokens, main)));
    }

    /** The columns {@code ALTER TABLE t DROP [COLUMN] c, DROP d} (or Oracle's {@code SET UNUSED}) drops. */
    static List<String> droppedColumns(List<Token> tokens, int main) {
        return columnsAfter(tokens, main, "DROP", column -> false);
    }

    /** The columns {@code ALTER TABLE t ALTER [COLUMN] c .., MODIFY d ..} changes in place (a type, a default). */
    static List<String> alteredColumns(List<Token> tokens, int main) {
        List<String> columns = new ArrayList<>(columnsAfter(tokens, main, "ALTER", column -> false));
        columns.addAll(columnsAfter(tokens, main, "MODIFY", column -> false));
        return columns;
    }

    /** The columns {@code ALTER TABLE t ADD [COLUMN] c .., ADD d ..} adds, where its failure ends the script. */
    static Optional<Added> addedColumns(List<Token> tokens, int main, SchemaView before) {
        return addedColumns(tokens, main, before, false);
    }

    /**
     * The columns {@code ALTER TABLE t ADD [COLUMN] c .., ADD d ..} adds; {@code failureGoesOn} when a handler may go
     * on after the statement failed, so that a plain ADD of a column the table already has adds nothing.
     */
    static Optional<Added> addedColumns(List<Token> tokens, int main, SchemaView before, boolean failureGoesOn) {
        if (main >= tokens.size() || !tokens.get(main).isWord("ALTER") || !hasWord(tokens, main + 1, "ADD")) {
            return Optional.empty();
        }
        List<String> targets = of(tokens, main);
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        // ADD COLUMN IF NOT EXISTS c may meet an older c that holds data, unless the replay created the table
        // and knows every column it had just before: then c is surely new.
        Optional<Table> table = before.table(targets.get(0));
        Optional<Table> known = table.filter(Table::complete);
        Predicate<String> surelyNew = column -> known.isPresent() && known.get().column(column).isEmpty();
        // A plain ADD of a column the table already has fails; when a handler goes on after it (PL/pgSQL's DO $$
        // BEGIN ALTER TABLE t ADD COLUMN c ..; EXCEPTION WHEN duplicate_column THEN ..), the older c keeps its values.
        // Without such a handler the failed ADD ends the migration, and nothing after it runs.
        List<String> columns = columnsAfter(tokens, main, "ADD", surelyNew).stream()
                .filter(column -> !failureGoesOn || table.flatMap(t -> t.column(column)).isEmpty())
                .map(SchemaNames::key).toList();
        return columns.isEmpty() ? Optional.empty() : Optional.of(new Added(targets.get(0), columns));
    }

    /**
     * The columns {@code ALTER TABLE t ADD COLUMN IF NOT EXISTS c} names that {@link #addedColumns} does not take as
     * new, as written: the replay does not know that {@code t} lacked them, so each may be an older column.
     */
    static List<String> columnsAddedIfMissing(List<Token> tokens, int main, SchemaView before) {
        if (tokens.stream().noneMatch(token -> token.isWord("EXISTS"))) {
            return List.of(); // without IF NOT EXISTS, no column is added only where it is missing
        }
        List<String> surelyNew = addedColumns(tokens, main, before).map(Added::columns).orElse(List.of());
        List<String> plain = columnsAfter(tokens, main, "ADD", column -> false);
        return columnsAfter(tokens, main, "ADD", column -> true).stream()
                .filter(column -> !surelyNew.contains(SchemaNames.key(column)) && !plain.contains(column)).toList();
    }

    /**
     * True for Oracle's {@code SET UNUSED [COLUMN] c} (or {@code SET UNUSED (a, b)}): the columns' values can no
     * longer be read, nor the columns named again, so it is a drop whenever {@code DROP UNUSED COLUMNS} runs.
     */
    static boolean setsUnused(List<Token> clause) {
        return clause.size() > 2 && clause.get(0).isWord("SET") && clause.get(1).isWord("UNUSED");
    }

    private static boolean hasWord(List<Token> tokens, int from, String word) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The columns a plain {@code ALTER TABLE t ADD COLUMN c} names that {@code t} already has as the replay knows
     * it, as written: the ADD fails on them, and where a handler goes on after the failure, each keeps its values.
     */
    static List<String> columnsAlreadyThere(List<Token> tokens, int main, SchemaView before) {
        List<String> targets = of(tokens, main);
        Optional<Table> table = targets.isEmpty() ? Optional.empty() : before.table(targets.get(0));
        return table.isEmpty() ? List.of() : columnsAfter(tokens, main, "ADD", column -> false).stream()
                .filter(column -> table.get().column(column).isPresent()).toList();
    }

    private static List<String> columnsAfter(List<Token> tokens, int main, String verb,
            Predicate<String> addedIfMissing) {
        List<String> columns = new ArrayList<>();
        boolean verbWritten = main + 2 < tokens.size() && (hasWord(tokens, main + 2, verb)
                || verb.equals("DROP") && hasWord(tokens, main + 2, "UNUSED"));
        if (!verbWritten || !tokens.get(main).isWord("ALTER") || !tokens.get(main + 1).isWord("TABLE")) {
            return columns; // most ALTER TABLEs add, or drop, nothing: their clauses need not be read
        }
        int i = main + 2;
        while (i < tokens.size() && tokens.get(i).isAnyWord("IF", "EXISTS", "ONLY")) {
            i++;
        }
        SchemaNames.Read table = SchemaNames.name(tokens, i);
        if (table == null) {
            return columns;
        }
        boolean continuing = false;
        for (List<Token> clause : UnlistedClauses.of(tokens, table.next(), tokens.size())) {
            int at;
            if (clause.get(0).isWord(verb)) {
                continuing = true;
                at = 1;
            } else if (verb.equals("DROP") && setsUnused(clause)) {
                continuing = false;
                at = 2;
            } else if (clause.get(0).isAnyWord("ADD", "DROP", "ALTER", "MODIFY", "CHANGE", "RENAME")
                    || setsUnused(clause)) {
                continuing = false;
                continue;
            } else if (TableAlterations.isTableOption(clause)) {
                continuing = false; // MySQL: ADD COLUMN c INT, ALGORITHM=INPLACE, LOCK=NONE
                continue;
            } else if (continuing) {
                at = 0; // T-SQL: DROP COLUMN a, b and ADD a INT, b INT name more columns after one verb
            } else {
                continue;
            }
            int name = at;
            while (at < clause.size() && clause.get(at).isAnyWord("COLUMN", "IF", "NOT", "EXISTS")) {
                at++;
            }
            boolean ifMissing = verb.equals("ADD")
                    && clause.subList(name, at).stream().anyMatch(t -> t.isWord("EXISTS"));
            SchemaNames.Read added = at < clause.size() ? SchemaNames.name(clause, at) : null;
            if (ifMissing && (added == null || !addedIfMissing.test(SchemaNames.unquoted(added.text())))) {
                continue; // ADD COLUMN IF NOT EXISTS c: c may be an older column that holds data
            }
            if (at < clause.size()
                    && clause.get(at).isAnyWord(ColumnDefinition.CONSTRAINT_WORDS.toArray(String[]::new))) {
                continuing = false;
                continue;
            }
            if (at < clause.size() && clause.get(at).isSymbol("(")) {
                // Oracle: DROP (a, b) and ADD (a INT, b INT)
                int end = ObjectNames.skipParentheses(clause, at);
                for (List<Token> element : ObjectNames.splitAtCommas(clause, at + 1, end - 1)) {
                    SchemaNames.Read column = SchemaNames.name(element, 0);
                    if (column != null) {
                        columns.add(SchemaNames.unquoted(column.text()));
                    }
                }
                continue;
            }
            SchemaNames.Read column = SchemaNames.name(clause, at);
            if (column != null) {
                columns.add(SchemaNames.unquoted(column.text()));
            }
        }
        return columns;
    }

    /** The full copy {@code tokens} make from {@code main} on, if they make one. */
    static Optional<Copy> fullCopy(List<Token> tokens, int main) {
        int i = main;
        if (i + 2 >= tokens.size()) {
            return Optional.empty();
        }
        String target;
        int select;
        if (tokens.get(i).isWord("CREATE")) {
            // A copy into a temporary table counts too: TemporaryKeeper judges whether it keeps anything
            Optional<CreateAsQuery> create = CreateAsQuery.of(tokens, i);
            if (create.isEmpty()) {
                return Optional.empty();
            }
            target = create.get().target().text();
            select = create.get().query();
        } else if (tokens.get(i).isWord("INSERT")) {
            int into = tokens.get(i + 1).isWord("INTO") ? i + 2 : i + 1;
            SchemaNames.Read name = SchemaNames.name(tokens, into);
            if (name == null) {
                return Optional.empty();
            }
            target = name.text();
            select = ObjectNames.skipParentheses(tokens, name.next());
        } else if (tokens.get(i).isWord("SELECT") && tokens.get(i + 1).isSymbol("*")
                && tokens.get(i + 2).isWord("INTO")) {
            SchemaNames.Read name = SchemaNames.name(tokens, i + 3);
            if (name == null || name.next() >= tokens.size() || !tokens.get(name.next()).isWord("FROM")) {
                return Optional.empty();
            }
            return wholeTable(tokens, name.next() + 1, name.text());
        } else {
            return Optional.empty();
        }
        if (select < tokens.size() && tokens.get(select).isSymbol("(")) {
            select++;
        }
        // PostgreSQL and MySQL 8: CREATE TABLE b AS TABLE t, INSERT INTO b TABLE t (the TABLE query reads every row)
        if (select + 1 < tokens.size() && tokens.get(select).isWord("TABLE")) {
            return wholeTable(tokens, select + 1, target);
        }
        if (select + 2 < tokens.size() && tokens.get(select).isWord("SELECT") && tokens.get(select + 1).isSymbol("*")
                && tokens.get(select + 2).isWord("FROM")) {
            return wholeTable(tokens, select + 3, target);
        }
        // SELECT *, NULL::integer FROM t: every column of t, and a value for a column the copy adds
        if (select + 2 < tokens.size() && tokens.get(select).isWord("SELECT") && tokens.get(select + 1).isSymbol("*")
                && tokens.get(select + 2).isSymbol(",")) {
            int from = TopLevel.wordIndex(tokens, select + 3, "FROM");
            return from < 0 ? Optional.empty() : wholeTable(tokens, from + 1, target);
        }
        // SELECT o.* FROM t o, as rebuilds that alias the old table write it
        if (select + 4 < tokens.size() && tokens.get(select).isWord("SELECT") && tokens.get(select + 2).isSymbol(".")
                && tokens.get(select + 3).isSymbol("*") && tokens.get(select + 4).isWord("FROM")) {
            String qualifier = SchemaNames.key(tokens.get(select + 1).text());
            TableReference source = TableReference.at(tokens, select + 5);
            String alias = source == null || source.alias() == null ? "" : SchemaNames.key(source.alias());
            return wholeTable(tokens, select + 5, target).filter(copy -> qualifier.equals(SchemaNames.key(
                    copy.source())) || qualifier.equals(alias));
        }
        return Optional.empty();
    }

    /**
     * A copy of every row: the source table and nothing after it but an ORDER BY, a closing parenthesis or WITH
     * DATA.
     */
    private static Optional<Copy> wholeTable(List<Token> tokens, int at, String target) {
        SchemaNames.Read source = SchemaNames.name(tokens, at);
        if (source == null) {
            return Optional.empty();
        }
        int rest = source.next();
        // An alias of the source ([AS] old) reads every row all the same.
        if (rest < tokens.size() && tokens.get(rest).isWord("AS")) {
            rest++;
        }
        if (rest < tokens.size() && tokens.get(rest).type() == TokenType.WORD
                && !tokens.get(rest).isAnyWord(CLAUSES_AFTER_SOURCE)) {
            rest++;
        }
        for (int i = RowOrder.end(tokens, ObjectNames.tableHintsEnd(tokens, rest)); i < tokens.size(); i++) {
            if (!tokens.get(i).isSymbol(")") && !tokens.get(i).isAnyWord("WITH", "DATA")) {
                return Optional.empty();
            }
        }
        return Optional.of(new Copy(SchemaNames.unquoted(source.text()), SchemaNames.unquoted(target)));
    }

    /**
     * Where the statement proper starts: after a T-SQL {@code IF ..} condition, the verb that follows it; 0
     * otherwise.
     */
    static int mainKeyword(List<Token> tokens) {
        int i = 0;
        int depth = 0;
        if (tokens.isEmpty() || !tokens.get(0).isWord("IF")) {
            return 0;
        }
        for (; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.type() == TokenType.WORD
                    && token.isAnyWord("DROP", "TRUNCATE", "DELETE", "ALTER", "CREATE", "INSERT", "SELECT")
                    && i > 1) {
                return i;
            }
        }
        return 0;
    }

    private static List<String> names(List<Token> tokens, int from) {
        List<String> names = new ArrayList<>();
        for (List<Token> part : ObjectNames.splitAtCommas(tokens, from, tokens.size())) {
            SchemaNames.Read name = SchemaNames.name(part, part.get(0).isWord("ONLY") ? 1 : 0);
            if (name != null) {
                names.add(SchemaNames.unquoted(name.text()));
            }
        }
        return names;
    }
}
