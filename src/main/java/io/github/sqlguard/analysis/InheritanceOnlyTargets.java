package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * PostgreSQL's {@code DELETE FROM ONLY t} and {@code UPDATE ONLY t}, with {@code ONLY} blanked out of the text the
 * parser gets, which reads {@code ONLY} in a FROM list but not before the table a DELETE or UPDATE changes. It leaves
 * the tables that inherit from {@code t} alone and does not change which rows of {@code t} itself the statement
 * changes, so the statement without it is judged the same. Blanks keep every later character where it was.
 */
final class InheritanceOnlyTargets {

    private InheritanceOnlyTargets() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, without such an ONLY. */
    static String blanked(Statement statement, String sql) {
        if (statement.dialect() != Dialect.POSTGRESQL && statement.dialect() != Dialect.AUTO) {
            return sql;
        }
        List<Token> tokens = statement.tokens();
        BlankedParserText text = null;
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("ONLY") && changesTheTableAfter(tokens, i)
                    && ObjectNames.isNamePart(tokens.get(i + 1))) {
                text = text == null ? new BlankedParserText(statement, sql) : text;
                text.blank(i, i + 1);
            }
        }
        return text == null ? sql : text.text();
    }

    /** True when the ONLY at {@code only} follows {@code DELETE FROM} or {@code UPDATE}. */
    private static boolean changesTheTableAfter(List<Token> tokens, int only) {
        Token previous = tokens.get(only - 1);
        return previous.isWord("UPDATE")
                || previous.isWord("FROM") && only >= 2 && tokens.get(only - 2).isWord("DELETE");
    }
}
