package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.List;
import java.util.Optional;

/**
 * A T-SQL {@code IF EXISTS (SELECT * FROM t)} whose branch runs in straight line: it runs exactly when {@code t} holds
 * rows. SQL Server's table designer wraps the copy of every rebuild so ({@code IF EXISTS(SELECT * FROM dbo.t)
 * EXEC('INSERT INTO dbo.Tmp_t (..) SELECT .. FROM dbo.t WITH (HOLDLOCK TABLOCKX)')}): such a copy of {@code t} either
 * ran or had nothing to copy, and a later drop of {@code t} loses nothing either way.
 */
final class SourceRowsCondition {

    private SourceRowsCondition() {
    }

    /**
     * The key of the table whose rows {@code container}'s whole condition requires, or empty when it is no such IF,
     * its condition says more, or its branch holds an ELSE, an inner IF or a loop (a copy there may not run although
     * the table has rows).
     */
    static Optional<String> tableOf(Statement container) {
        List<Token> tokens = container.tokens();
        if (!container.container() || tokens.size() < 8 || !tokens.get(0).isWord("IF")
                || !tokens.get(1).isWord("EXISTS") || !tokens.get(2).isSymbol("(") || !tokens.get(3).isWord("SELECT")) {
            return Optional.empty();
        }
        int i = 4;
        if (tokens.get(i).isWord("TOP")) {
            boolean parenthesised = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            i += parenthesised ? 4 : 2;
            if (i > tokens.size() || !tokens.get(i - (parenthesised ? 2 : 1)).text().equals("1")) {
                return Optional.empty();
            }
        }
        int from = TopLevel.wordIndex(tokens, i, "FROM");
        if (from != i + 1 || !(tokens.get(i).isSymbol("*") || tokens.get(i).type() == TokenType.NUMBER
                || SchemaNames.isNamePart(tokens.get(i)))) {
            return Optional.empty();
        }
        SchemaNames.Read table = SchemaNames.name(tokens, from + 1);
        int after = table == null ? tokens.size() : table.next() + 1;
        if (after >= tokens.size() || !tokens.get(table.next()).isSymbol(")") || tokens.get(after).isAnyWord("AND", "OR")
                || tokens.subList(after, tokens.size()).stream().anyMatch(token -> token.isAnyWord("ELSE", "IF",
                        "WHILE", "GOTO", "RETURN", "BREAK", "CONTINUE"))) {
            return Optional.empty();
        }
        return Optional.of(SchemaNames.key(table.text()));
    }

    /** True when {@code statement} copies rows read from the table of key {@code table}. */
    static boolean copiesFrom(Statement statement, String table) {
        List<Token> tokens = statement.tokens();
        int main = DdlReplay.mainKeyword(tokens);
        if (main >= tokens.size() || !tokens.get(main).isAnyWord("INSERT", "SELECT", "CREATE")
                || !tokens.get(main).isWord("SELECT") && !RowCopies.readsRows(tokens, main)) {
            return false;
        }
        int from = TopLevel.wordIndex(tokens, main + 1, "FROM");
        SchemaNames.Read source = from < 0 ? null : SchemaNames.name(tokens, from + 1);
        return source != null && SchemaNames.key(source.text()).equals(table);
    }
}
