package io.github.sqlguard.sql;

import java.util.List;
import java.util.Locale;

/**
 * The T-SQL a SQL Server Agent job step runs, read where the migration creates it: {@code EXEC
 * msdb.dbo.sp_add_jobstep @job_name = .., @subsystem = N'TSQL', @command = N'..'} (and {@code sp_update_jobstep})
 * makes the Agent run the command on the job's schedule once the migration commits, without anybody calling it, as
 * a pg_cron job or an Oracle scheduler job does. A step of another subsystem (CmdExec, PowerShell, SSIS) runs no
 * SQL text.
 */
final class AgentJobSteps {

    /** Where sp_add_jobstep takes its subsystem and its command when the call does not name its arguments. */
    private static final int SUBSYSTEM_POSITION = 4;
    private static final int COMMAND_POSITION = 5;

    private AgentJobSteps() {
    }

    /**
     * What the step that {@code procedure} (a name in lower case) creates or changes runs, given the tokens after
     * the procedure's name; null when the procedure is no job step's or the step runs no T-SQL.
     */
    static DynamicSql.Source command(String procedure, List<Token> afterName) {
        if (!procedure.equals("sp_add_jobstep") && !procedure.equals("sp_update_jobstep")) {
            return null;
        }
        List<List<Token>> arguments = DynamicSql.arguments(afterName);
        List<Token> subsystem = argument(arguments, "@subsystem", SUBSYSTEM_POSITION);
        if (subsystem != null && subsystem.size() == 1 && subsystem.get(0).type() == TokenType.STRING
                && !subsystem.get(0).stringValue().strip().toUpperCase(Locale.ROOT).equals("TSQL")) {
            return null;
        }
        List<Token> command = argument(arguments, "@command", COMMAND_POSITION);
        return command == null || command.size() == 1 && command.get(0).isWord("NULL") ? null
                : DynamicSql.expression(command, "SQL Server Agent job, which runs it on its schedule");
    }

    /**
     * The value of the argument called {@code name} ({@code @command = value}), else of the unnamed one at
     * {@code position}; null when there is none.
     */
    private static List<Token> argument(List<List<Token>> arguments, String name, int position) {
        for (List<Token> argument : arguments) {
            if (argument.size() > 2 && argument.get(0).text().equalsIgnoreCase(name) && argument.get(1).isSymbol("=")) {
                return value(argument, 2);
            }
        }
        boolean anyNamed = arguments.stream().anyMatch(a -> a.size() > 1 && a.get(1).isSymbol("="));
        return anyNamed || arguments.size() <= position ? null : value(arguments.get(position), 0);
    }

    /**
     * The expression starting at {@code from}: operands joined by {@code +}, with their parentheses. T-SQL needs no
     * terminator, so the last argument may be followed by the next statement ({@code @command = @c SET @e = 1}).
     */
    private static List<Token> value(List<Token> argument, int from) {
        int depth = 0;
        for (int i = from; i < argument.size(); i++) {
            Token token = argument.get(i);
            boolean continues = i == from || depth > 0 || token.isSymbol("+") || token.isSymbol("(")
                    || argument.get(i - 1).isSymbol("+");
            if (!continues) {
                return argument.subList(from, i);
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
        }
        return argument.subList(from, argument.size());
    }
}
