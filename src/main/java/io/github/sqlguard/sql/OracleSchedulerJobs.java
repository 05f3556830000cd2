package io.github.sqlguard.sql;

import java.util.List;
import java.util.Locale;

/** The text an Oracle scheduler job runs, read where the migration creates the job. */
final class OracleSchedulerJobs {

    private OracleSchedulerJobs() {
    }

    /**
     * Oracle's {@code DBMS_SCHEDULER.CREATE_JOB(job_name, job_type, job_action, ..)} with the job type
     * {@code 'PLSQL_BLOCK'} or {@code 'STORED_PROCEDURE'}, and the older {@code DBMS_JOB.SUBMIT(job, what, ..)},
     * make the database run their text (a block, or the procedure it names) on the job's schedule once the
     * migration commits, without anybody calling it: it is read like code the migration runs, as a pg_cron job
     * is. The arguments may be named ({@code job_action => '..'}). Null for a job that runs no SQL (an
     * executable, a program of the scheduler).
     */
    static DynamicSql.Source action(String member, List<List<Token>> arguments) {
        boolean submit = member.equals("DBMS_JOB.SUBMIT");
        List<Token> action = argument(arguments, submit ? "what" : "job_action", submit ? 1 : 2);
        if (action == null) {
            return null;
        }
        if (!submit) {
            List<Token> type = argument(arguments, "job_type", 1);
            String written = type != null && type.size() == 1 && type.get(0).type() == TokenType.STRING
                    ? type.get(0).stringValue().toUpperCase(Locale.ROOT) : "";
            if (!written.equals("PLSQL_BLOCK") && !written.equals("STORED_PROCEDURE")) {
                return null;
            }
        }
        return DynamicSql.expression(action, "scheduler job, which runs it on its schedule");
    }

    /**
     * The argument called {@code name} when the call names its arguments ({@code name => value}), else the one at
     * {@code position}; null when there is none.
     */
    private static List<Token> argument(List<List<Token>> arguments, String name, int position) {
        List<Token> positional = null;
        for (int i = 0; i < arguments.size(); i++) {
            List<Token> argument = arguments.get(i);
            boolean named = argument.size() > 2 && argument.get(1).isSymbol("=>");
            if (named && argument.get(0).isWord(name)) {
                return argument.subList(2, argument.size());
            }
            if (!named && i == position) {
                positional = argument;
            }
        }
        return positional;
    }
}
