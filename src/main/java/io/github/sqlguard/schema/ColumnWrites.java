package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.StatementTokens;
import io.github.sqlguard.analysis.TokenConditionTruth;
import io.github.sqlguard.analysis.VariableSetTargets;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The token shapes {@link LossGuards} needs to follow columns through a script: which columns an UPDATE assigns
 * and which of them it fills with another column's values as they are ({@code SET total_new = total}). Which table
 * an INSERT, MERGE or COPY adds rows to is {@link AddedRows}, what an ALTER TABLE renames {@link AlterTableRenames},
 * the UPDATEs of a WITH list {@link WithListUpdates}.
 */
final class ColumnWrites {

    /**
     * What an UPDATE writes.
     *
     * @param table the target table as written
     * @param assigned the columns its SET assigns, as written, in order
     * @param copies for each assignment that copies a column unchanged, also as a value of a JSON object it
     *     builds ({@link JsonObjectValues}): the source column's key to the target column as written
     * @param everyRow true when nothing but the SET follows the target: no WHERE (or one that holds for every row),
     *     FROM, join or row limit
     * @param cleared the keys of the columns it sets to NULL ({@code SET tmp = total, total = NULL})
     * @param rowsWithValueIn the key of the column when the WHERE only asks that it has a value ({@code WHERE total
     *     IS NOT NULL}, {@link OwnKeySelection}), else null: the rows left out hold nothing in it to copy
     * @param rowsWithoutValueIn the key of the column when the WHERE only asks that it has no value ({@code WHERE
     *     total_new IS NULL}), else null: where the column holds only NULL, that is every row
     * @param conversions for each assignment that casts a column to a type ({@code SET n = CAST(c AS INT)}): the
     *     source column's key to the target column as written
     * @param derivations for each assignment that is neither a copy nor a cast, each column its expression reads
     *     ({@code SET n = CASE WHEN c = 'A' THEN 1 ELSE 0 END}): the source column's key to the target columns, in
     *     the order the SET assigns them
     * @param castTypes for each conversion whose cast names a plain type ({@link TextCasts#namedCastType}), or is
     *     one cast to any type ({@link TextCasts#castType}): the source column's key to that type as written
     * @param rowIndependent the keys of the columns it gives a value that reads nothing of the row or of its table
     *     (a literal, {@code (SELECT id FROM tenants LIMIT 1)}): the same for every row it reaches
     * @param fixesChosenRows true when its own WHERE alone picks the rows, by comparing their columns with values
     *     ({@code WHERE hidden = 'FALSE'}): no join, FROM list, subquery or placeholder, not a condition that holds
     *     for every row, nor one that only asks for a value ({@code WHERE c IS NOT NULL}); a data fix of those rows
     * @param distinctPerRow the keys of the columns it gives a value of their own in every row of its table, from a
     *     generator that never repeats one ({@link DistinctFills#assignsGenerated}); empty when it may leave rows out
     */
    record Update(String table, List<String> assigned, Map<String, String> copies, boolean everyRow,
            Set<String> cleared, String rowsWithValueIn, String rowsWithoutValueIn, Map<String, String> conversions,
            Map<String, List<String>> derivations, Map<String, String> castTypes, Set<String> rowIndependent,
            boolean fixesChosenRows, Set<String> distinctPerRow) {

        /**
         * The copies that carry every value their source column holds: all of them when the UPDATE reaches every
         * row, else the copy of the one column whose rows with a value the WHERE selects ({@code SET sha_new = sha
         * WHERE sha IS NOT NULL}).
         */
        Map<String, String> copiesOfEveryValue() {
            return ofEveryValue(copies);
        }

        /** Like {@link #copiesOfEveryValue()}, the columns whose every value a cast converted into another. */
        Map<String, String> conversionsOfEveryValue() {
            return ofEveryValue(conversions);
        }

        /** Like {@link #copiesOfEveryValue()}, the columns whose every value an expression carried into another. */
        Map<String, List<String>> derivationsOfEveryValue() {
            return ofEveryValue(derivations);
        }

        /** This UPDATE, known to reach every row of its table. */
        Update reachingEveryRow() {
            return new Update(table, assigned, copies, true, cleared, null, null, conversions, derivations, castTypes,
                    rowIndependent, false, distinctPerRow);
        }

        private <T> Map<String, T> ofEveryValue(Map<String, T> moves) {
            if (everyRow) {
                return moves;
            }
            T target = rowsWithValueIn == null ? null : moves.get(rowsWithValueIn);
            return target == null ? Map.of() : Map.of(rowsWithValueIn, target);
        }
    }

    /** The symbols that compare two values in a condition. */
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");

    /** Words that end an UPDATE's SET list at depth zero, in the dialects that have them. */
    private static final Set<String> AFTER_SET = Set.of("FROM", "WHERE", "RETURNING", "ORDER", "LIMIT", "OUTPUT",
            "OPTION");

    /** Words that start a MySQL join after an UPDATE's first table. */
    private static final String[] JOIN_WORDS = {"JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "STRAIGHT_JOIN"};

    /** Words that read like a column but are values. */
    private static final Set<String> VALUE_WORDS = Set.of("NULL", "DEFAULT", "TRUE", "FALSE", "CURRENT_TIMESTAMP",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_USER", "LOCALTIMESTAMP", "SYSDATE", "SYSTIMESTAMP", "ROWNUM");

    private ColumnWrites() {
    }

    /** Asked of every statement by many of the replay's and the check's guards. */
    private static final RecentReadings<Optional<Update>> UPDATES = new RecentReadings<>(ColumnWrites::readUpdate);

    /** What the UPDATE of {@code tokens} (after an optional WITH list) writes, when it updates a single table. */
    static Optional<Update> update(List<Token> tokens) {
        return UPDATES.of(tokens);
    }

    private static Optional<Update> readUpdate(List<Token> tokens) {
        int i = WithListUpdates.verbAt(tokens, "UPDATE");
        if (i < 0) {
            return Optional.empty();
        }
        i++;
        // PostgreSQL ONLY, MySQL LOW_PRIORITY IGNORE, SQLite OR REPLACE
        while (i < tokens.size() && tokens.get(i).isAnyWord("ONLY", "LOW_PRIORITY", "IGNORE", "OR")) {
            i += tokens.get(i).isWord("OR") ? 2 : 1;
        }
        // UPDATE TABLE t SET ..: the reserved word never names the table, the t after it does
        if (i + 1 < tokens.size() && tokens.get(i).isWord("TABLE") && SchemaNames.isNamePart(tokens.get(i + 1))) {
            i++;
        }
        SchemaNames.Read table = SchemaNames.name(tokens, i);
        if (table == null) {
            return Optional.empty();
        }
        int set = table.next();
        if (set < tokens.size() && tokens.get(set).isWord("AS")) {
            set++;
        }
        String alias = null;
        if (set < tokens.size() && !tokens.get(set).isAnyWord(JOIN_WORDS) && !tokens.get(set).isWord("SET")
                && SchemaNames.isNamePart(tokens.get(set))) {
            alias = SchemaNames.unquoted(tokens.get(set).text());
            set++;
        }
        boolean joined = set < tokens.size() && tokens.get(set).isAnyWord(JOIN_WORDS);
        if (joined) {
            set = new StatementTokens(tokens).indexOfTopLevelWord(set, tokens.size(), "SET");
        }
        if (set < 0 || set >= tokens.size() || !tokens.get(set).isWord("SET")) {
            return Optional.empty(); // a table list, or no SET: not one table
        }
        int end = set + 1;
        int depth = 0;
        for (; end < tokens.size(); end++) {
            Token token = tokens.get(end);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.type() == TokenType.WORD && AFTER_SET.contains(token.upper())) {
                break;
            }
        }
        List<String> assigned = new ArrayList<>();
        Map<String, String> copies = new LinkedHashMap<>();
        Map<String, String> conversions = new LinkedHashMap<>();
        Map<String, List<String>> derivations = new LinkedHashMap<>();
        Map<String, String> castTypes = new LinkedHashMap<>();
        Set<String> cleared = new HashSet<>();
        Set<String> rowIndependent = new HashSet<>();
        Set<String> distinctPerRow = new HashSet<>();
        for (List<Token> part : ObjectNames.splitAtCommas(tokens, set + 1, end)) {
            int start = VariableSetTargets.columnAssignmentStart(part, 0, part.size());
            if (start < 0) {
                continue; // T-SQL's SET @last = c reads the row into a variable: no column written, nothing kept
            }
            List<Token> assignment = part.subList(start, part.size());
            if (joined && !qualifiedBy(assignment, alias, table.text())
                    || !assign(assignment, assigned, joined ? new LinkedHashMap<>() : copies, conversions,
                            derivations, castTypes, alias, table.text())) {
                return Optional.empty();
            }
            if (readsNothingOfItsTable(assignment, alias, table.text())) {
                rowIndependent.add(SchemaNames.key(assigned.get(assigned.size() - 1)));
            }
            if (DistinctFills.assignsGenerated(assignment)) {
                distinctPerRow.add(SchemaNames.key(assigned.get(assigned.size() - 1)));
            }
            if (assignment.size() >= 3 && assignment.get(assignment.size() - 1).isWord("NULL")
                    && assignment.get(assignment.size() - 2).isSymbol("=")) {
                cleared.add(SchemaNames.key(assigned.get(assigned.size() - 1)));
            }
        }
        // MySQL UPDATE t a JOIN u b ON .. SET a.c = b.x: only t's columns are written, and the join may leave rows
        // out, so nothing is known to be copied from every row.
        // WHERE TRUE, as scripts write to satisfy tools that refuse an UPDATE without WHERE, still reaches every row.
        boolean everyRow = end == tokens.size() || tokens.get(end).isWord("WHERE")
                && TokenConditionTruth.holdsForEveryRow(tokens.subList(end + 1, tokens.size()));
        // RETURNING comes last and only reports the rows changed (T-SQL's OUTPUT may have a WHERE after it): a
        // generated value still reaches every row.
        boolean generatedEverywhere = !joined && (everyRow || tokens.get(end).isWord("RETURNING"));
        List<Token> condition = end < tokens.size() && tokens.get(end).isWord("WHERE")
                ? tokens.subList(end + 1, tokens.size()) : null;
        String hasValue = condition == null ? null : onlyTestsForNull(condition, alias, table.text(), true);
        String rowsWithValueIn = hasValue != null || condition == null ? hasValue
                : OwnKeySelection.column(condition, alias, table.text());
        String rowsWithoutValueIn = condition == null || joined ? null
                : onlyTestsForNull(condition, alias, table.text(), false);
        boolean fixesChosenRows = !joined && !everyRow && condition != null && rowsWithValueIn == null
                && comparesOwnColumnsWithValues(condition);
        // SQL Server's UPDATE a SET .. FROM document a JOIN ..: the rows written are document's
        String written = ReversingUpdate.aliasedTarget(tokens).orElse(table.text());
        return Optional.of(new Update(written, List.copyOf(assigned), Map.copyOf(copies), !joined && everyRow,
                Set.copyOf(cleared), rowsWithValueIn, rowsWithoutValueIn, joined ? Map.of() : Map.copyOf(conversions),
                joined ? Map.of() : copyOfLists(derivations), joined ? Map.of() : Map.copyOf(castTypes),
                joined ? Set.of() : Set.copyOf(rowIndependent), fixesChosenRows,
                generatedEverywhere ? Set.copyOf(distinctPerRow) : Set.of()));
    }

    private static Map<String, List<String>> copyOfLists(Map<String, List<String>> lists) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        lists.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * True for a condition that reads nothing but the row and values written in it ({@code hidden = 'FALSE' AND
     * id > 10}): no subquery, nothing filled in later (a placeholder, a client's {@code :var} or {@code &var}), and
     * a comparison among its words, so that whether it picks a row depends on that row's own columns.
     */
    private static boolean comparesOwnColumnsWithValues(List<Token> condition) {
        boolean compares = false;
        for (Token token : condition) {
            if (token.type() == TokenType.PLACEHOLDER || token.isAnyWord("SELECT", "WITH", "VALUES")
                    || token.isSymbol(":") || token.isSymbol("&") || token.isSymbol("?")) {
                return false;
            }
            compares |= token.isAnyWord("IN", "LIKE", "BETWEEN", "IS") || token.type() == TokenType.SYMBOL
                    && COMPARISONS.contains(token.text());
        }
        return compares;
    }

    /**
     * True when the value of {@code c = expr} reads no column of the row and nothing of the updated table: a
     * literal, a function of literals, or a subquery of other tables without a condition that could refer to the
     * row ({@code (SELECT id FROM tenants LIMIT 1)}). A subquery with WHERE, ON or USING may correlate with the
     * row through a name sqlguard cannot tell from the subquery's own columns, so it counts as reading it, and so
     * does one whose names can only be the row's ({@link #subqueriesReadOnlyTheirTables}).
     */
    private static boolean readsNothingOfItsTable(List<Token> assignment, String alias, String table) {
        SchemaNames.Read target = SchemaNames.name(assignment, 0);
        if (target == null || target.next() >= assignment.size() || !assignment.get(target.next()).isSymbol("=")) {
            return false; // (a, b) = (..): not read here
        }
        List<Token> value = assignment.subList(target.next() + 1, assignment.size());
        String tableName = SchemaNames.unquoted(SchemaNames.lastPart(table));
        boolean subquery = value.stream().anyMatch(token -> token.isAnyWord("SELECT", "WITH", "VALUES"));
        // ExpressionColumns leaves qualified names out of an expression without a subquery: o.total + 1 reads a column
        return !value.isEmpty() && ExpressionColumns.readBy(value, alias, table).isEmpty()
                && plainColumn(value).isEmpty() && (subquery || value.stream().noneMatch(token -> token.isSymbol(".")))
                && value.stream().noneMatch(token -> (token.type() == TokenType.WORD
                        || token.type() == TokenType.QUOTED_NAME)
                        && SchemaNames.unquoted(token.text()).equalsIgnoreCase(tableName))
                && (!subquery || value.stream().noneMatch(token -> token.isAnyWord("WHERE", "ON", "USING"))
                        && subqueriesReadOnlyTheirTables(value));
    }

    /** Words a select list may hold that name no column. */
    private static final String[] NO_COLUMN = {"NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "AS",
        "AND", "OR", "NOT", "IS", "IN", "LIKE", "BETWEEN", "DISTINCT", "INTERVAL", "CURRENT_DATE", "CURRENT_TIME",
        "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "SELECT"};

    /**
     * True when each SELECT of {@code value} reads from plain tables of its own, the only place its names can come
     * from first: {@code (SELECT id FROM tenants LIMIT 1)}. A SELECT without FROM, or from Oracle's DUAL or Db2's
     * SYSDUMMY1, takes a column name from the row ({@code (SELECT sig)}, {@code (SELECT f(id) FROM dual)}), and a
     * function or subquery in the FROM list may take one as its argument ({@code FROM unnest(string_to_array(legacy,
     * ';'))}): such a value is taken as reading the row, unless it names nothing a column could be called.
     */
    private static boolean subqueriesReadOnlyTheirTables(List<Token> value) {
        for (int select = 0; select < value.size(); select++) {
            if (!value.get(select).isWord("SELECT")) {
                continue;
            }
            int from = -1;
            int end = value.size();
            int depth = 0;
            for (int i = select + 1; i < value.size() && end == value.size(); i++) {
                Token token = value.get(i);
                if (token.isSymbol("(")) {
                    depth++;
                } else if (token.isSymbol(")")) {
                    end = depth == 0 ? i : end;
                    depth--;
                } else if (depth == 0 && from < 0 && token.isWord("FROM")) {
                    from = i;
                }
            }
            List<Token> sources = from < 0 ? List.of() : value.subList(from + 1, end);
            boolean ownTables = !sources.isEmpty() && sources.stream()
                    .noneMatch(token -> token.isSymbol("(") || token.isAnyWord("DUAL", "SYSDUMMY1"));
            if (!ownTables && namesAnything(value.subList(select, end))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code tokens} hold a name that is no function's and no keyword that names no column. */
    private static boolean namesAnything(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean name = token.type() == TokenType.QUOTED_NAME
                    || token.type() == TokenType.WORD && !token.isAnyWord(NO_COLUMN);
            boolean function = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (name && !function && !token.isAnyWord("FROM", "DUAL", "SYSDUMMY1", "SYSIBM", "LIMIT")) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code qualifier} names the updated table: its alias, or without one the table's own name. */
    static boolean namesUpdatedTable(Token qualifier, String alias, String table) {
        return SchemaNames.unquoted(qualifier.text()).equalsIgnoreCase(alias == null
                ? SchemaNames.unquoted(SchemaNames.lastPart(table)) : alias);
    }

    /**
     * The key of the column when {@code condition} only asks that it has a value ({@code hasValue}), or that it has
     * none, also more than once ({@code c IS NOT NULL AND t.c IS NOT NULL}), qualified by nothing, the alias or the
     * table; else null.
     */
    private static String onlyTestsForNull(List<Token> condition, String alias, String table, boolean hasValue) {
        String column = null;
        int i = 0;
        while (i < condition.size() && !condition.get(i).isSymbol(";")) {
            if (i + 2 < condition.size() && condition.get(i + 1).isSymbol(".")) {
                if (!namesUpdatedTable(condition.get(i), alias, table)) {
                    return null;
                }
                i += 2;
            }
            int test = hasValue ? 3 : 2; // c IS NOT NULL, c IS NULL
            if (i + test >= condition.size() || !SchemaNames.isNamePart(condition.get(i))
                    || !condition.get(i + 1).isWord("IS") || hasValue && !condition.get(i + 2).isWord("NOT")
                    || !condition.get(i + test).isWord("NULL")) {
                return null;
            }
            String key = SchemaNames.key(condition.get(i).text());
            if (column != null && !column.equals(key)) {
                return null;
            }
            column = key;
            i += test + 1;
            if (i < condition.size() && condition.get(i).isWord("AND")) {
                i++;
            } else if (i < condition.size() && !condition.get(i).isSymbol(";")) {
                return null;
            }
        }
        return column;
    }

    /**
     * True when the assignment writes a column of the join update's target, named through its alias or its table
     * ({@code a.c = ..}); an unqualified column may be any joined table's.
     */
    private static boolean qualifiedBy(List<Token> assignment, String alias, String table) {
        SchemaNames.Read name = SchemaNames.name(assignment, 0);
        if (name == null || name.next() >= assignment.size() || !assignment.get(name.next()).isSymbol("=")
                || name.next() < 3 || !assignment.get(name.next() - 2).isSymbol(".")) {
            return false;
        }
        String qualifier = SchemaNames.unquoted(assignment.get(name.next() - 3).text());
        String tableName = SchemaNames.unquoted(SchemaNames.lastPart(table));
        return qualifier.equalsIgnoreCase(alias == null ? tableName : alias);
    }

    /**
     * Reads one assignment, {@code c = expr}, {@code t.c = expr} or {@code (a, b) = (x, y)}, into the assigned
     * columns and the plain copies; false when it is none of those shapes.
     */
    private static boolean assign(List<Token> assignment, List<String> assigned, Map<String, String> copies,
            Map<String, String> conversions, Map<String, List<String>> derivations, Map<String, String> castTypes,
            String alias, String table) {
        if (assignment.get(0).isSymbol("(")) {
            int close = ObjectNames.skipParentheses(assignment, 0);
            List<String> targets = SchemaNames.parenthesisedNames(assignment, 0);
            if (targets.isEmpty() || close >= assignment.size() || !assignment.get(close).isSymbol("=")) {
                return false;
            }
            targets.forEach(target -> assigned.add(SchemaNames.unquoted(target)));
            int values = close + 1;
            if (values < assignment.size() && assignment.get(values).isSymbol("(")
                    && ObjectNames.skipParentheses(assignment, values) == assignment.size()) {
                List<List<Token>> sources = ObjectNames.splitAtCommas(assignment, values + 1, assignment.size() - 1);
                if (sources.size() == targets.size()) {
                    for (int k = 0; k < targets.size(); k++) {
                        int index = k;
                        copiedColumn(sources.get(k)).ifPresent(source -> copies.put(source, targets.get(index)));
                    }
                }
            }
            return true;
        }
        SchemaNames.Read target = SchemaNames.name(assignment, 0);
        if (target == null || target.next() >= assignment.size() || !assignment.get(target.next()).isSymbol("=")) {
            return false;
        }
        // SET t.c = .. writes column c: the qualifier names the table, not the column
        String column = SchemaNames.unquoted(assignment.get(target.next() - 1).text());
        assigned.add(column);
        List<Token> written = assignment.subList(target.next() + 1, assignment.size());
        // (name), (lower(name)), (SELECT lower(name)): the expression inside is what the column gets. A cast is read
        // as written: anyCastOperand takes a::jsonb || b for a cast of a.
        List<Token> value = ParenthesisedValues.unwrapped(written);
        copiedColumn(value).ifPresentOrElse(source -> copies.put(source, column), () -> plainColumn(
                TextCasts.anyCastOperand(written)).ifPresentOrElse(source -> {
                    conversions.put(source, column);
                    TextCasts.namedCastType(written).or(() -> TextCasts.castType(written))
                            .ifPresent(type -> castTypes.put(source, type));
                }, () -> ExpressionColumns.readBy(value, alias, table)
                        .forEach(source -> derivations.computeIfAbsent(source, k -> new ArrayList<>()).add(column))));
        for (List<Token> kept : JsonObjectValues.of(value)) {
            copiedColumn(kept).ifPresent(source -> copies.put(source, column));
        }
        return true;
    }

    /** The key of the column {@code expression} keeps whole: the column itself, or its cast to unlimited text. */
    private static Optional<String> copiedColumn(List<Token> expression) {
        return plainColumn(TextCasts.operandOf(expression));
    }

    /** The key of the column {@code expression} is, when it is just a (qualified) column name. */
    private static Optional<String> plainColumn(List<Token> expression) {
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        SchemaNames.Read name = SchemaNames.name(expression, 0);
        if (name == null || name.next() != expression.size() || expression.get(0).type() == TokenType.PLACEHOLDER
                || expression.size() == 1 && VALUE_WORDS.contains(expression.get(0).upper())) {
            return Optional.empty();
        }
        return Optional.of(SchemaNames.key(name.text()));
    }
}
