package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * Makes visible that a psql script runs another file ({@code \i}, {@code \ir}, {@code \include},
 * {@code \include_relative}) which sqlguard does not read through the include (fail closed).
 */
public final class PsqlIncludeRule implements Rule {

    private static final Set<String> INCLUDE_COMMANDS = Set.of("i", "ir", "include", "include_relative");

    private static final RuleInfo INFO = new RuleInfo(
            "psql-include",
            Severity.WARNING,
            "psql \\i runs a file that is not read through the include",
            "psql's \\i, \\ir, \\include and \\include_relative run the statements of another file as part of the "
                    + "migration. sqlguard does not follow them: the included file is checked only when it is itself "
                    + "among the scanned migrations, and then without the schema of the script that includes it.",
            "Make sure the included file lies in a scanned directory (or inline it), then acknowledge it: "
                    + "-- sqlguard:allow psql-include reason: <why>",
            List.of("\\i sql/purge_customers.sql"),
            List.of("DELETE FROM customers WHERE id = 5"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        List<Token> tokens = statement.statement().tokens();
        if (statement.statement().container() || tokens.size() < 2 || !tokens.get(0).isSymbol("\\")
                || tokens.get(1).type() != TokenType.WORD || tokens.get(1).offset() != tokens.get(0).endOffset()
                || !INCLUDE_COMMANDS.contains(tokens.get(1).text().toLowerCase(java.util.Locale.ROOT))) {
            return List.of();
        }
        return List.of(new Violation(statement.statement().firstLine().strip() + " runs another file, which sqlguard "
                + "does not read through this include: it is checked only if it is itself among the scanned "
                + "migrations", statement.start()));
    }
}
