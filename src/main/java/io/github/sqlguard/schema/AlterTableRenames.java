package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an ALTER TABLE renames, so that what the schema readers know of a table or a column stays with its new
 * name: the table itself ({@code RENAME TO b}), or columns ({@code RENAME [COLUMN] a TO b}, H2's {@code
 * ALTER COLUMN a RENAME TO b}, MySQL's {@code CHANGE [COLUMN] a b type}).
 */
final class AlterTableRenames {

    private AlterTableRenames() {
    }

    /** True when the ALTER TABLE at {@code main} renames the table itself ({@code RENAME TO b}). */
    static boolean renamesTable(List<Token> tokens, int main) {
        for (List<Token> clause : clauses(tokens, main)) {
            for (int k = 0; k + 1 < clause.size(); k++) {
                // H2's ALTER COLUMN a RENAME TO b renames a column: its clause begins with ALTER
                if (clause.get(k).isWord("RENAME") && clause.get(k + 1).isAnyWord("TO", "AS")
                        && !clause.get(0).isWord("ALTER")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The name the ALTER TABLE at {@code main} gives the table itself ({@code RENAME TO b}), unquoted as written. */
    static Optional<String> newTableName(List<Token> tokens, int main) {
        for (List<Token> clause : clauses(tokens, main)) {
            for (int k = 0; k + 2 < clause.size(); k++) {
                if (clause.get(k).isWord("RENAME") && clause.get(k + 1).isAnyWord("TO", "AS")
                        && !clause.get(0).isWord("ALTER")) {
                    SchemaNames.Read renamed = SchemaNames.name(clause, k + 2);
                    return renamed == null ? Optional.empty() : Optional.of(SchemaNames.unquoted(renamed.text()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The tables MySQL's {@code RENAME TABLE a TO b, c TO d} (Oracle's {@code RENAME a TO b}) at {@code main} renames,
     * old name to new name as written.
     */
    static Map<String, String> renameStatementPairs(List<Token> tokens, int main) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (main >= tokens.size() || !tokens.get(main).isWord("RENAME")) {
            return pairs;
        }
        int i = main + 1 < tokens.size() && tokens.get(main + 1).isWord("TABLE") ? main + 2 : main + 1;
        for (List<Token> pair : ObjectNames.splitAtCommas(tokens, i, tokens.size())) {
            SchemaNames.Read old = SchemaNames.name(pair, 0);
            if (old != null && old.next() + 1 < pair.size() && pair.get(old.next()).isWord("TO")) {
                SchemaNames.Read renamed = SchemaNames.name(pair, old.next() + 1);
                if (renamed != null) {
                    pairs.put(old.text(), renamed.text());
                }
            }
        }
        return pairs;
    }

    /** The columns the ALTER TABLE at {@code main} renames, old name to new name, unquoted as written. */
    static Map<String, String> renamedColumns(List<Token> tokens, int main) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (List<Token> clause : clauses(tokens, main)) {
            if (clause.size() < 3) {
                continue;
            }
            int at = clause.get(1).isWord("COLUMN") ? 2 : 1;
            if (clause.get(0).isWord("RENAME") && !clause.get(1).isAnyWord("TO", "AS", "CONSTRAINT", "INDEX", "KEY")) {
                SchemaNames.Read old = SchemaNames.name(clause, at);
                if (old != null && old.next() + 1 < clause.size() && clause.get(old.next()).isWord("TO")) {
                    renamed.put(SchemaNames.unquoted(old.text()),
                            SchemaNames.unquoted(clause.get(old.next() + 1).text()));
                }
            } else if (clause.get(0).isWord("ALTER")) {
                SchemaNames.Read old = SchemaNames.name(clause, at);
                if (old != null && old.next() + 2 < clause.size() && clause.get(old.next()).isWord("RENAME")
                        && clause.get(old.next() + 1).isWord("TO")) {
                    renamed.put(SchemaNames.unquoted(old.text()),
                            SchemaNames.unquoted(clause.get(old.next() + 2).text()));
                }
            } else if (clause.get(0).isWord("CHANGE")) {
                SchemaNames.Read old = SchemaNames.name(clause, at);
                SchemaNames.Read now = old == null ? null : SchemaNames.name(clause, old.next());
                if (now != null && !SchemaNames.key(old.text()).equals(SchemaNames.key(now.text()))) {
                    renamed.put(SchemaNames.unquoted(old.text()), SchemaNames.unquoted(now.text()));
                }
            }
        }
        return renamed;
    }

    /** The comma-separated clauses after the table name of the ALTER TABLE at {@code main}; none for others. */
    private static List<List<Token>> clauses(List<Token> tokens, int main) {
        if (main + 2 >= tokens.size() || !tokens.get(main).isWord("ALTER") || !tokens.get(main + 1).isWord("TABLE")) {
            return List.of();
        }
        int i = main + 2;
        while (i < tokens.size() && tokens.get(i).isAnyWord("IF", "EXISTS", "ONLY")) {
            i++;
        }
        SchemaNames.Read table = SchemaNames.name(tokens, i);
        return table == null ? List.of() : ObjectNames.splitAtCommas(tokens, table.next(), tokens.size());
    }
}
