package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * Makes visible that a statement runs SQL assembled at run time (from a variable, a function call or a
 * concatenation with something that is not a literal), which no rule could check (fail closed).
 */
public final class RuntimeSqlRule implements Rule {

    /** Long statements are shortened in the message; the location points at the whole statement. */
    private static final int SHOWN_CHARACTERS = 60;

    private static final RuleInfo INFO = new RuleInfo(
            "runtime-sql",
            Severity.WARNING,
            "Dynamic SQL built at run time was not checked",
            "EXECUTE IMMEDIATE v_sql, PL/pgSQL EXECUTE format(..) or EXECUTE 'TRUNCATE ' || name, T-SQL EXEC (@sql), "
                    + "sp_executesql @sql or EXEC @proc (a procedure a variable names), MySQL PREPARE st FROM @s "
                    + "and psql's \\gexec run SQL whose text only exists when the migration runs, and so does a "
                    + "statement that is only a placeholder without a value (Flyway or Liquibase ${purge}, sqlcmd "
                    + "$(purge)), which becomes whatever text the deploy gives it. Such code often "
                    + "drops or empties tables in a loop, and sqlguard cannot see what it does. A variable assigned "
                    + "one literal once before it is run in the same script or block is read like the literal, and so "
                    + "are literals joined with || or + or by CONCAT(..), and a text added to in steps that each run "
                    + "once, one after the other (SET @sql = @sql + N'..').",
            "Write the SQL as a literal, or check what it builds by hand and acknowledge it: "
                    + "-- sqlguard:allow runtime-sql reason: <why>",
            List.of("EXEC sp_executesql @sql"),
            List.of("EXEC sp_executesql N'DELETE FROM audit_log WHERE id = 1'"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        if (statement.statement().container()
                || !statement.runsSqlBuiltAtRunTime() && !endsInPsqlGexec(statement.statement().tokens())) {
            return List.of();
        }
        return List.of(new Violation(shown(statement.statement().tokens())
                + " runs SQL that is built at run time; sqlguard could not read all of it, so what it runs was not fully checked",
                statement.start()));
    }

    /**
     * The start of the statement on one line. Its first line alone is not enough: {@code EXECUTE format(} often ends
     * it, with the text the call builds on the next line, and a literal's runs of blanks say nothing.
     */
    private static String shown(List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens.size() && text.length() <= SHOWN_CHARACTERS * 4; i++) {
            if (i > 0 && tokens.get(i).offset() > tokens.get(i - 1).endOffset()) {
                text.append(' ');
            }
            text.append(tokens.get(i).text());
        }
        String shown = text.toString().replaceAll("\\s+", " ");
        return shown.length() > SHOWN_CHARACTERS ? shown.substring(0, SHOWN_CHARACTERS).stripTrailing() + ".." : shown;
    }

    /** psql's {@code \gexec} runs every value the query returns as a statement of its own. */
    private static boolean endsInPsqlGexec(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            Token word = tokens.get(i);
            Token backslash = tokens.get(i - 1);
            if (backslash.isSymbol("\\") && word.isWord("gexec") && word.offset() == backslash.endOffset()) {
                return true;
            }
        }
        return false;
    }
}
