package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * The partitions SQL Server's {@code TRUNCATE TABLE t WITH (PARTITIONS (2, 4 TO 6))} empties: only those lose
 * their rows, so a finding names them instead of the whole table.
 */
final class TsqlTruncatedPartitions {

    private TsqlTruncatedPartitions() {
    }

    /** The partitions as written ({@code 2}, {@code 4 TO 6}); empty for a TRUNCATE of the whole table. */
    static List<String> of(List<Token> core) {
        Token with = StatementCore.topLevelWord(core, 1, "WITH");
        int at = with == null ? -1 : core.indexOf(with);
        if (at < 0 || at + 3 >= core.size() || !core.get(at + 1).isSymbol("(") || !core.get(at + 2).isWord("PARTITIONS")
                || !core.get(at + 3).isSymbol("(")) {
            return List.of();
        }
        // A range reads as prose: "4 to 6".
        return ObjectNames.callArguments(core, at + 3).stream()
                .map(range -> String.join(" ", range.stream().map(t -> t.isWord("TO") ? "to" : t.text()).toList()))
                .toList();
    }
}
