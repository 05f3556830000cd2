package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A column dropped after a cast converted its every value into another column: Oracle changesets that add
 * {@code LOGIC_NEW TINYINT}, set it to {@code CAST(LOGIC AS DECIMAL)} and drop {@code LOGIC}. What the cast keeps
 * survives, what it changes (text that is no number, decimals rounded, text cut to a length) is lost, so the drop
 * stays reported, and says where the values went so the reader can judge the cast. The same holds for any other
 * expression that reads the column: a {@code CASE} mapping its words to numbers (as some type changes write it), or a
 * function packing several columns into one JSON value.
 */
final class ConvertedBeforeDrop {

    private ConvertedBeforeDrop() {
    }

    /**
     * Records the conversions of {@code update} into {@code copies}, unless a column already has an unchanged copy,
     * which keeps more.
     */
    static void record(ColumnWrites.Update update, List<Token> tokens, String line, DatabaseScope databases,
            Map<String, ColumnCopy> copies) {
        // A cast keeps more of a value than an expression that merely reads it, so it is recorded last and wins
        update.derivationsOfEveryValue().forEach((source, written) -> {
            // SET c = upper(c) rewrites the column itself: what it keeps is not a copy elsewhere
            List<String> targets = written.stream().filter(target -> !SchemaNames.key(target).equals(source)).toList();
            ColumnCopy earlier = copies.get(source);
            if (!targets.isEmpty() && (earlier == null || !earlier.unchanged())) {
                copies.put(source, new ColumnCopy(SchemaNames.key(targets.get(0)), "values of "
                        + SchemaNames.asWrittenIn(tokens, source) + " converted to " + names(targets) + " at " + line
                        + " " + (targets.size() == 1 ? how(tokens, targets.get(0)) : "by expressions that read it")
                        + ", which may change them", databases, true));
            }
        });
        recordCasts(update.conversionsOfEveryValue(), tokens, line, databases, copies);
        recordFlagMark(update, tokens, line, databases, copies);
        recordChosenRows(update, tokens, line, databases, copies);
    }

    /**
     * A conversion limited by the UPDATE's own WHERE ({@code SET tags_json = CAST(.. tags ..) WHERE tags <> '[]'}, the
     * rows left out keeping the new column's default) took the column's values in the rows it picks: the drop of the
     * column stays reported, and says where those values went and which rows the conversion took.
     */
    private static void recordChosenRows(ColumnWrites.Update update, List<Token> tokens, String line,
            DatabaseScope databases, Map<String, ColumnCopy> copies) {
        if (update.everyRow() || !update.fixesChosenRows()) {
            return;
        }
        List<Token> condition = WhereTokens.of(tokens).map(WhereTokens::condition).orElse(List.of());
        if (condition.isEmpty()) {
            return;
        }
        String rows = " only in the rows where " + Token.written(withoutTerminator(condition));
        update.conversions().forEach((source, target) -> {
            if (!SchemaNames.key(target).equals(source) && !copies.containsKey(source)) {
                copies.put(source, new ColumnCopy(SchemaNames.key(target), "values of "
                        + SchemaNames.asWrittenIn(tokens, source) + " converted to " + target + " at " + line
                        + " by a cast" + rows + ", which may change them", databases, true));
            }
        });
        update.derivations().forEach((source, written) -> {
            List<String> targets = written.stream().filter(target -> !SchemaNames.key(target).equals(source)).toList();
            if (!targets.isEmpty() && !copies.containsKey(source)) {
                copies.put(source, new ColumnCopy(SchemaNames.key(targets.get(0)), "values of "
                        + SchemaNames.asWrittenIn(tokens, source) + " converted to " + names(targets) + " at " + line
                        + " " + (targets.size() == 1 ? how(tokens, targets.get(0)) : "by expressions that read it")
                        + rows + ", which may change them", databases, true));
            }
        });
        // Copied as they are, but not from every row: the rows left out keep their values only in the column dropped
        update.copies().forEach((source, target) -> {
            if (!SchemaNames.key(target).equals(source) && !copies.containsKey(source)) {
                copies.put(source, new ColumnCopy(SchemaNames.key(target), "values of "
                        + SchemaNames.asWrittenIn(tokens, source) + " copied to " + target + " at " + line + rows,
                        databases, true));
            }
        });
    }

    /**
     * A value set only in the rows one yes/no column selects ({@code SET status = 'SUCCESS' WHERE success = TRUE})
     * marks in the column it sets which rows held the flag: the drop of the flag says so, since what the mark keeps
     * (whether each row matched, not a NULL told from a FALSE) is for the reader to judge.
     */
    private static void recordFlagMark(ColumnWrites.Update update, List<Token> tokens, String line,
            DatabaseScope databases, Map<String, ColumnCopy> copies) {
        List<Token> condition = update.everyRow() ? List.of()
                : WhereTokens.of(tokens).map(WhereTokens::condition).orElse(List.of());
        Optional<String> flag = FlagCondition.column(condition);
        if (flag.isEmpty() || copies.containsKey(SchemaNames.key(flag.get()))) {
            return; // no such condition, or an earlier copy of the flag says more
        }
        String source = SchemaNames.key(flag.get());
        int set = TopLevel.wordIndex(tokens, 0, "SET");
        for (String target : update.assigned()) {
            List<Token> value = set < 0 ? List.of() : assignedValue(tokens, set + 1, target);
            if (update.rowIndependent().contains(SchemaNames.key(target)) && !SchemaNames.key(target).equals(source)
                    && !value.isEmpty() && !(value.size() == 1 && value.get(0).isWord("NULL"))) {
                copies.put(source, new ColumnCopy(SchemaNames.key(target), "values of " + flag.get() + " marked in "
                        + target + " at " + line + ", set to " + Token.written(value) + " where "
                        + Token.written(withoutTerminator(condition)) + ", which keeps only which rows matched",
                        databases, true));
                return;
            }
        }
    }

    /** {@code "a"}, {@code "a and b"}, {@code "a, b and c"}: every column the values went to, as written. */
    private static String names(List<String> targets) {
        int last = targets.size() - 1;
        return last == 0 ? targets.get(0) : String.join(", ", targets.subList(0, last)) + " and " + targets.get(last);
    }

    private static List<Token> withoutTerminator(List<Token> condition) {
        int end = condition.size();
        while (end > 0 && condition.get(end - 1).isSymbol(";")) {
            end--;
        }
        return condition.subList(0, end);
    }

    private static void recordCasts(Map<String, String> conversions, List<Token> tokens, String line,
            DatabaseScope databases, Map<String, ColumnCopy> copies) {
        conversions.forEach((source, target) -> {
            ColumnCopy earlier = copies.get(source);
            if (!source.equals(SchemaNames.key(target)) && (earlier == null || !earlier.unchanged())) {
                copies.put(source, new ColumnCopy(SchemaNames.key(target), "values of "
                        + SchemaNames.asWrittenIn(tokens, source) + " converted to " + target + " at " + line
                        + " by a cast, which may change them", databases,
                        true));
            }
        });
    }

    /**
     * How the UPDATE of {@code tokens} derives {@code target}, for the note: {@code "by lower"} for a function of the
     * column, {@code "by a CASE expression"}, {@code "by a subquery"}, else {@code "by an expression that reads it"}.
     */
    private static String how(List<Token> tokens, String target) {
        int set = TopLevel.wordIndex(tokens, 0, "SET");
        List<Token> value = set < 0 ? List.of()
                : ParenthesisedValues.unwrapped(assignedValue(tokens, set + 1, target));
        if (value.size() >= 2 && value.get(0).type() == TokenType.WORD && value.get(1).isSymbol("(")
                && !value.get(0).isAnyWord("CASE", "SELECT")) {
            return "by " + value.get(0).text();
        }
        if (!value.isEmpty() && value.get(0).isWord("CASE")) {
            return "by a CASE expression";
        }
        if (value.size() >= 2 && value.get(0).isSymbol("(") && value.get(1).isWord("SELECT")) {
            return "by a subquery";
        }
        return "by an expression that reads it";
    }

    /** The value the SET list from {@code from} assigns to {@code target} ({@code target = value}), or empty. */
    private static List<Token> assignedValue(List<Token> tokens, int from, String target) {
        int depth = 0;
        int start = from;
        for (int i = from; i <= tokens.size(); i++) {
            Token token = i < tokens.size() ? tokens.get(i) : null;
            boolean ends = token == null || depth == 0 && (token.isSymbol(",") || token.type() == TokenType.WORD
                    && token.isAnyWord("WHERE", "FROM", "RETURNING", "OUTPUT"));
            if (ends) {
                List<Token> assignment = tokens.subList(start, i);
                int equals = assignment.size() > 1 && assignment.get(1).isSymbol("=") ? 1
                        : assignment.size() > 3 && assignment.get(3).isSymbol("=") ? 3 : -1;
                if (equals > 0 && SchemaNames.key(assignment.get(equals - 1).text()).equals(SchemaNames.key(target))) {
                    return assignment.subList(equals + 1, assignment.size());
                }
                if (token == null || !token.isSymbol(",")) {
                    return List.of();
                }
                start = i + 1;
            } else {
                depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            }
        }
        return List.of();
    }

    /**
     * The shortfall note over the columns the ALTER TABLE of {@code statement} drops whose values a cast converted,
     * where it runs; {@code copies} by table, then by column.
     */
    static Optional<Guard> shortfallOf(Statement statement, Map<String, Map<String, ColumnCopy>> copies) {
        return DestroyedTables.droppedFromOneTable(statement).map(dropped -> droppedColumns(statement, copies))
                .orElseGet(() -> overwrittenColumns(statement, copies));
    }

    /**
     * An UPDATE that overwrites only columns whose values a conversion copied into other columns it leaves alone
     * ({@code SET amount_new = amount; SET amount = NULL}, before Oracle scripts drop or retype {@code amount}):
     * like their drop, it keeps what the conversion kept, which its finding says. A note without column keys, as
     * the UPDATE's finding names no column.
     */
    private static Optional<Guard> overwrittenColumns(Statement statement,
            Map<String, Map<String, ColumnCopy>> copies) {
        Optional<ColumnWrites.Update> update = statement.container() ? Optional.empty()
                : ColumnWrites.update(statement.tokens());
        if (update.isEmpty() || update.get().assigned().isEmpty()) {
            return Optional.empty();
        }
        Map<String, ColumnCopy> ofTable = copies.getOrDefault(SchemaNames.key(update.get().table()), Map.of());
        List<String> assigned = update.get().assigned().stream().map(SchemaNames::key).toList();
        List<String> notes = new ArrayList<>();
        for (String column : assigned) {
            ColumnCopy copy = ofTable.get(column);
            if (copy == null || copy.unchanged() || assigned.contains(copy.target())
                    || !copy.databases().covers(statement.context().databases())) {
                return Optional.empty();
            }
            if (!notes.contains(copy.description())) {
                notes.add(copy.description());
            }
        }
        return Optional.of(new Guard(Guard.Kind.CONVERTED_COPY, String.join("; ", notes)));
    }

    private static Optional<Guard> droppedColumns(Statement statement, Map<String, Map<String, ColumnCopy>> copies) {
        return DestroyedTables.droppedFromOneTable(statement).flatMap(dropped -> {
            Map<String, ColumnCopy> ofTable = copies.getOrDefault(SchemaNames.key(dropped.table()), Map.of());
            Map<String, String> notes = new LinkedHashMap<>();
            for (String column : dropped.columns()) {
                ColumnCopy copy = ofTable.get(SchemaNames.key(column));
                if (copy != null && !copy.unchanged() && copy.databases().covers(statement.context().databases())) {
                    notes.put(SchemaNames.key(column), copy.description());
                }
            }
            return Guard.noting(Guard.Kind.CONVERTED_COPY, notes);
        });
    }
}
