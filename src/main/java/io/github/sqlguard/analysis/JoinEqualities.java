package io.github.sqlguard.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The equalities of two qualified columns that a join's conditions are made of, joined by AND ({@code c.id =
 * o.customer_id}, {@code a.email = b.email AND a.name = b.name}): what ties each row of one table to its related
 * rows of the other, and filters nothing else. {@link JoinedTables} turns them into {@link KeyLink}s.
 */
final class JoinEqualities {

    /** Each equality as {left, right}, as written. */
    private final List<String[]> equalities = new ArrayList<>();

    /**
     * Reads the condition {@code [from, to)} of {@code tokens} as equalities of two different qualified columns
     * joined by AND, and keeps them; false, keeping none, when any term is something else (a term that always
     * holds, {@code AND 1 = 1}, keeps every pair the others keep). Both sides must be qualified, so that a word
     * such as TRUE is never a column.
     */
    boolean addConjunction(StatementTokens tokens, int from, int to) {
        List<String[]> found = new ArrayList<>();
        for (int[] term : TokenConditionTruth.andTerms(tokens, from, to)) {
            if (TokenConditionTruth.of(tokens, term[0], term[1]) == Truth.ALWAYS_TRUE) {
                continue;
            }
            ColumnEquality equality = ColumnEquality.at(tokens.tokens(), term[0]);
            if (equality == null || equality.next() != term[1] || !qualified(equality.left())
                    || !qualified(equality.right())
                    || ObjectNames.normalize(equality.left()).equals(ObjectNames.normalize(equality.right()))) {
                return false;
            }
            found.add(new String[] {equality.left(), equality.right()});
        }
        equalities.addAll(found);
        return true;
    }

    /** Keeps {@code left = right}, two qualified columns as written. */
    void add(String left, String right) {
        equalities.add(new String[] {left, right});
    }

    /** Keeps the equalities of {@code other} too (those of a parenthesised join). */
    void addAll(JoinEqualities other) {
        equalities.addAll(other.equalities);
    }

    boolean isEmpty() {
        return equalities.isEmpty();
    }

    /**
     * The link from the table at {@code target} to the other of two tables ({@code tables} as written, by entry),
     * {@code entryOf} telling which entry a qualifier denotes; null when an equality does not pair a column of each.
     */
    KeyLink linkOf(int target, ToIntFunction<String> entryOf, List<String> tables) {
        List<String> columns = new ArrayList<>();
        List<String> joinedColumns = new ArrayList<>();
        for (String[] equality : equalities) {
            int left = entryOf.applyAsInt(qualifierOf(equality[0]));
            int right = entryOf.applyAsInt(qualifierOf(equality[1]));
            if (left < 0 || right < 0 || left == right) {
                return null;
            }
            int side = target == left ? 0 : 1;
            columns.add(ObjectNames.lastPart(equality[side]));
            joinedColumns.add(ObjectNames.lastPart(equality[1 - side]));
        }
        return new KeyLink(tables.get(target), columns, tables.get(1 - target), joinedColumns);
    }

    private static boolean qualified(String name) {
        return ObjectNames.lastPart(name).length() < name.length();
    }

    private static String qualifierOf(String column) {
        String last = ObjectNames.lastPart(column);
        return ObjectNames.normalize(column.substring(0, Math.max(0, column.length() - last.length() - 1)));
    }
}
