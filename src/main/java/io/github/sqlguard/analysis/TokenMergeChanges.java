package io.github.sqlguard.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UPDATE and DELETE actions of a MERGE from its tokens (T-SQL, Oracle, PostgreSQL 15+, DB2):
 * {@code MERGE [INTO] target [[AS] alias] USING source ON condition} followed by
 * {@code WHEN [NOT] MATCHED [BY SOURCE | BY TARGET] [AND condition] THEN action} clauses. An action under
 * {@code WHEN MATCHED} touches the target rows the ON condition matches; one under
 * {@code WHEN NOT MATCHED BY SOURCE} touches every target row the source does not hold. INSERT and
 * {@code DO NOTHING} actions change no existing row.
 */
final class TokenMergeChanges {

    private final StatementTokens tokens;
    private final int end;

    private TokenMergeChanges(StatementTokens tokens, int end) {
        this.tokens = tokens;
        this.end = end;
    }

    /** The changes of the MERGE whose verb is at {@code start}, up to {@code end}. */
    static List<DataChange> in(StatementTokens tokens, int start, int end) {
        return new TokenMergeChanges(tokens, end).changes(start);
    }

    private List<DataChange> changes(int start) {
        List<DataChange> found = new ArrayList<>();
        int i = tokens.skipWords(tokens.skipTop(start + 1), "INTO");
        ObjectNames.NameAt target = tokens.nameAt(i);
        List<String> tables = target == null ? List.of() : List.of(target.text());
        List<Integer> clauses = clauseStarts(i);
        if (clauses.isEmpty()) {
            return found;
        }
        // T-SQL's source may itself be a join with its own ON: the MERGE's condition is the last ON before WHEN.
        int on = lastTopLevelWord(i, clauses.get(0), "ON");
        boolean everyRowMatches = on >= 0 && isAlwaysTrue(on + 1, clauses.get(0));
        for (int c = 0; c < clauses.size(); c++) {
            int clauseEnd = c + 1 < clauses.size() ? clauses.get(c + 1) : actionsEnd(clauses.get(c));
            readClause(clauses.get(c), clauseEnd, tables, everyRowMatches, found);
        }
        return found;
    }

    /** {@code WHEN [NOT] MATCHED [BY SOURCE | BY TARGET] [AND condition] THEN action}, in {@code [when, to)}. */
    private void readClause(int when, int to, List<String> tables, boolean everyRowMatches, List<DataChange> found) {
        int then = topLevelWord(when + 1, to, "THEN");
        if (then < 0) {
            return;
        }
        boolean not = tokens.isWord(when + 1, "NOT");
        int afterMatched = when + (not ? 3 : 2);
        boolean bySource = not && tokens.isWord(afterMatched, "BY") && tokens.isWord(afterMatched + 1, "SOURCE");
        if (not && !bySource) {
            return; // WHEN NOT MATCHED [BY TARGET]: only INSERT is allowed
        }
        int and = topLevelWord(when + 1, then, "AND");
        Condition clause = and < 0 ? Condition.ABSENT : condition(and + 1, then);
        int action = then + 1;
        if (bySource) {
            // Every target row the source lacks, narrowed only by the clause's own AND condition.
            if (tokens.isWord(action, "UPDATE", "DELETE")) {
                found.add(new DataChange(tokens.tokens().get(action).upper(), tables, true, clause.fact,
                        tokens.tokens().get(action), RowSelection.MERGE_NOT_MATCHED_BY_SOURCE));
            }
            return;
        }
        boolean clauseKeepsAll = everyRowMatches && clause != Condition.PRESENT;
        if (tokens.isWord(action, "DELETE")) {
            found.add(matched(action, tables, clauseKeepsAll));
        } else if (tokens.isWord(action, "UPDATE")) {
            // Oracle: UPDATE SET .. [WHERE c] [DELETE WHERE c]; the DELETE removes rows the UPDATE just changed.
            int delete = topLevelWord(action + 1, to, "DELETE");
            int updateEnd = delete < 0 ? to : delete;
            int where = topLevelWord(action + 1, updateEnd, "WHERE");
            boolean updateKeepsAll = clauseKeepsAll && (where < 0 || isAlwaysTrue(where + 1, updateEnd));
            found.add(matched(action, tables, updateKeepsAll));
            if (delete >= 0) {
                int deleteWhere = topLevelWord(delete + 1, to, "WHERE");
                boolean deleteKeepsAll = updateKeepsAll && (deleteWhere < 0 || isAlwaysTrue(deleteWhere + 1, to));
                found.add(matched(delete, tables, deleteKeepsAll));
            }
        }
    }

    private DataChange matched(int verb, List<String> tables, boolean everyRow) {
        return new DataChange(tokens.tokens().get(verb).upper(), tables, false,
                everyRow ? WhereFact.ALWAYS_TRUE : WhereFact.PRESENT, tokens.tokens().get(verb),
                RowSelection.MERGE_MATCHED);
    }

    /** What a clause's condition says: absent, holding for every row, or depending on the row. */
    private enum Condition {
        ABSENT(WhereFact.ABSENT), ALWAYS_TRUE(WhereFact.ALWAYS_TRUE), PRESENT(WhereFact.PRESENT);

        private final WhereFact fact;

        Condition(WhereFact fact) {
            this.fact = fact;
        }
    }

    private Condition condition(int from, int to) {
        return isAlwaysTrue(from, to) ? Condition.ALWAYS_TRUE : Condition.PRESENT;
    }

    private boolean isAlwaysTrue(int from, int to) {
        return from < to && TokenConditionTruth.of(tokens, from, to) == Truth.ALWAYS_TRUE;
    }

    /** The top-level WHEN words that start the MERGE's clauses, after the target at {@code from}. */
    private List<Integer> clauseStarts(int from) {
        List<Integer> starts = new ArrayList<>();
        for (int i = topLevelWord(from, end, "WHEN"); i >= 0; i = topLevelWord(i + 1, end, "WHEN")) {
            if (tokens.isWord(i + 1, "MATCHED") || tokens.isWord(i + 1, "NOT")) {
                starts.add(i);
            }
        }
        return starts;
    }

    /** Where the last clause's action ends: at T-SQL's OUTPUT or OPTION, PostgreSQL's RETURNING, or the end. */
    private int actionsEnd(int lastClause) {
        int after = topLevelWord(lastClause + 1, end, "OUTPUT", "OPTION", "RETURNING");
        return after < 0 ? end : after;
    }

    /** The first {@code words} in {@code [from, to)} outside parentheses and CASE expressions, or -1. */
    private int topLevelWord(int from, int to, String... words) {
        int depth = 0;
        int caseDepth = 0;
        for (int i = from; i < to; i++) {
            if (tokens.isSymbol(i, "(")) {
                depth++;
            } else if (tokens.isSymbol(i, ")")) {
                depth--;
            } else if (depth == 0 && tokens.isWord(i, "CASE")) {
                caseDepth++;
            } else if (depth == 0 && caseDepth > 0 && tokens.isWord(i, "END")) {
                caseDepth--;
            } else if (depth == 0 && caseDepth == 0 && tokens.isWord(i, words)) {
                return i;
            }
        }
        return -1;
    }

    private int lastTopLevelWord(int from, int to, String word) {
        int last = -1;
        for (int i = topLevelWord(from, to, word); i >= 0; i = topLevelWord(i + 1, to, word)) {
            last = i;
        }
        return last;
    }
}
