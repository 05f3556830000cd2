package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether an UPDATE's SET list assigns values that read no column ({@code SET total = 0, note = NULL}). A join
 * that only ties each row to its related row limits nothing, yet an UPDATE that copies the related row's columns
 * ({@code SET o.name = c.name}) is a backfill, which is what such joins are written for; one that assigns the
 * same value to every row is an UPDATE whose filter on the joined table was forgotten.
 */
final class SetValues {

    /** Words that are a value, not a column: literals and the niladic functions SQL spells without parentheses. */
    /** The functions that give their first argument unless it is NULL: SQL's COALESCE and its dialects' kin. */
    private static final String[] NULL_FILLS = {"COALESCE", "IFNULL", "NVL", "ISNULL"};

    private static final Set<String> VALUE_WORDS = Set.of("NULL", "TRUE", "FALSE", "DEFAULT", "CURRENT_TIMESTAMP",
            "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "SYSDATE", "SYSTIMESTAMP",
            "CURRENT_USER", "USER");

    private SetValues() {
    }

    /**
     * True when the SET list in {@code [from, to)} reads nothing of the joined rows, so each row the join reaches
     * gets the same values: it names only columns of {@code targets}, or, in T-SQL's {@code UPDATE .. SET .. FROM}
     * ({@code setNamesTargetOnly}: its SET can only name the target's columns), its values read no column at all.
     */
    static boolean readNothingJoined(StatementTokens tokens, int from, int to, List<String> targets,
            boolean setNamesTargetOnly) {
        return OtherTablesCondition.namesOnlyTables(tokens, from, to, targets)
                || setNamesTargetOnly && readNoColumn(tokens, from, to);
    }

    /**
     * True when every value the assignments in {@code [from, to)} give is made of literals, variables and
     * function calls only; false as soon as one names anything else, or an assignment cannot be read.
     */
    static boolean readNoColumn(StatementTokens tokens, int from, int to) {
        int i = from;
        while (i < to) {
            int end = tokens.firstTopLevelComma(i, to);
            int equals = i;
            while (equals < end && !tokens.isSymbol(equals, "=")) {
                equals++;
            }
            if (equals == end) {
                return false;
            }
            for (int k = equals + 1; k < end; k++) {
                if (!isValuePart(tokens, k)) {
                    return false;
                }
            }
            i = end + 1;
        }
        return i > from;
    }

    private static boolean isValuePart(StatementTokens tokens, int at) {
        Token token = tokens.tokens().get(at);
        return switch (token.type()) {
            case STRING, NUMBER, SYMBOL -> true;
            // T-SQL @variable, or a function's name.
            case WORD -> token.text().startsWith("@") || VALUE_WORDS.contains(token.upper())
                    || tokens.isSymbol(at + 1, "(");
            default -> false;
        };
    }

    /**
     * True when every assignment in {@code [from, to)} keeps the column's stored value: gives it its own value
     * ({@code SET c = c}, {@code SET t.c = t.c}), or gives one only where it holds NULL ({@code SET c = COALESCE(c,
     * 0)}, also IFNULL, NVL and T-SQL's ISNULL), as {@code SET c = 0 WHERE c IS NULL} would. An unqualified value
     * names the assigned column itself: were it also a column of a joined table, the databases would refuse it as
     * ambiguous. A T-SQL assignment of a variable alone ({@code SET @last = total}) writes no column at all.
     */
    static boolean writeBackOwnValuesOnly(StatementTokens tokens, int from, int to) {
        int i = from;
        while (i < to) {
            int start = VariableSetTargets.columnAssignmentStart(tokens.tokens(), i, tokens.firstTopLevelComma(i, to));
            if (start < 0) { // reads the row into a variable
                i = tokens.firstTopLevelComma(i, to) + 1;
                continue;
            }
            ObjectNames.NameAt column = tokens.nameAt(start);
            if (column == null || column.next() >= to || !tokens.isSymbol(column.next(), "=")) {
                return false;
            }
            int end = tokens.firstTopLevelComma(column.next(), to);
            if (!keepsStoredValue(tokens, column.text(), column.next() + 1, end)) {
                return false;
            }
            i = end + 1;
        }
        return i > from;
    }

    /**
     * True when the value in {@code [at, end)} is {@code column} itself, a fill of its NULLs only, or a CASE that
     * keeps it in every row no WHEN picks.
     */
    private static boolean keepsStoredValue(StatementTokens tokens, String column, int at, int end) {
        ObjectNames.NameAt value = tokens.nameAt(at);
        if (value != null && value.next() == end && readsOwnValue(column, value.text())) {
            return true;
        }
        if (keepsValueOutsideWhens(tokens, column, at, end) || keepsValueOutsideDecode(tokens, column, at, end)
                || changesListedElementsOnly(tokens, column, at, end)) {
            return true;
        }
        if (at + 1 >= end || !tokens.tokens().get(at).isAnyWord(NULL_FILLS) || !tokens.isSymbol(at + 1, "(")
                || tokens.closingParen(at + 1) != end - 1) {
            return false;
        }
        ObjectNames.NameAt first = tokens.nameAt(at + 2);
        return first != null && tokens.isSymbol(first.next(), ",") && readsOwnValue(column, first.text());
    }

    /**
     * True when the value in {@code [at, end)} is a CASE (in parentheses or not) whose ELSE is {@code column} itself
     * and whose WHENs each pick some rows only: {@code SET state = CASE WHEN state = 'a' THEN 'b' ELSE state END}
     * changes the rows {@code WHERE state = 'a'} would, and keeps the others' values, as upgrade scripts rename
     * values. A WHEN that holds for every row, or may ({@code WHEN 1 = 1}, {@code CASE 1 WHEN 1}), does not.
     */
    private static boolean keepsValueOutsideWhens(StatementTokens tokens, String column, int at, int end) {
        int first = at;
        int last = end;
        while (tokens.isSymbol(first, "(") && tokens.closingParen(first) == last - 1) {
            first++;
            last--;
        }
        if (last - first < 6 || !tokens.isWord(first, "CASE") || !tokens.isWord(last - 1, "END")) {
            return false;
        }
        List<Integer> whens = new ArrayList<>();
        List<Integer> thens = new ArrayList<>();
        int otherwise = -1;
        int depth = 0;
        for (int k = first + 1; k < last - 1; k++) {
            if (tokens.isSymbol(k, "(") || tokens.isWord(k, "CASE")) {
                depth++;
            } else if (tokens.isSymbol(k, ")") || tokens.isWord(k, "END")) {
                depth--;
            } else if (depth == 0 && tokens.isWord(k, "WHEN")) {
                whens.add(k);
            } else if (depth == 0 && tokens.isWord(k, "THEN")) {
                thens.add(k);
            } else if (depth == 0 && tokens.isWord(k, "ELSE")) {
                otherwise = k;
            }
        }
        ObjectNames.NameAt kept = otherwise < 0 ? null : tokens.nameAt(otherwise + 1);
        if (depth != 0 || kept == null || kept.next() != last - 1 || !readsOwnValue(column, kept.text())
                || whens.isEmpty() || whens.size() != thens.size() || otherwise < thens.get(thens.size() - 1)) {
            return false;
        }
        boolean simple = whens.get(0) != first + 1;
        if (simple) {
            // CASE c WHEN 'a' THEN ..: the operand must be a column, each WHEN a literal it is compared with.
            ObjectNames.NameAt operand = tokens.nameAt(first + 1);
            if (operand == null || operand.next() != whens.get(0)) {
                return false;
            }
        }
        for (int w = 0; w < whens.size(); w++) {
            int from = whens.get(w) + 1;
            int to = thens.get(w);
            if (to <= from || w > 0 && whens.get(w) < thens.get(w - 1)) {
                return false;
            }
            boolean picksSome = simple ? literalsOnly(tokens, from, to)
                    : TokenConditionTruth.of(tokens, from, to) != Truth.ALWAYS_TRUE
                            && !TokenConditionTruth.hasUndecidedLiteralTerm(tokens, from, to);
            if (!picksSome) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the value in {@code [at, end)} is Oracle's and H2's {@code DECODE(c, 'a', 'b', .., c)}: the simple
     * CASE of {@code column} itself with literal search values and the column as its default, which changes only the
     * rows holding one of them.
     */
    private static boolean keepsValueOutsideDecode(StatementTokens tokens, String column, int at, int end) {
        if (at + 1 >= end || !tokens.isWord(at, "DECODE") || !tokens.isSymbol(at + 1, "(")
                || tokens.closingParen(at + 1) != end - 1) {
            return false;
        }
        List<Integer> starts = new ArrayList<>();
        for (int k = at + 2; k < end; k = tokens.firstTopLevelComma(k, end - 1) + 1) {
            starts.add(k);
        }
        int count = starts.size();
        if (count < 4 || count % 2 != 0) {
            return false; // without a default, DECODE gives NULL to every row no search value picks
        }
        starts.add(end);
        for (int a = 1; a < count - 1; a += 2) {
            if (!literalsOnly(tokens, starts.get(a), starts.get(a + 1) - 1)) {
                return false;
            }
        }
        return namesOnly(tokens, column, starts.get(0), starts.get(1) - 1)
                && namesOnly(tokens, column, starts.get(count - 1), end - 1);
    }

    private static boolean namesOnly(StatementTokens tokens, String column, int from, int to) {
        ObjectNames.NameAt name = tokens.nameAt(from);
        return name != null && name.next() == to && readsOwnValue(column, name.text());
    }

    /**
     * True when the value in {@code [at, end)} is PostgreSQL's {@code array_replace(c, 'a', 'b')} or {@code
     * array_remove(c, 'a')} of {@code column} itself with literal elements (each maybe cast, {@code 'a'::"Role"}):
     * it changes only the lists that hold {@code 'a'}, as {@code WHERE 'a' = ANY (c)} would pick them, the way a CASE
     * that maps one value keeps the others, and scripts move a value out of an enum list so.
     */
    private static boolean changesListedElementsOnly(StatementTokens tokens, String column, int at, int end) {
        if (at + 1 >= end || !tokens.tokens().get(at).isAnyWord("ARRAY_REPLACE", "ARRAY_REMOVE")
                || !tokens.isSymbol(at + 1, "(") || tokens.closingParen(at + 1) != end - 1) {
            return false;
        }
        ObjectNames.NameAt list = tokens.nameAt(at + 2);
        if (list == null || !tokens.isSymbol(list.next(), ",") || !readsOwnValue(column, list.text())) {
            return false;
        }
        int next = afterCastLiteral(tokens, list.next() + 1);
        if (tokens.tokens().get(at).isWord("ARRAY_REPLACE")) {
            next = next < 0 || !tokens.isSymbol(next, ",") ? -1 : afterCastLiteral(tokens, next + 1);
        }
        return next == end - 1;
    }

    /** The index after a string or number literal at {@code at} and its optional {@code ::type} cast, or -1. */
    private static int afterCastLiteral(StatementTokens tokens, int at) {
        if (at >= tokens.tokens().size() || tokens.tokens().get(at).type() != TokenType.STRING
                && tokens.tokens().get(at).type() != TokenType.NUMBER) {
            return -1;
        }
        if (!tokens.isSymbol(at + 1, "::")) {
            return at + 1;
        }
        ObjectNames.NameAt type = tokens.nameAt(at + 2);
        return type == null ? -1 : type.next();
    }

    private static boolean literalsOnly(StatementTokens tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            TokenType type = tokens.tokens().get(k).type();
            if (type != TokenType.STRING && type != TokenType.NUMBER) {
                return false;
            }
        }
        return true;
    }

    private static boolean readsOwnValue(String column, String value) {
        String columnLast = ObjectNames.lastPart(column);
        String valueLast = ObjectNames.lastPart(value);
        if (!ObjectNames.normalize(columnLast).equals(ObjectNames.normalize(valueLast))) {
            return false;
        }
        return valueLast.length() == value.length()
                || ObjectNames.normalize(column).equals(ObjectNames.normalize(value));
    }

    /**
     * The qualifiers of the columns the SET list in {@code [from, to)} assigns, each once, in order ({@code o} for
     * {@code SET o.note = 'x', o.state = u.state}); empty when an assigned column is unqualified or unreadable.
     */
    static List<String> assignedTables(StatementTokens tokens, int from, int to) {
        List<String> qualifiers = new ArrayList<>();
        int i = from;
        while (i < to) {
            ObjectNames.NameAt column = tokens.nameAt(i);
            if (column == null || column.next() > to || !tokens.isSymbol(column.next(), "=")) {
                return List.of();
            }
            String last = ObjectNames.lastPart(column.text());
            if (last.length() == column.text().length()) {
                return List.of();
            }
            String qualifier = column.text().substring(0, column.text().length() - last.length() - 1);
            String normalized = ObjectNames.normalize(qualifier);
            if (qualifiers.stream().noneMatch(known -> ObjectNames.normalize(known).equals(normalized))) {
                qualifiers.add(qualifier);
            }
            i = tokens.firstTopLevelComma(column.next(), to) + 1;
        }
        return qualifiers;
    }

    /**
     * The columns the SET list in {@code [from, to)} assigns, as written, when it names none of them by its table
     * ({@code SET total = 0, note = NULL}); empty when one is qualified or an assignment is unreadable.
     */
    static List<String> unqualifiedAssigned(StatementTokens tokens, int from, int to) {
        List<String> columns = new ArrayList<>();
        int i = from;
        while (i < to) {
            ObjectNames.NameAt column = tokens.nameAt(i);
            if (column == null || column.next() > to || !tokens.isSymbol(column.next(), "=")
                    || ObjectNames.lastPart(column.text()).length() != column.text().length()) {
                return List.of();
            }
            columns.add(column.text());
            i = tokens.firstTopLevelComma(column.next(), to) + 1;
        }
        return columns;
    }
}
