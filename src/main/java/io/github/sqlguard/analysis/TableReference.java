package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * A table named in a FROM, USING or JOIN list with its alias: {@code orders}, {@code app.orders o},
 * {@code "Orders" AS o}. The one reader of table references and their aliases, for the analysis and the replay
 * alike.
 *
 * @param table the table's name as written
 * @param alias the alias as written, or null when the reference has none
 * @param next the index of the first token after the reference
 */
public record TableReference(String table, String alias, int next) {

    /** Words that end a table reference, so they cannot be its alias. */
    private static final String[] NOT_ALIASES = {
        "ON", "USING", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "OUTER", "NATURAL", "STRAIGHT_JOIN",
        "WHERE", "SET", "ORDER", "LIMIT", "RETURNING", "OUTPUT", "WITH", "FROM", "AS"
    };

    /** The table reference starting at {@code index} of {@code tokens}, or null when no name starts there. */
    public static TableReference at(List<Token> tokens, int index) {
        ObjectNames.NameAt name = ObjectNames.readName(tokens, index);
        if (name == null) {
            return null;
        }
        int aliasAt = afterAs(tokens, name.next());
        ObjectNames.NameAt alias = aliasAt(tokens, name.next());
        return new TableReference(name.text(), alias == null ? null : alias.text(),
                alias == null ? aliasAt : alias.next());
    }

    /**
     * The alias that {@code [AS] name} at {@code index} gives the table or derived table before it, or null when a
     * word that ends the reference (JOIN, ON, WHERE, ..) stands there instead.
     */
    static ObjectNames.NameAt aliasAt(List<Token> tokens, int index) {
        int at = afterAs(tokens, index);
        return at < tokens.size() && tokens.get(at).isAnyWord(NOT_ALIASES) ? null : ObjectNames.readName(tokens, at);
    }

    private static int afterAs(List<Token> tokens, int index) {
        return index < tokens.size() && tokens.get(index).isWord("AS") ? index + 1 : index;
    }
}
