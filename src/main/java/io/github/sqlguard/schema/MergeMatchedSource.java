package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.TokenConditionTruth;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A MERGE whose first {@code WHEN MATCHED} clause deletes or updates with no condition of its own ({@code MERGE INTO
 * t USING s ON t.id = s.id WHEN MATCHED THEN DELETE}, Oracle's {@code UPDATE SET .. DELETE WHERE} whose conditions
 * hold for every row, {@code WHEN MATCHED THEN UPDATE SET ..}), joined ON equalities of target and source columns
 * only, from a source that reads one table without a filter. Such a MERGE is {@code DELETE FROM t WHERE id IN
 * (SELECT id FROM s)}, or the UPDATE of that WHERE, written another way.
 *
 * @param verb DELETE or UPDATE: what the clause does to every row the ON matches
 * @param target the target table as written
 * @param source the table the source reads, the target's columns the ON ties to it and its columns they are tied
 *     to (null for one the source does not select as a plain column)
 * @param setReadsSource for an UPDATE, true when its SET may read the source's row (a column qualified by the
 *     source, or one not qualified at all): a backfill, which gives each row its own value
 */
record MergeMatchedSource(String verb, String target, WhereJudgement.RelatedRow source, boolean setReadsSource) {

    /** The MERGE of {@code tokens} when it is of that shape, else empty. */
    static Optional<MergeMatchedSource> of(List<Token> tokens) {
        return WithQueries.read(tokens).flatMap(with -> read(tokens, with));
    }

    private static Optional<MergeMatchedSource> read(List<Token> tokens, WithQueries with) {
        int i = with.end();
        if (i + 1 >= tokens.size() || !tokens.get(i).isWord("MERGE")) {
            return Optional.empty();
        }
        i = tokens.get(i + 1).isWord("INTO") ? i + 2 : i + 1;
        SchemaNames.Read target = SchemaNames.name(tokens, i);
        if (target == null) {
            return Optional.empty();
        }
        i = target.next();
        if (i + 1 < tokens.size() && tokens.get(i).isWord("WITH") && tokens.get(i + 1).isSymbol("(")) {
            i = ObjectNames.skipParentheses(tokens, i + 1); // T-SQL's table hints, WITH (HOLDLOCK)
        }
        Alias targetAlias = alias(tokens, i, SchemaNames.lastPart(target.text()), "USING");
        i = targetAlias.next;
        if (i + 1 >= tokens.size() || !tokens.get(i).isWord("USING")) {
            return Optional.empty();
        }
        List<Token> source;
        String sourceName;
        if (tokens.get(i + 1).isSymbol("(")) {
            int close = ObjectNames.skipParentheses(tokens, i + 1);
            source = ObjectNames.insideParentheses(tokens, i + 1);
            sourceName = "";
            i = close;
        } else {
            SchemaNames.Read name = SchemaNames.name(tokens, i + 1);
            if (name == null) {
                return Optional.empty();
            }
            source = tokens.subList(i + 1, name.next());
            sourceName = SchemaNames.lastPart(name.text());
            i = name.next();
        }
        Alias sourceAlias = alias(tokens, i, sourceName, "ON");
        i = sourceAlias.next;
        int when = TopLevel.wordIndex(tokens, i, "WHEN");
        Optional<String> verb = i < tokens.size() && tokens.get(i).isWord("ON") && when >= 0
                ? everyMatchChangedBy(tokens, when) : Optional.empty();
        if (verb.isEmpty()) {
            return Optional.empty();
        }
        boolean setReadsSource = verb.get().equals("UPDATE") && setReads(tokens, when, sourceAlias.key);
        List<String> targetColumns = new ArrayList<>();
        List<String> sourceColumns = new ArrayList<>();
        for (List<Token> term : WhereJudgement.split(WhereJudgement.unwrapped(tokens.subList(i + 1, when)), "AND")) {
            if (!pair(WhereJudgement.unwrapped(term), targetAlias.key, sourceAlias.key, targetColumns,
                    sourceColumns)) {
                return Optional.empty();
            }
        }
        return WhereJudgement.unfilteredSource(source, with).map(read -> new MergeMatchedSource(verb.get(),
                SchemaNames.unquoted(target.text()), new WhereJudgement.RelatedRow(read.table(), false,
                        targetColumns, related(sourceColumns, read.relatedColumns())), setReadsSource));
    }

    record Alias(String key, int next) {
    }

    /** {@code [AS] alias} at {@code i}, or the name itself when none is written before {@code nextWord}. */
    static Alias alias(List<Token> tokens, int i, String name, String nextWord) {
        int at = i < tokens.size() && tokens.get(i).isWord("AS") ? i + 1 : i;
        if (at < tokens.size() && SchemaNames.isNamePart(tokens.get(at)) && !tokens.get(at).isWord(nextWord)) {
            return new Alias(SchemaNames.key(tokens.get(at).text()), at + 1);
        }
        return new Alias(SchemaNames.key(name), at);
    }

    /** One {@code t.a = s.b} (either way round) of the ON, its columns added; false for any other term. */
    static boolean pair(List<Token> term, String target, String source, List<String> targetColumns,
            List<String> sourceColumns) {
        SchemaNames.Read left = SchemaNames.name(term, 0);
        if (left == null || left.next() >= term.size() || !term.get(left.next()).isSymbol("=")) {
            return false;
        }
        SchemaNames.Read right = SchemaNames.name(term, left.next() + 1);
        if (right == null || right.next() != term.size()) {
            return false;
        }
        String leftOwner = qualifier(left.text());
        String rightOwner = qualifier(right.text());
        boolean straight = leftOwner.equals(target) && rightOwner.equals(source);
        if (target.equals(source) || !straight && !(leftOwner.equals(source) && rightOwner.equals(target))) {
            return false;
        }
        targetColumns.add(SchemaNames.lastPart((straight ? left : right).text()));
        sourceColumns.add(SchemaNames.lastPart((straight ? right : left).text()));
        return true;
    }

    private static String qualifier(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : SchemaNames.key(SchemaNames.lastPart(name.substring(0, dot)));
    }

    /** The source table's columns behind the ON's source columns: the same names when it selects them all. */
    static List<String> related(List<String> onColumns, List<String> selected) {
        List<String> result = new ArrayList<>();
        for (String column : onColumns) {
            String found = selected.isEmpty() ? column : null;
            for (String candidate : selected) {
                if (candidate != null && SchemaNames.key(SchemaNames.lastPart(candidate))
                        .equals(SchemaNames.key(column))) {
                    found = candidate;
                }
            }
            result.add(found);
        }
        return result;
    }

    /**
     * What the first {@code WHEN MATCHED} clause at or after {@code when} does to every row the ON matches: DELETE
     * for a DELETE with no condition of its own, or Oracle's UPDATE whose WHERE and DELETE WHERE hold for every row;
     * UPDATE for an UPDATE with no condition (or one that holds for every row) and no DELETE; empty for a clause with
     * a condition. A later WHEN MATCHED clause only gets the rows an earlier one's condition left, so only the first
     * counts.
     */
    private static Optional<String> everyMatchChangedBy(List<Token> tokens, int when) {
        int clause = matchedClause(tokens, when);
        if (clause < 0) {
            return Optional.empty();
        }
        int then = TopLevel.wordIndex(tokens, clause, "THEN");
        if (then < 0 || then + 1 >= tokens.size() || then > clause + 2 && !(tokens.get(clause + 2).isWord("AND")
                && TokenConditionTruth.holdsForEveryRow(tokens.subList(clause + 3, then)))) {
            return Optional.empty();
        }
        int end = clauseEnd(tokens, then);
        if (tokens.get(then + 1).isWord("DELETE")) {
            return then + 2 == end ? Optional.of("DELETE") : Optional.empty();
        }
        if (!tokens.get(then + 1).isWord("UPDATE")) {
            return Optional.empty();
        }
        int delete = TopLevel.wordIndex(tokens.subList(0, end), then + 1, "DELETE");
        int where = TopLevel.wordIndex(tokens.subList(0, delete < 0 ? end : delete), then + 1, "WHERE");
        boolean everyUpdated = where < 0
                || TokenConditionTruth.holdsForEveryRow(tokens.subList(where + 1, delete < 0 ? end : delete));
        if (delete < 0) {
            return everyUpdated ? Optional.of("UPDATE") : Optional.empty();
        }
        return everyUpdated && (delete + 1 == end || tokens.get(delete + 1).isWord("WHERE") && delete + 2 < end
                && TokenConditionTruth.holdsForEveryRow(tokens.subList(delete + 2, end)))
                ? Optional.of("DELETE") : Optional.empty();
    }

    /** The first {@code WHEN MATCHED} at or after {@code when}, or -1. */
    private static int matchedClause(List<Token> tokens, int when) {
        int clause = when;
        while (clause >= 0 && !(clause + 1 < tokens.size() && tokens.get(clause + 1).isWord("MATCHED"))) {
            clause = TopLevel.wordIndex(tokens, clause + 1, "WHEN");
        }
        return clause;
    }

    /**
     * True when the SET of the first WHEN MATCHED clause's UPDATE may read the source's row: a value names a column
     * qualified by {@code sourceKey}, or one not qualified, which may be the source's. The column assigned, left of
     * each {@code =}, is the target's.
     */
    private static boolean setReads(List<Token> tokens, int when, String sourceKey) {
        int clause = matchedClause(tokens, when);
        int then = TopLevel.wordIndex(tokens, clause, "THEN");
        int end = clauseEnd(tokens, then);
        int set = TopLevel.wordIndex(tokens.subList(0, end), then + 1, "SET");
        int stop = TopLevel.wordIndex(tokens.subList(0, end), set + 1, "WHERE");
        stop = stop < 0 ? TopLevel.wordIndex(tokens.subList(0, end), set + 1, "DELETE") : stop;
        for (List<Token> assignment : ObjectNames.splitAtCommas(tokens, set + 1, stop < 0 ? end : stop)) {
            int equals = 0;
            while (equals < assignment.size() && !assignment.get(equals).isSymbol("=")) {
                equals++;
            }
            if (equals == assignment.size()) {
                return true;
            }
            for (int i = equals + 1; i < assignment.size(); i++) {
                SchemaNames.Read name = SchemaNames.isNamePart(assignment.get(i)) ? SchemaNames.name(assignment, i)
                        : null;
                if (name == null || name.next() < assignment.size() && assignment.get(name.next()).isSymbol("(")
                        || assignment.get(i).isAnyWord("NULL", "TRUE", "FALSE", "DEFAULT")) {
                    continue;
                }
                String owner = qualifier(name.text());
                if (owner.isEmpty() || owner.equals(sourceKey)) {
                    return true;
                }
                i = name.next() - 1;
            }
        }
        return false;
    }

    /** Where the clause whose THEN is at {@code then} ends: the next clause, OUTPUT, RETURNING, a ; or the end. */
    private static int clauseEnd(List<Token> tokens, int then) {
        for (int i = then + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                i = ObjectNames.skipParentheses(tokens, i) - 1;
            } else if (token.isSymbol(";") || token.isAnyWord("OUTPUT", "RETURNING", "OPTION")
                    || token.isWord("WHEN") && i + 1 < tokens.size() && tokens.get(i + 1).isAnyWord("MATCHED", "NOT")) {
                return i;
            }
        }
        return tokens.size();
    }
}
