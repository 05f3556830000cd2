package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * CockroachDB's index hints ({@code t@idx}, {@code t@{FORCE_INDEX=idx}}) blanked out of the text the parser
 * gets. JSqlParser reads {@code t@idx} as an Oracle database link, a table other than {@code t}, and stops at
 * {@code @{..}}; the hint only picks how rows are found, so the statement without it touches the same rows.
 * Blanks keep every later character where it was, so the parser's positions still match the file.
 */
final class IndexHints {

    private IndexHints() {
    }

    static String withoutHints(Statement statement) {
        String sql = statement.sql();
        // Only there does the lexer end a name at "@"; SQL Server and Oracle keep t@x as one name.
        if (statement.dialect() != Dialect.POSTGRESQL && statement.dialect() != Dialect.AUTO) {
            return sql;
        }
        List<Token> tokens = statement.tokens();
        BlankedParserText text = new BlankedParserText(statement, sql);
        for (int i = 1; i < tokens.size(); i++) {
            int end = ObjectNames.isNamePart(tokens.get(i - 1)) ? ObjectNames.indexHintEnd(tokens, i) : i;
            if (end == i) {
                continue;
            }
            text.blank(i, end);
            i = end - 1;
        }
        return text.text();
    }
}
