package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.ClickHouseMutation;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ClickHouse's mutations, {@code ALTER TABLE t [ON CLUSTER c] DELETE [IN PARTITION p] WHERE ..} and
 * {@code ALTER TABLE t UPDATE c = .. [IN PARTITION p] WHERE ..}, as the DELETE and UPDATE they are: ClickHouse
 * rewrites the rows after the migration returns, and only the WHERE limits which ({@code WHERE 1} is every row).
 * Several mutations and other clauses may share one ALTER, separated by commas.
 */
final class ClickHouseMutations {

    private ClickHouseMutations() {
    }

    /** The mutations of {@code tokens}, an ALTER TABLE; empty for any other statement. */
    static List<DataChange> in(StatementTokens tokens) {
        if (!tokens.isWord(0, "ALTER") || !anyMutation(tokens)) {
            // Nearly every DDL statement, foreign keys' ON DELETE CASCADE too: not read into clauses a second time.
            return List.of();
        }
        List<DataChange> found = new ArrayList<>();
        Optional<AlterTableClauses> alter = AlterTableClauses.of(tokens.tokens());
        if (alter.isEmpty() || alter.get().clauses().isEmpty()) {
            return found;
        }
        int end = tokens.size();
        int i = tokens.tokens().indexOf(alter.get().clauses().get(0).get(0));
        while (i >= 0 && i < end) {
            if (!isMutation(tokens, i)) {
                i = tokens.firstTopLevelComma(i, end) + 1;
                continue;
            }
            // An UPDATE's assignments are separated by commas too; the mutation ends with its WHERE condition.
            int where = tokens.indexOfTopLevelWord(i + 1, end, "WHERE");
            if (where < 0) {
                return found;
            }
            int settings = tokens.indexOfTopLevelWord(where + 1, end, "SETTINGS");
            int conditionEnd = tokens.firstTopLevelComma(where + 1, settings < 0 ? end : settings);
            Truth truth = TokenConditionTruth.of(tokens, where + 1, conditionEnd);
            found.add(new DataChange(tokens.tokens().get(i).upper(), List.of(alter.get().table()), false,
                    JoinReach.LIMITING,
                    truth == Truth.ALWAYS_TRUE ? WhereFact.ALWAYS_TRUE : WhereFact.PRESENT, tokens.tokens().get(i),
                    PlaceholderConditions.in(tokens, where + 1, conditionEnd),
                    RowSelection.STATEMENT, List.of(), partition(tokens, i + 1, where)));
            i = conditionEnd + 1;
        }
        return found;
    }

    private static boolean anyMutation(StatementTokens tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (isMutation(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMutation(StatementTokens tokens, int i) {
        return ClickHouseMutation.startsAt(tokens.tokens(), i, tokens.size(), column -> {
            ObjectNames.NameAt name = tokens.nameAt(column);
            return name == null ? -1 : name.next();
        });
    }

    /** The partition of {@code IN PARTITION p} (also {@code ID 'p'}) in {@code [from, to)}, as written, or empty. */
    private static List<String> partition(StatementTokens tokens, int from, int to) {
        int in = tokens.indexOfTopLevelWord(from, to, "IN");
        if (in < 0 || !tokens.isWord(in + 1, "PARTITION") || in + 2 >= to) {
            return List.of();
        }
        Token name = tokens.tokens().get(in + 2);
        return List.of(name.isWord("ID") && in + 3 < to ? "ID " + tokens.tokens().get(in + 3).text() : name.text());
    }
}
