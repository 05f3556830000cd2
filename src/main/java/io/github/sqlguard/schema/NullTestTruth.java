package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;

/**
 * WHERE conditions of null tests that hold for every row, given what the replay knows: {@code col IS NOT NULL} on a
 * column declared NOT NULL, {@code col IS NULL} on a column that holds only NULL ({@link NullOnlyColumns}), and
 * {@code x IS NULL OR x IS NOT NULL} on any column, each also written {@code NOT (x IS NULL)}, and an OR one of whose
 * alternatives is such a test. {@code col LIKE '%'} is a null test too: the pattern matches
 * every value, the empty one included, so it fails only where the column is NULL (so are the other tests of
 * {@link EveryTextPatterns}), and so is {@code col >= 0} on a
 * MySQL {@code UNSIGNED} column, which holds no number below zero, and {@code id > 0} on a column the database
 * numbers from 1 upwards ({@code AUTO_INCREMENT}, {@code IDENTITY}, {@code serial}): the way to delete every row
 * that MySQL's safe-updates mode lets through.
 */
final class NullTestTruth {

    /**
     * A test of {@code column}: for NOT NULL ({@code col IS NOT NULL}, {@code col LIKE '%'}) or for NULL, as written;
     * or a lower bound ({@code col >= 0}), which holds for every value of some columns only.
     */
    private record NullTest(boolean notNull, String column, String written, LowerBound bound) {

        NullTest(boolean notNull, String column, String written) {
            this(notNull, column, written, null);
        }

        boolean isBound() {
            return bound != null;
        }
    }

    /** {@code >= value} or, when {@code strict}, {@code > value} or {@code <> value}. */
    private record LowerBound(double value, boolean strict) {

        /** True when every number from {@code lowest} upwards passes. */
        boolean passesFrom(double lowest) {
            return strict ? value < lowest : value <= lowest;
        }
    }

    private NullTestTruth() {
    }

    /** The reason the condition holds for every row, or empty when it may not. */
    static Optional<String> alwaysTrue(WhereTokens where, SchemaFacts facts, NullOnlyColumns onlyNull,
            Dialect dialect) {
        return everyTermAlwaysTrue(where.condition(), new Judged(where, facts, onlyNull, dialect));
    }

    /** What a condition is judged by: the statement, what the replay knows before it, and its dialect. */
    private record Judged(WhereTokens where, SchemaFacts facts, NullOnlyColumns onlyNull, Dialect dialect) {

        /**
         * MySQL and SQLite read a number as a truth value, so {@code WHERE id} keeps the rows whose id is not 0;
         * the other databases refuse a column that is not boolean there.
         */
        boolean numbersAreTruths() {
            return dialect == Dialect.MYSQL || dialect == Dialect.MARIADB || dialect == Dialect.SQLITE;
        }

        /** True when {@code name} stands for the rowid of a SQLite target that has no column for it. */
        boolean hiddenRowid(String name) {
            return facts.before().table(where.table()).filter(table -> table.hiddenRowidFrom() != null
                    && RowidKeys.namesRowid(table, name, dialect)).isPresent();
        }

        /** The column of the target {@code name} stands for, a rowid name ({@link RowidKeys}) included. */
        Optional<Column> column(String name) {
            return facts.before().column(where.table(), name).or(() -> facts.before().table(where.table())
                    .flatMap(table -> RowidKeys.column(table, name, dialect))
                    .flatMap(key -> facts.before().column(where.table(), key.name()).or(() -> Optional.of(key))));
        }
    }

    /** The reasons every AND term of {@code condition} holds for every row, or empty when one may not. */
    private static Optional<String> everyTermAlwaysTrue(List<Token> condition, Judged judged) {
        return EveryAndTerm.reason(condition, term -> alwaysTrueTerm(term, judged));
    }

    private static Optional<String> alwaysTrueTerm(List<Token> term, Judged judged) {
        WhereTokens where = judged.where();
        List<Token> inner = WhereJudgement.unwrapped(term);
        List<List<Token>> alternatives = WhereJudgement.split(inner, "OR");
        if (alternatives.size() == 2) {
            Optional<NullTest> a = nullTest(alternatives.get(0), false);
            Optional<NullTest> b = nullTest(alternatives.get(1), false);
            if (a.isPresent() && b.isPresent() && a.get().column().equals(b.get().column())
                    && a.get().notNull() != b.get().notNull() && !a.get().isBound() && !b.get().isBound()) {
                return Optional.of(a.get().column() + " " + a.get().written() + " OR " + b.get().written()
                        + " holds for every value");
            }
        }
        Optional<String> everyValue = EnumCoverage.reason(alternatives, where, judged.facts());
        if (everyValue.isPresent()) {
            return everyValue;
        }
        if (alternatives.size() > 1) {
            // One alternative that holds for every row makes the whole OR hold (note = 'x' OR id IS NOT NULL).
            for (List<Token> alternative : alternatives) {
                Optional<String> reason = everyTermAlwaysTrue(WhereJudgement.unwrapped(alternative), judged);
                if (reason.isPresent()) {
                    return reason;
                }
            }
            return Optional.empty();
        }
        Optional<NullTest> test = nullTest(inner, judged.numbersAreTruths());
        if (test.isEmpty()) {
            return Optional.empty();
        }
        String column = test.get().column();
        if (!where.namesTarget(column)) {
            return Optional.empty();
        }
        int dot = column.lastIndexOf('.');
        String name = dot < 0 ? column : column.substring(dot + 1);
        String holds = ", so " + (test.get().written().isEmpty() ? "WHERE " + name + ", which keeps every row whose "
                + name + " is not 0," : name + " " + test.get().written()) + " holds for every row";
        if (!test.get().notNull()) {
            return judged.onlyNull().whyOnlyNull(where.table(), name).map(why -> why + holds);
        }
        LowerBound bound = test.get().bound();
        if (bound != null) {
            Optional<Column> known = judged.column(name);
            if (known.filter(c -> c.numberedFrom() != null && bound.passesFrom(c.numberedFrom())).isPresent()) {
                String alias = judged.hiddenRowid(name) ? name + " is the rowid SQLite keeps hidden in a table "
                        + "without an INTEGER PRIMARY KEY, which " : known.get().name().equalsIgnoreCase(name) ? ""
                                : name + " is " + known.get().name() + ", which ";
                return Optional.of(alias + (alias.isEmpty() ? known.get().name() + " " : "")
                        + "is numbered by the database from " + known.get().numberedFrom() + " up" + holds
                        + " it numbered");
            }
            return known.filter(c -> c.notNull() && judged.dialect().hasUnsignedIntegers()
                            && c.type().map(SqlType::unsigned).orElse(false) && bound.passesFrom(0))
                    .map(c -> c.name() + " is declared UNSIGNED NOT NULL" + holds);
        }
        return judged.facts().before().column(where.table(), name).filter(Column::notNull)
                .map(c -> c.name() + " is declared NOT NULL" + holds);
    }

    /**
     * {@code x >= 0}, {@code x > 0} and their mirror images ({@code 0 <= x}): a lower bound, which no number of a
     * MySQL {@code UNSIGNED} column or of a column the database numbers may fall below; and {@code x <> 0}, which
     * every number above 0 passes.
     */
    private static Optional<NullTest> lowerBoundTest(List<Token> term) {
        if (term.isEmpty()) {
            return Optional.empty();
        }
        SchemaNames.Read name = SchemaNames.name(term, 0);
        if (name != null && name.next() < term.size() && term.get(name.next()).type() == TokenType.SYMBOL) {
            String operator = term.get(name.next()).text();
            List<Token> bound = term.subList(name.next() + 1, term.size());
            return rangeTest(name.text(), operator, bound, operator + " " + written(bound));
        }
        for (int i = 1; i < term.size(); i++) {
            if (term.get(i).isSymbol("<=") || term.get(i).isSymbol("<") || isInequality(term.get(i))) {
                SchemaNames.Read mirrored = SchemaNames.name(term, i + 1);
                if (mirrored == null || mirrored.next() != term.size()) {
                    return Optional.empty();
                }
                String operator = isInequality(term.get(i)) ? term.get(i).text()
                        : term.get(i).isSymbol("<=") ? ">=" : ">";
                List<Token> bound = term.subList(0, i);
                return rangeTest(mirrored.text(), operator, bound, operator + " " + written(bound));
            }
        }
        return Optional.empty();
    }

    private static Optional<NullTest> rangeTest(String column, String operator, List<Token> bound, String written) {
        Optional<Double> value = SignedNumbers.value(bound);
        boolean atLeast = operator.equals(">=");
        if (value.isEmpty() || !atLeast && !operator.equals(">") && !operator.equals("<>") && !operator.equals("!=")) {
            return Optional.empty();
        }
        return Optional.of(new NullTest(true, column, written, new LowerBound(value.get(), !atLeast)));
    }

    private static boolean isInequality(Token token) {
        return token.isSymbol("<>") || token.isSymbol("!=");
    }

    /** A bound as written, its minus sign joined to the number. */
    private static String written(List<Token> bound) {
        return String.join("", bound.stream().map(Token::text).toList());
    }

    /**
     * {@code x IS [NOT] NULL} or {@code x LIKE '%'} on a plain (qualified) name, also a null test behind {@code NOT}
     * ({@code NOT (x IS NULL)}, {@code NOT x IS NULL}, which SQL reads as {@code NOT (x IS NULL)}): the other test.
     */
    private static Optional<NullTest> nullTest(List<Token> tokens, boolean numbersAreTruths) {
        List<Token> term = WhereJudgement.unwrapped(tokens);
        if (term.size() > 1 && term.get(0).isWord("NOT")) {
            // Only IS [NOT] NULL turns into its opposite: NOT (x LIKE '%') holds for no row, NOT (x >= 0) for few.
            return nullTest(term.subList(1, term.size()), false)
                    .filter(test -> !test.isBound() && test.written().startsWith("IS "))
                    .map(test -> new NullTest(!test.notNull(), test.column(),
                            test.notNull() ? "IS NULL" : "IS NOT NULL"));
        }
        SchemaNames.Read name = SchemaNames.name(term, 0);
        if (numbersAreTruths && name != null && name.next() == term.size()) {
            // WHERE id: true for every number but 0, as id <> 0 is; written empty, for the message to say so
            return Optional.of(new NullTest(true, name.text(), "", new LowerBound(0, true)));
        }
        Optional<NullTest> range = lowerBoundTest(term);
        if (range.isPresent() || name == null || name.next() + 1 >= term.size()) {
            return range;
        }
        int i = name.next();
        String pattern = EveryTextPatterns.written(term, i);
        if (pattern != null) {
            return Optional.of(new NullTest(true, name.text(), pattern));
        }
        if (!term.get(i).isWord("IS")) {
            return Optional.empty();
        }
        i++;
        boolean not = term.get(i).isWord("NOT");
        i += not ? 1 : 0;
        if (i + 1 != term.size() || !term.get(i).isWord("NULL")) {
            return Optional.empty();
        }
        return Optional.of(new NullTest(not, name.text(), not ? "IS NOT NULL" : "IS NULL"));
    }
}
