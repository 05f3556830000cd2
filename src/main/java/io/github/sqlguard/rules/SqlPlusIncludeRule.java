package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes visible that an Oracle script runs another file through SQL*Plus ({@code @file}, {@code @@file}),
 * which sqlguard does not read through the include (fail closed).
 */
public final class SqlPlusIncludeRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo(
            "sqlplus-include",
            Severity.WARNING,
            "SQL*Plus @ runs a file that is not read through the include",
            "SQL*Plus (and SQLcl, and Flyway for Oracle) runs the statements of the file named by @file or @@file as "
                    + "part of the migration. sqlguard does not follow it: the included file is checked only when it "
                    + "is itself among the scanned migrations, and then without the schema of the script that "
                    + "includes it.",
            "Make sure the included file lies in a scanned directory (or inline it), then acknowledge it: "
                    + "-- sqlguard:allow sqlplus-include reason: <why>",
            List.of("@@purge_customers.sql"),
            List.of("DELETE FROM customers WHERE id = 5"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        Dialect dialect = statement.statement().dialect();
        if (statement.statement().container() || dialect != Dialect.ORACLE && dialect != Dialect.AUTO) {
            return List.of();
        }
        List<Token> tokens = statement.statement().tokens();
        List<Violation> violations = new ArrayList<>();
        // SQL*Plus commands end at the end of their line, so an include may sit inside what reads as one
        // statement; only Oracle scripts run them anywhere, elsewhere only the statement's start is one.
        int last = dialect == Dialect.ORACLE ? tokens.size() : Math.min(1, tokens.size());
        for (int i = 0; i < last; i++) {
            if (isInclude(tokens, i)) {
                violations.add(new Violation(lineFrom(tokens, i) + " runs another file, which sqlguard does not read "
                        + "through this include: it is checked only if it is itself among the scanned migrations",
                        new Location(statement.start().path(), tokens.get(i).line(), tokens.get(i).column())));
            }
        }
        return violations;
    }

    /**
     * A word {@code @name} or {@code @@name} first on its line, followed on that line by nothing, a file
     * extension or a path: a T-SQL variable that starts a line ({@code @b = 2}, {@code @id)}) is followed by
     * something else.
     */
    private static boolean isInclude(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        if (token.type() != TokenType.WORD || !token.text().startsWith("@") || token.text().length() < 2
                || index > 0 && tokens.get(index - 1).line() == token.line()) {
            return false;
        }
        Token next = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        return next == null || next.line() != token.line()
                || next.offset() == token.endOffset() && (next.isSymbol(".") || next.isSymbol("/"));
    }

    private static String lineFrom(List<Token> tokens, int index) {
        StringBuilder text = new StringBuilder(tokens.get(index).text());
        for (int i = index + 1; i < tokens.size() && tokens.get(i).line() == tokens.get(index).line(); i++) {
            text.append(tokens.get(i).text());
        }
        return text.toString();
    }
}
