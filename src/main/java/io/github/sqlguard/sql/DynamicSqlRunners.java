package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Locale;

/**
 * Statements that run SQL text of their own making rather than a routine: {@code EXECUTE IMMEDIATE '..'},
 * PL/pgSQL {@code EXECUTE '..'}, T-SQL {@code EXEC ('..')} and {@code EXEC sp_executesql N'..'}, and MySQL's
 * {@code EXECUTE st}. Where the splitter read the whole text, the statements it holds follow the runner in the
 * statement list, so whoever follows what the statements write follows them there and need not take the runner
 * for a routine that may write anything.
 */
public final class DynamicSqlRunners {

    private DynamicSqlRunners() {
    }

    /**
     * True when {@code tokens} only runs text the splitter read in full, made of literals alone: its statements are
     * in the statement list right after it. False for a routine call, and for text held in a variable or built in
     * part at run time, which may be anything.
     */
    public static boolean runsOnlyTextReadHere(List<Token> tokens, Dialect dialect) {
        if (dialect.isMySqlFamily() && tokens.size() >= 2 && tokens.get(0).isWord("EXECUTE")
                && tokens.get(1).type() == TokenType.WORD && !tokens.get(1).isWord("IMMEDIATE")) {
            // MySQL: EXECUTE st only runs a statement PREPARE made, read where it was prepared (flagged there when
            // its text could not be read); stored procedures are called with CALL. MariaDB's EXECUTE IMMEDIATE
            // runs its own text, read below.
            return true;
        }
        DynamicSql.Source source = DynamicSql.of(tokens, false);
        return source != null && source.variable() == null && !source.literals().isEmpty()
                && !source.namesSomethingUnknown() && !source.callsRoutineNamedAtRunTime();
    }

    /**
     * True when {@code statement}, whose runner starts at token {@code main}, runs the text of a variable its block
     * declares ({@code v_sql := 'ALTER TABLE ' || v_table || ..; EXECUTE v_sql;} in PL/pgSQL, {@code EXECUTE
     * IMMEDIATE v_sql}, T-SQL's {@code EXEC (@sql)}) and the splitter read that text in full, so it is no run-time
     * SQL: the statements the text holds follow the runner, as a literal's do. T-SQL's {@code EXEC @proc} calls the
     * procedure the variable names and is no such runner.
     */
    public static boolean runsVariableTextReadHere(Statement statement, int main) {
        StatementContext.Body body = statement.context().body();
        List<Token> tokens = statement.tokens();
        if (statement.runtimeSql() || main + 1 >= tokens.size()) {
            return false;
        }
        // PL/pgSQL's EXECUTE v runs text; T-SQL's variables start with @ (EXEC sp_executesql @sql runs one), and
        // EXEC @v calls a procedure.
        boolean plpgsql = tokens.get(main).isWord("EXECUTE")
                && tokens.subList(main + 1, tokens.size()).stream().noneMatch(token -> token.text().startsWith("@"));
        DynamicSql.Source source = DynamicSql.of(tokens.subList(main, tokens.size()), plpgsql);
        if (source == null || source.variable() == null || source.callsRoutineNamedAtRunTime()) {
            return false;
        }
        String variable = source.variable().text();
        // A T-SQL batch declares its variables outside any block (DECLARE @sql ..; SET @sql = N'..'; EXEC
        // sp_executesql @sql; GO): the splitter read the text in the batch, or marked the runner as run-time SQL.
        return body == null ? variable.startsWith("@") && !variable.startsWith("@@")
                : body.variables().contains(variable.toLowerCase(Locale.ROOT));
    }
}
