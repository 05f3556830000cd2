package io.github.sqlguard.sql;

import java.util.List;
import java.util.Locale;

/** The command a pg_cron job runs, read where the migration schedules it. */
final class PgCronJobs {

    private PgCronJobs() {
    }

    /**
     * PostgreSQL's pg_cron: {@code SELECT cron.schedule([name,] schedule, command)},
     * {@code cron.schedule_in_database(name, schedule, command, database ..)} and
     * {@code cron.alter_job(id, schedule, command ..)} make the database run {@code command} on a schedule, from
     * the moment the migration commits and without anybody calling it, so it is read like code the migration
     * runs. Called with {@code SELECT} or PL/pgSQL's {@code PERFORM}; the command may be named
     * ({@code command => '..'}).
     */
    static DynamicSql.Source command(List<Token> tokens) {
        if (tokens.size() < 5 || !tokens.get(0).isAnyWord("SELECT", "PERFORM") || !tokens.get(1).isWord("cron")
                || !tokens.get(2).isSymbol(".") || !tokens.get(4).isSymbol("(")) {
            return null;
        }
        String function = tokens.get(3).text().toLowerCase(Locale.ROOT);
        int close = TopLevel.closingParenthesis(tokens, 4);
        List<List<Token>> arguments = DynamicSql.arguments(tokens.subList(5, close < 0 ? tokens.size() : close));
        List<Token> command = null;
        boolean anyNamed = false;
        for (List<Token> argument : arguments) {
            boolean named = argument.size() > 2 && (argument.get(1).isSymbol("=>") || argument.get(1).isSymbol(":="));
            anyNamed |= named;
            if (named && argument.get(0).isWord("command")) {
                command = argument.subList(2, argument.size());
            }
        }
        if (command == null && !anyNamed) {
            int position = switch (function) {
                case "schedule" -> arguments.size() - 1;
                case "schedule_in_database", "alter_job" -> 2;
                default -> -1;
            };
            command = position >= 1 && position < arguments.size() ? arguments.get(position) : null;
        }
        boolean none = command == null || command.size() == 1 && command.get(0).isWord("NULL");
        boolean schedules = function.equals("schedule") || function.equals("schedule_in_database")
                || function.equals("alter_job");
        return !schedules || none ? null : DynamicSql.expression(command, "pg_cron job, which runs it on its schedule");
    }
}
