package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * PostgreSQL's jsonb operators {@code ?}, {@code ?|} and {@code ?&} as a script run through JDBC must write them,
 * {@code ??}, {@code ??|} and {@code ??&}: the driver would take a lone {@code ?} for a parameter. Migrations that an
 * application's server runs through JDBC are written so ({@code WHERE json ?? 'status'}). The parser knows
 * the operators but not their escaped form, so the first question mark is blanked in the text it gets; the blank
 * keeps every later character where it was. No dialect has an operator {@code ??} of its own.
 */
final class JdbcEscapedQuestionMarks {

    private JdbcEscapedQuestionMarks() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, with each {@code ??} read as {@code ?}. */
    static String blanked(Statement statement, String sql) {
        List<Token> tokens = statement.tokens();
        BlankedParserText text = new BlankedParserText(statement, sql);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token first = tokens.get(i);
            Token second = tokens.get(i + 1);
            if (first.isSymbol("?") && second.isSymbol("?") && first.endOffset() == second.offset()) {
                text.blank(i, i + 1);
                i++;
            }
        }
        return text.text();
    }
}
