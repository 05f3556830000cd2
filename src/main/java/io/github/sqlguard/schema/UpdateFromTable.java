package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values an UPDATE copies from another table into the rows of its own: PostgreSQL's {@code UPDATE t SET a = s.a
 * FROM s WHERE t.id = s.id}, MySQL's {@code UPDATE t JOIN s ON s.id = t.id SET t.a = s.a} and {@code UPDATE t, s SET
 * t.a = s.a WHERE ..}, and a correlated subquery {@code SET a = (SELECT s.a FROM s WHERE s.id = t.id)}. Such a copy
 * reaches only the rows of the target that match one of the source's, so it never keeps a source row that has no
 * match: it tells a drop of the source where some of its values went, and guards nothing.
 *
 * @param target the updated table as written
 * @param reads each copy, one per assignment that reads the source
 */
record UpdateFromTable(String target, List<Read> reads) {

    /**
     * What one assignment read of a source table.
     *
     * @param source the table read, as written
     * @param columns the source's columns it read, as written
     * @param into the target's column it wrote
     * @param asTheyAre true when the value is one of the source's columns as it is, false for an expression of them
     * @param aggregate true when the expression aggregates the matching rows ({@code min(start_time)})
     * @param matchedOn the target's columns an equality ties to the source's, when the condition is nothing but
     *     such equalities; empty when it is anything else
     * @param sourceKeys the source's columns those equalities read
     * @param everyTargetRow true when nothing but {@code matchedOn} limits the target rows written: no WHERE of the
     *     UPDATE itself narrows the rows a subquery fills
     */
    record Read(String source, List<String> columns, String into, boolean asTheyAre, boolean aggregate,
            List<String> matchedOn, List<String> sourceKeys, boolean everyTargetRow) {
    }

    private static final String[] JOIN_WORDS = {"JOIN", "INNER", "LEFT", "STRAIGHT_JOIN"};
    private static final Set<String> AFTER_SET = Set.of("FROM", "WHERE", "RETURNING", "ORDER", "LIMIT", "OUTPUT");
    private static final Set<String> AGGREGATES = Set.of("MIN", "MAX", "SUM", "AVG", "COUNT", "STRING_AGG",
            "ARRAY_AGG", "JSON_AGG", "JSONB_AGG", "GROUP_CONCAT", "LISTAGG", "BOOL_AND", "BOOL_OR", "EVERY",
            "JSON_ARRAYAGG", "JSON_OBJECTAGG", "XMLAGG");

    /** The copies the UPDATE at {@code main} of {@code tokens} makes from other tables; empty when none. */
    static Optional<UpdateFromTable> of(List<Token> tokens, int main, SchemaView before) {
        if (main >= tokens.size() || !tokens.get(main).isWord("UPDATE")) {
            return Optional.empty();
        }
        int i = main + 1;
        while (i < tokens.size() && tokens.get(i).isAnyWord("ONLY", "LOW_PRIORITY", "IGNORE")) {
            i++;
        }
        Named target = named(tokens, i);
        if (target == null) {
            return Optional.empty();
        }
        i = target.next;
        Named source = null;
        List<Token> condition = List.of();
        if (i < tokens.size() && tokens.get(i).isAnyWord(JOIN_WORDS)) {
            while (i < tokens.size() && tokens.get(i).isAnyWord("INNER", "LEFT", "OUTER")) {
                i++;
            }
            if (i >= tokens.size() || !tokens.get(i).isAnyWord("JOIN", "STRAIGHT_JOIN")) {
                return Optional.empty();
            }
            source = named(tokens, i + 1);
            if (source == null || source.next >= tokens.size() || !tokens.get(source.next).isWord("ON")) {
                return Optional.empty();
            }
            i = TopLevel.wordIndex(tokens, source.next + 1, "SET");
            if (i < 0) {
                return Optional.empty();
            }
            condition = tokens.subList(source.next + 1, i);
        } else if (i < tokens.size() && tokens.get(i).isSymbol(",")) {
            source = named(tokens, i + 1);
            if (source == null) {
                return Optional.empty();
            }
            i = source.next;
        }
        if (i >= tokens.size() || !tokens.get(i).isWord("SET")) {
            return Optional.empty();
        }
        int set = i;
        int setEnd = endOfSetList(tokens, set);
        int end = setEnd;
        int stop = statementEnd(tokens);
        if (end < stop && tokens.get(end).isWord("FROM")) {
            if (source != null) {
                return Optional.empty();
            }
            source = named(tokens, end + 1);
            if (source == null) {
                return Optional.empty();
            }
            end = source.next;
        }
        if (end < stop && tokens.get(end).isWord("WHERE")) {
            List<Token> where = tokens.subList(end + 1, stop);
            condition = condition.isEmpty() ? where : List.of();
        } else if (end < stop) {
            return Optional.empty(); // another FROM item, a join after FROM, a limit: not read
        }
        List<Read> reads = new ArrayList<>();
        for (List<Token> assignment : ObjectNames.splitAtCommas(tokens, set + 1, setEnd)) {
            int equals = TopLevel.symbolIndex(assignment, 0, "=");
            if (equals < 1) {
                return Optional.empty();
            }
            List<String> into = targetColumns(assignment.subList(0, equals));
            List<Token> value = assignment.subList(equals + 1, assignment.size());
            if (into.isEmpty()) {
                return Optional.empty();
            }
            if (source != null) {
                if (into.size() == 1) {
                    readOf(value, source, target, into.get(0), condition, before).ifPresent(reads::add);
                }
            } else {
                reads.addAll(subqueryReads(value, target, into, condition.isEmpty(), before));
            }
        }
        return reads.isEmpty() ? Optional.empty() : Optional.of(new UpdateFromTable(target.name, List.copyOf(reads)));
    }

    /** A table name with its alias, or the name itself when it has none, and the index after both. */
    private record Named(String name, String alias, int next) {

        boolean qualifies(Token token) {
            String written = SchemaNames.unquoted(token.text());
            return written.equalsIgnoreCase(alias) || written.equalsIgnoreCase(SchemaNames.lastPart(name));
        }
    }

    private static Named named(List<Token> tokens, int at) {
        SchemaNames.Read name = SchemaNames.name(tokens, at);
        if (name == null) {
            return null;
        }
        int i = name.next();
        if (i < tokens.size() && tokens.get(i).isWord("AS")) {
            i++;
        }
        if (i < tokens.size() && SchemaNames.isNamePart(tokens.get(i)) && !tokens.get(i).isAnyWord(JOIN_WORDS)
                && !tokens.get(i).isAnyWord("SET", "ON", "WHERE", "GROUP", "ORDER", "LIMIT")) {
            return new Named(name.text(), SchemaNames.unquoted(tokens.get(i).text()), i + 1);
        }
        return new Named(name.text(), SchemaNames.unquoted(SchemaNames.lastPart(name.text())), i);
    }

    private static int endOfSetList(List<Token> tokens, int set) {
        int depth = 0;
        for (int i = set + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (token.isSymbol(";") || token.type() == TokenType.WORD
                    && AFTER_SET.contains(token.upper()))) {
                return i;
            }
        }
        return tokens.size();
    }

    private static int statementEnd(List<Token> tokens) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).isSymbol(";")) {
            end--;
        }
        return end;
    }

    /** The columns the left side of an assignment names: {@code t.a}, {@code a} or {@code (a, b)}. */
    private static List<String> targetColumns(List<Token> left) {
        List<Token> inner = TopLevel.withoutEnclosingParentheses(left);
        List<String> columns = new ArrayList<>();
        for (List<Token> part : ObjectNames.splitAtCommas(inner, 0, inner.size())) {
            SchemaNames.Read name = SchemaNames.name(part, 0);
            if (name == null || name.next() != part.size()) {
                return List.of();
            }
            columns.add(SchemaNames.unquoted(SchemaNames.lastPart(name.text())));
        }
        return columns;
    }

    /** What {@code value}, an assignment's right side in a statement that joins {@code source}, reads of it. */
    private static Optional<Read> readOf(List<Token> value, Named source, Named target, String into,
            List<Token> condition, SchemaView before) {
        Set<String> columns = sourceColumns(value, source, target, before, false);
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        Match match = Match.of(condition, source, target, new Scope(before, false));
        boolean plain = SchemaNames.name(value, 0) != null && SchemaNames.name(value, 0).next() == value.size();
        return Optional.of(new Read(source.name, List.copyOf(columns), into, plain, aggregates(value),
                match.targetColumns, match.sourceColumns, true));
    }

    /**
     * The reads of {@code value} when it is a subquery of one table, {@code (SELECT s.a, s.b FROM s WHERE s.id =
     * t.id)}, whose items fill {@code into} in order; {@code everyTargetRow} when the UPDATE has no WHERE of its own.
     */
    private static List<Read> subqueryReads(List<Token> value, Named target, List<String> into,
            boolean everyTargetRow, SchemaView before) {
        List<Token> query = TopLevel.withoutEnclosingParentheses(value);
        if (query.size() == value.size() || query.isEmpty() || !query.get(0).isWord("SELECT")) {
            return List.of();
        }
        int from = TopLevel.wordIndex(query, 1, "FROM");
        if (from < 0) {
            return List.of();
        }
        Named source = named(query, from + 1);
        if (source == null || SchemaNames.key(source.name).equals(SchemaNames.key(target.name))) {
            return List.of();
        }
        int where = TopLevel.wordIndex(query, source.next, "WHERE");
        int conditionEnd = where < 0 ? query.size() : groupOrEnd(query, where + 1);
        List<Token> condition = where < 0 ? List.of() : query.subList(where + 1, conditionEnd);
        List<List<Token>> items = ObjectNames.splitAtCommas(query, 1, from);
        if (items.size() != into.size()) {
            return List.of();
        }
        Match match = Match.of(condition, source, target, new Scope(before, true));
        boolean grouped = TopLevel.wordIndex(query, source.next, "GROUP") >= 0;
        List<Read> reads = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Token> item = items.get(i);
            Set<String> columns = sourceColumns(item, source, target, before, true);
            if (columns.isEmpty()) {
                continue;
            }
            SchemaNames.Read name = SchemaNames.name(item, 0);
            boolean plain = name != null && name.next() == item.size() && !grouped;
            reads.add(new Read(source.name, List.copyOf(columns), into.get(i), plain, aggregates(item), match
                    .targetColumns, match.sourceColumns, everyTargetRow));
        }
        return reads;
    }

    private static int groupOrEnd(List<Token> query, int from) {
        for (String word : List.of("GROUP", "ORDER", "LIMIT", "HAVING")) {
            int at = TopLevel.wordIndex(query, from, word);
            if (at >= 0) {
                return at;
            }
        }
        return query.size();
    }

    /**
     * The source's columns {@code tokens} read: those qualified by its alias or name, and those unqualified that the
     * replay knows the source has and, unless the source is a subquery's own table ({@code inSubquery}), whose
     * unqualified names hide the target's, the target has not.
     */
    private static Set<String> sourceColumns(List<Token> tokens, Named source, Named target, SchemaView before,
            boolean inSubquery) {
        Set<String> columns = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!SchemaNames.isNamePart(token) || i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
                continue;
            }
            boolean qualified = i > 0 && tokens.get(i - 1).isSymbol(".");
            if (qualified) {
                if (i >= 2 && source.qualifies(tokens.get(i - 2))) {
                    columns.add(SchemaNames.unquoted(token.text()));
                }
            } else if (i + 1 >= tokens.size() || !tokens.get(i + 1).isSymbol(".")) {
                String column = SchemaNames.unquoted(token.text());
                if (before.column(source.name, column).isPresent()
                        && (inSubquery || before.column(target.name, column).isEmpty())) {
                    columns.add(before.column(source.name, column).get().name());
                }
            }
        }
        return columns;
    }

    private static boolean aggregates(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).type() == TokenType.WORD && AGGREGATES.contains(tokens.get(i).upper())
                    && tokens.get(i + 1).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whose column an unqualified name in a condition is, by the replay: in a subquery the name is its own table's
     * when that table has the column, and the updated row's only when the subquery's table, known whole, has not (SQL
     * looks a name up from the inside out: T-SQL and Oracle scripts often tie the row so, {@code WHERE e.id =
     * exec_id}); beside a join, the one table's of the two that has it.
     */
    private record Scope(SchemaView before, boolean inSubquery) {

        /** {@code "source"}, {@code "target"}, or null when the replay cannot tell. */
        String sideOf(String column, Named source, Named target) {
            boolean ofSource = before.column(source.name, column).isPresent();
            boolean ofTarget = before.column(target.name, column).isPresent();
            if (ofSource) {
                return inSubquery || lacks(target, column) ? "source" : null;
            }
            return ofTarget && lacks(source, column) ? "target" : null;
        }

        private boolean lacks(Named table, String column) {
            return before.table(table.name).filter(Table::complete).isPresent()
                    && before.column(table.name, column).isEmpty();
        }
    }

    /** The equalities of a condition that is nothing but {@code t.a = s.b AND ..}: the columns on each side. */
    private record Match(List<String> targetColumns, List<String> sourceColumns) {

        static Match of(List<Token> condition, Named source, Named target, Scope scope) {
            List<String> targets = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            List<Token> rest = TopLevel.withoutEnclosingParentheses(condition);
            int start = 0;
            for (int i = 0; i <= rest.size(); i++) {
                if (i < rest.size() && !rest.get(i).isWord("AND")) {
                    continue;
                }
                Map<String, String> pair = equality(rest.subList(start, i), source, target, scope);
                if (pair.isEmpty()) {
                    return new Match(List.of(), List.of());
                }
                targets.add(pair.get("target"));
                sources.add(pair.get("source"));
                start = i + 1;
            }
            return new Match(List.copyOf(targets), List.copyOf(sources));
        }

        /**
         * Of {@code a.x = b.y}, or of {@code a.x = y} whose unqualified side {@code scope} places, the target's and
         * the source's column; empty for anything else.
         */
        private static Map<String, String> equality(List<Token> part, Named source, Named target, Scope scope) {
            int equals = TopLevel.symbolIndex(part, 0, "=");
            if (equals < 1) {
                return Map.of();
            }
            Map<String, String> pair = new LinkedHashMap<>();
            for (List<Token> side : List.of(part.subList(0, equals), part.subList(equals + 1, part.size()))) {
                String owner = ownerOf(side, source, target, scope);
                if (owner == null || pair.containsKey(owner)) {
                    return Map.of();
                }
                pair.put(owner, SchemaNames.unquoted(side.get(side.size() - 1).text()));
            }
            return pair;
        }

        /** Whether one side of an equality, {@code q.column} or {@code column}, names the source's or the target's. */
        private static String ownerOf(List<Token> side, Named source, Named target, Scope scope) {
            if (side.size() == 3 && side.get(1).isSymbol(".") && SchemaNames.isNamePart(side.get(2))) {
                boolean ofSource = source.qualifies(side.get(0));
                boolean ofTarget = target.qualifies(side.get(0));
                return ofSource == ofTarget ? null : ofSource ? "source" : "target";
            }
            if (side.size() == 1 && SchemaNames.isNamePart(side.get(0))) {
                return scope.sideOf(SchemaNames.unquoted(side.get(0).text()), source, target);
            }
            return null;
        }
    }
}
