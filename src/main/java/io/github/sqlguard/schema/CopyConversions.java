package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * The columns a copy by column list ({@code INSERT INTO new_t (id, name) SELECT id, substr(name, 1, 10) FROM t})
 * reads but does not keep as they were: through a function that cuts, rounds or folds a value ({@code substr},
 * {@code lower}, {@code round}, {@code date}), through a cast to a type that cannot hold every value of the column,
 * or into a column of the target whose type cannot ({@code VARCHAR(100)} into {@code VARCHAR(10)}, as the same change
 * by ALTER would be judged). A rebuild that copies a column so changes its values before the old table goes. A
 * column the list also reads as it is, in another item or beside the function, is kept.
 */
final class CopyConversions {

    /**
     * Functions whose result keeps only part of a value: a piece of the text, its case folded, its spaces trimmed,
     * its fraction rounded, its time of day dropped.
     */
    private static final Set<String> LOSSY_FUNCTIONS = Set.of("SUBSTR", "SUBSTRING", "SUBSTRING_INDEX", "LEFT",
            "RIGHT", "MID", "LOWER", "UPPER", "LCASE", "UCASE", "INITCAP", "TRIM", "LTRIM", "RTRIM", "BTRIM",
            "ROUND", "TRUNC", "TRUNCATE", "FLOOR", "CEIL", "CEILING", "DATE", "DATE_TRUNC", "STRFTIME");

    private CopyConversions() {
    }

    /**
     * The source columns the copy at {@code main} converts, by key, each with how ({@code "by substr"}, {@code "by
     * a cast to date"}, {@code "into name varchar(10) (shorter: 100 to 10 characters)"} with what the database then
     * does); empty for a statement that is no copy by column list.
     */
    static Map<String, Conversion> of(List<Token> tokens, int main, SchemaView before, Dialect dialect,
            boolean selectIntoMakesTable) {
        Optional<ColumnListCopy.SelectList> list = ColumnListCopy.selectList(tokens, main, selectIntoMakesTable);
        if (list.isEmpty()) {
            return Map.of();
        }
        String source = list.get().source();
        List<String> targetColumns = targetColumns(list.get(), before);
        Map<String, Conversion> converted = new LinkedHashMap<>();
        Set<String> asTheyAre = new HashSet<>();
        List<List<Token>> items = list.get().items();
        for (int k = 0; k < items.size(); k++) {
            List<Token> value = ParenthesisedValues.unwrapped(items.get(k));
            Optional<String> column = columnAlone(value).filter(c -> before.column(source, c).isPresent());
            Optional<Conversion> cast = castConversion(value, source, before, dialect);
            if (cast.isPresent()) {
                converted.putIfAbsent(SchemaNames.key(columnAlone(TextCasts.anyCastOperand(value)).orElseThrow()),
                        cast.get());
                continue;
            }
            if (column.isPresent() && k < targetColumns.size()) {
                Optional<Conversion> narrowed = narrowing(source, column.get(), list.get().target(), targetColumns.get(k),
                        before, dialect);
                if (narrowed.isPresent()) {
                    converted.putIfAbsent(SchemaNames.key(column.get()), narrowed.get());
                    continue;
                }
            }
            readThroughFunctions(value, source, before, converted, asTheyAre);
        }
        asTheyAre.forEach(converted::remove);
        return Map.copyOf(converted);
    }

    /**
     * The columns of {@code source} a copy of every column in their order ({@code INSERT INTO target SELECT * FROM
     * source}) converts into the narrower columns of {@code target} at the same places, or puts into a column of
     * another name while {@code target} has one of theirs elsewhere (the same columns in another order, which the
     * copy fills by position), by key, each with how; empty unless the replay knows both tables in full with as many
     * columns. {@code targetOrder} is the INSERT's column list, empty when it has none and the table's order counts.
     */
    static Map<String, Conversion> ofEveryColumn(String source, String target, List<String> targetOrder,
            SchemaView before, Dialect dialect) {
        Optional<Table> from = before.table(source).filter(Table::complete);
        Optional<Table> to = before.table(target).filter(Table::complete);
        if (from.isEmpty() || to.isEmpty()) {
            return Map.of();
        }
        List<String> sourceColumns = from.get().columns().values().stream().map(Column::name).toList();
        List<String> tableOrder = to.get().columns().values().stream().map(Column::name).toList();
        List<String> targetColumns = targetOrder.isEmpty() ? tableOrder : targetOrder;
        if (sourceColumns.size() != targetColumns.size()) {
            return Map.of();
        }
        Set<String> targetKeys = tableOrder.stream().map(SchemaNames::key).collect(Collectors.toSet());
        Map<String, Conversion> converted = new LinkedHashMap<>();
        for (int k = 0; k < sourceColumns.size(); k++) {
            String column = sourceColumns.get(k);
            String into = targetColumns.get(k);
            if (!SchemaNames.key(column).equals(SchemaNames.key(into))
                    && targetKeys.contains(SchemaNames.key(column))) {
                converted.put(SchemaNames.key(column), Conversion.intoOtherColumn(SchemaNames.unquoted(into),
                        ": SELECT * fills columns by position, and " + target + " has " + column + " elsewhere"));
                continue;
            }
            narrowing(source, column, target, into, before, dialect)
                    .ifPresent(how -> converted.put(SchemaNames.key(column), how));
        }
        return Map.copyOf(converted);
    }

    /**
     * The columns {@code update} copies as they are into a column of the same table whose type cannot hold every
     * value of theirs ({@code SET name_short = name}, a {@code VARCHAR(10)} filled from a {@code VARCHAR(100)}), by
     * key, each with how.
     */
    static Map<String, Conversion> ofUpdate(ColumnWrites.Update update, SchemaView before, Dialect dialect) {
        Map<String, Conversion> converted = new LinkedHashMap<>();
        update.copies().forEach((source, target) -> {
            // A copy into a JSON column is a value of the object it builds (JsonObjectValues), kept whole
            boolean intoJson = before.columnType(update.table(), target)
                    .filter(type -> TypeFamily.of(type) == TypeFamily.JSON).isPresent();
            if (!intoJson) {
                narrowing(update.table(), source, update.table(), target, before, dialect)
                        .ifPresent(how -> converted.put(source, how));
            }
        });
        return Map.copyOf(converted);
    }

    /** The target's columns the select list fills, in its order: the INSERT's list, or the table's own order. */
    private static List<String> targetColumns(ColumnListCopy.SelectList list, SchemaView before) {
        if (!list.targetColumns().isEmpty()) {
            return list.targetColumns();
        }
        return before.table(list.target()).filter(Table::complete)
                .map(table -> table.columns().values().stream().map(Column::name).toList()).orElse(List.of());
    }

    /** The column {@code value} is alone, {@code c} or {@code t.c}, else empty. */
    private static Optional<String> columnAlone(List<Token> value) {
        if (value.size() == 1 && isName(value.get(0))) {
            return Optional.of(SchemaNames.unquoted(value.get(0).text()));
        }
        if (value.size() == 3 && isName(value.get(0)) && value.get(1).isSymbol(".") && isName(value.get(2))) {
            return Optional.of(SchemaNames.unquoted(value.get(2).text()));
        }
        return Optional.empty();
    }

    /**
     * {@code "by a cast to date"} when {@code value} casts one column of {@code source} whose type the replay
     * knows to a type that cannot hold every value of it; text of unlimited length and wider types keep them.
     */
    private static Optional<Conversion> castConversion(List<Token> value, String source, SchemaView before,
            Dialect dialect) {
        Optional<String> type = TextCasts.castType(value);
        if (type.isEmpty() || TextCasts.operandOf(value) != value) {
            return Optional.empty();
        }
        Optional<String> column = columnAlone(TextCasts.anyCastOperand(value));
        Optional<SqlType> from = column.flatMap(c -> before.columnType(source, c));
        if (from.isEmpty() || TypeChange.of(from.get(), SqlType.parse(type.get()), dialect).verdict()
                != TypeChange.Verdict.LOSSY) {
            return Optional.empty();
        }
        return Optional.of(Conversion.byCast(type.get()));
    }

    /**
     * How copying {@code column} into {@code targetColumn} of {@code target} changes its values, when the target's
     * type cannot hold every value of the column's: as ALTER to that type would. SQLite keeps any value in any
     * column, whatever length its declared type names, so nothing is cut there; only its type affinity converts
     * some values ({@link SqliteAffinity}).
     */
    private static Optional<Conversion> narrowing(String source, String column, String target, String targetColumn,
            SchemaView before, Dialect dialect) {
        Optional<SqlType> from = before.columnType(source, column);
        Optional<SqlType> to = before.columnType(target, targetColumn);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (dialect == Dialect.SQLITE) {
            return SqliteAffinity.copyChanges(from.get(), to.get()).map(reason -> Conversion.into(
                    new Conversion.Narrowing(SchemaNames.unquoted(targetColumn), to.get().written(), reason),
                    ": SQLite converts such values without an error"));
        }
        TypeChange change = TypeChange.of(from.get(), to.get(), dialect);
        if (change.verdict() != TypeChange.Verdict.LOSSY || holdsOnlyReferencedValues(source, column, to.get(),
                before, dialect)) {
            return Optional.empty();
        }
        boolean mySql = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
        String outcome = change.silent() ? ": the copy changes such values without an error"
                : mySql ? ": without strict mode MySQL cuts or clamps a value that does not fit, in strict mode the copy"
                        + " fails on it" : ": the copy fails on a value that does not fit";
        return Optional.of(Conversion.into(new Conversion.Narrowing(SchemaNames.unquoted(targetColumn),
                to.get().written(), change.reason()), outcome));
    }

    /**
     * True when {@code column} of {@code source} is a PostgreSQL foreign key to a column whose type {@code to} holds
     * whole ({@code gl_id bigint REFERENCES gl (id)} of an {@code int} id, copied into an {@code int}): its values
     * are that column's, so they fit. PostgreSQL checks every row against a key it does not mark {@code NOT VALID};
     * other databases let a session turn the checks off while rows go in.
     */
    private static boolean holdsOnlyReferencedValues(String source, String column, SqlType to, SchemaView before,
            Dialect dialect) {
        return dialect == Dialect.POSTGRESQL && before.referencedType(source, column)
                .map(referenced -> TypeChange.of(referenced, to, dialect).verdict())
                .filter(verdict -> verdict == TypeChange.Verdict.LOSSLESS).isPresent();
    }

    /**
     * Records, of the columns of {@code source} that {@code value} reads, those it reads only inside a function
     * that keeps part of a value ({@code "by lower"}) in {@code converted}, the others in {@code asTheyAre}. A name
     * the value only tests ({@link TestedNames}) is neither.
     */
    private static void readThroughFunctions(List<Token> value, String source, SchemaView before,
            Map<String, Conversion> converted, Set<String> asTheyAre) {
        Set<Integer> tested = TestedNames.in(value, value.size());
        Deque<String> functions = new ArrayDeque<>();
        for (int i = 0; i < value.size(); i++) {
            Token token = value.get(i);
            if (token.isSymbol("(")) {
                boolean lossy = i > 0 && value.get(i - 1).type() == TokenType.WORD
                        && LOSSY_FUNCTIONS.contains(value.get(i - 1).upper());
                functions.push(lossy ? value.get(i - 1).text().toLowerCase(java.util.Locale.ROOT)
                        : functions.isEmpty() ? "" : functions.peek());
                continue;
            }
            if (token.isSymbol(")")) {
                functions.poll();
                continue;
            }
            boolean qualifier = i + 1 < value.size() && value.get(i + 1).isSymbol(".");
            boolean function = i + 1 < value.size() && value.get(i + 1).isSymbol("(");
            if (!isName(token) || qualifier || function || tested.contains(i)
                    || before.column(source, SchemaNames.unquoted(token.text())).isEmpty()) {
                continue;
            }
            String key = SchemaNames.key(token.text());
            String inside = functions.isEmpty() ? "" : functions.peek();
            if (inside.isEmpty()) {
                asTheyAre.add(key);
            } else {
                converted.putIfAbsent(key, Conversion.byFunction(inside));
            }
        }
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }
}
