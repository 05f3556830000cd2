package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.TokenType;
import java.util.Set;

/**
 * Reads from tokens whether a DELETE or UPDATE reads one table alone in its WHERE ({@link SoleTableColumns}):
 * {@code DELETE [FROM] t [[AS] a] WHERE}, T-SQL's and MySQL's {@code DELETE a FROM t a WHERE}, {@code UPDATE t [[AS]
 * a] SET .. WHERE} and T-SQL's {@code UPDATE a SET .. FROM t a WHERE}. Any other word before the WHERE (a join, a
 * USING or FROM list of more tables, a table hint, an OUTPUT clause) leaves the scope unknown.
 */
final class TokenSoleTable {

    /** Words that end a table reference instead of aliasing it. */
    private static final Set<String> NOT_ALIASES = Set.of("WHERE", "SET", "FROM", "USING", "JOIN", "INNER", "LEFT",
            "RIGHT", "FULL", "CROSS", "NATURAL", "STRAIGHT_JOIN", "OUTPUT", "WITH", "PARTITION", "RETURNING",
            "ORDER", "LIMIT", "OPTION", "FOR", "AS", "TABLESAMPLE", "USE", "FORCE", "IGNORE", "ONLY");

    private final StatementTokens tokens;

    private TokenSoleTable(StatementTokens tokens) {
        this.tokens = tokens;
    }

    /** The scope of the DELETE or UPDATE at {@code start} whose WHERE is at {@code where}; NONE when unsure. */
    static SoleTableColumns of(StatementTokens tokens, int start, int where) {
        if (where < 0) {
            return SoleTableColumns.NONE;
        }
        TokenSoleTable reader = new TokenSoleTable(tokens);
        if (tokens.isWord(start, "DELETE")) {
            return reader.delete(start, where);
        }
        return tokens.isWord(start, "UPDATE") ? reader.update(start, where) : SoleTableColumns.NONE;
    }

    private SoleTableColumns delete(int start, int where) {
        int i = tokens.skipTop(tokens.skipWords(start + 1, "LOW_PRIORITY", "QUICK", "IGNORE"));
        boolean from = tokens.isWord(i, "FROM");
        Reference first = referenceAt(tokens.skipWords(from ? i + 1 : i, "ONLY"));
        if (first == null) {
            return SoleTableColumns.NONE;
        }
        if (first.next() == where) {
            return scope(first);
        }
        // DELETE a FROM t a WHERE: the word before FROM names the table of the list, by its alias or its name
        return !from && first.alias() == null && tokens.isWord(first.next(), "FROM")
                ? listed(first.table(), first.next() + 1, where) : SoleTableColumns.NONE;
    }

    private SoleTableColumns update(int start, int where) {
        int i = tokens.skipTop(tokens.skipWords(start + 1, "LOW_PRIORITY", "IGNORE"));
        Reference target = referenceAt(tokens.skipWords(i, "ONLY"));
        if (target == null || !tokens.isWord(target.next(), "SET")) {
            return SoleTableColumns.NONE;
        }
        int from = tokens.indexOfTopLevelWord(target.next(), where, "FROM");
        if (from < 0) {
            return scope(target);
        }
        // PostgreSQL and SQLite: every item of the FROM list is a table besides the target
        return tokens.fromItemsAreOtherInstances() || target.alias() != null ? SoleTableColumns.NONE
                : listed(target.table(), from + 1, where);
    }

    /** The one table of a list from {@code at} to the WHERE, when {@code named} denotes it; NONE otherwise. */
    private SoleTableColumns listed(String named, int at, int where) {
        Reference listed = referenceAt(at);
        if (listed == null || listed.next() != where) {
            return SoleTableColumns.NONE;
        }
        String key = ObjectNames.normalize(named);
        boolean denoted = listed.alias() != null ? key.equals(ObjectNames.normalize(listed.alias()))
                : key.equals(ObjectNames.normalize(listed.table()))
                        || key.equals(ObjectNames.normalize(ObjectNames.lastPart(listed.table())));
        return denoted ? scope(listed) : SoleTableColumns.NONE;
    }

    private SoleTableColumns scope(Reference reference) {
        return SoleTableColumns.of(reference.table(), reference.alias(), tokens.variablesNamingNoColumn());
    }

    /** {@code t}, {@code t a} or {@code t AS a} at {@code at}; null when no table name stands there. */
    private Reference referenceAt(int at) {
        ObjectNames.NameAt name = tokens.nameAt(at);
        if (name == null || NOT_ALIASES.contains(tokens.tokens().get(at).upper())) {
            return null;
        }
        int next = name.next();
        boolean as = tokens.isWord(next, "AS");
        int aliasAt = as ? next + 1 : next;
        boolean alias = aliasAt < tokens.size() && tokens.tokens().get(aliasAt).type() == TokenType.WORD
                && !NOT_ALIASES.contains(tokens.tokens().get(aliasAt).upper());
        if (as && !alias) {
            return null;
        }
        return alias ? new Reference(name.text(), tokens.tokens().get(aliasAt).text(), aliasAt + 1)
                : new Reference(name.text(), null, next);
    }

    /** A table as written, its alias or null, and the index after them. */
    private record Reference(String table, String alias, int next) {
    }
}
