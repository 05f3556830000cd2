package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
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
        record(update.derivationsOfEveryValue(), "by an expression that reads it", tokens, line, databases, copies);
        record(update.conversionsOfEveryValue(), "by a cast", tokens, line, databases, copies);
    }

    private static void record(Map<String, String> conversions, String how, List<Token> tokens, String line,
            DatabaseScope databases, Map<String, ColumnCopy> copies) {
        conversions.forEach((source, target) -> {
            ColumnCopy earlier = copies.get(source);
            if (!source.equals(SchemaNames.key(target)) && (earlier == null || !earlier.unchanged())) {
                copies.put(source, new ColumnCopy(SchemaNames.key(target), "values of "
                        + SchemaNames.asWrittenIn(tokens, source) + " converted to " + target + " at " + line
                        + " " + how + ", which may change them", databases, true));
            }
        });
    }

    /**
     * The shortfall note over the columns the ALTER TABLE of {@code statement} drops whose values a cast converted,
     * where it runs; {@code copies} by table, then by column.
     */
    static Optional<Guard> shortfallOf(Statement statement, Map<String, Map<String, ColumnCopy>> copies) {
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
