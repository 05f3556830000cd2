package io.github.sqlguard.sql;

import java.util.Set;

/**
 * Where a statement sits, which decides whether it runs when the migration runs.
 *
 * @param kind the kind of place
 * @param label a short human description used in messages, e.g. {@code "changeset alice:2"} or
 *     {@code "DO block"}; empty for a plain top-level statement
 * @param databases the databases it runs on (a Liquibase changeset's {@code dbms}), {@link DatabaseScope#ANY}
 *     when its migration does not say
 * @param body the routine or block body the statement sits in, null outside one
 */
public record StatementContext(Kind kind, String label, DatabaseScope databases, Body body) {

    /**
     * A place in one routine or block body.
     *
     * @param id tells the body apart from the others of the file (where its definition starts)
     * @param straightLine true when the statement runs whenever the body runs: not in a branch, a loop, a handler
     *     or an inner block of the body
     * @param arm tells apart the stretches of a body that branches: statements of one body with the same arm run
     *     together or not at all, the earlier first; 0 for those that run in straight line
     * @param errorEndsArm true when an error ends the arm: the body branches with {@code IF .. THEN} (no T-SQL,
     *     which goes on after a failed statement) and declared no condition handler (MySQL's {@code DECLARE
     *     CONTINUE HANDLER}) before the statement
     * @param ifArm the arm of an {@code IF .. THEN .. ELSE} of the body the statement sits in directly, as
     *     {@code "if.arm"} ({@code "2.0"} the THEN arm of its second IF, {@code "2.1"} the next); "" outside one
     * @param rowLoop the {@code FOR rec IN SELECT .. LOOP} that runs the statement once for every row of its query
     *     ({@link #loopOverEveryRow}), or whose row it reads, or null
     * @param undoneOnError true in a block with an EXCEPTION section: when the statement fails, the handler may go on
     *     after the block, and what the statement was to do did not happen (PL/pgSQL undoes the whole block)
     * @param stretch the stretches of the body that enclose the statement, outermost first, joined by {@code /}: a
     *     stretch runs in order up to the next control word at its own level, and an IF, loop, CASE or inner block
     *     within it is a stretch of its own, after whose end the enclosing one goes on. A statement whose stretch
     *     starts with that of an earlier one runs only after that one ran ("" for those that run in straight line)
     * @param variables the variables the body declares, by lower-case name ({@link BlockVariables}): a condition that
     *     names them names no column
     * @param columnsHideVariables true when a column beats a variable of the same name in the body's statements,
     *     which a PL/pgSQL body asks for with {@code #variable_conflict use_column}
     */
    public record Body(String id, boolean straightLine, int arm, boolean errorEndsArm, String ifArm,
            RowLoop rowLoop, boolean undoneOnError, String stretch, Set<String> variables,
            boolean columnsHideVariables) {

        public Body {
            variables = Set.copyOf(variables);
        }

        public Body(String id, boolean straightLine, int arm, boolean errorEndsArm, String ifArm) {
            this(id, straightLine, arm, errorEndsArm, ifArm, null, false, "", Set.of(), false);
        }

        /**
         * The loop that runs the statement once for every row of its query, or null: one that a CONTINUE, EXIT, ..
         * may cut short only gives the statement its row to read ({@link RowLoop#everyRow}).
         */
        public RowLoop loopOverEveryRow() {
            return rowLoop == null || !rowLoop.everyRow() ? null : rowLoop;
        }

        /** This place, in a block whose handler may go on after its statement failed. */
        public Body inHandledBlock() {
            return new Body(id, straightLine, arm, errorEndsArm, ifArm, rowLoop, true, stretch, variables,
                    columnsHideVariables);
        }

        /** This place, in a body that declares {@code declared}. */
        Body declaring(Set<String> declared) {
            return new Body(id, straightLine, arm, errorEndsArm, ifArm, rowLoop, undoneOnError, stretch, declared,
                    columnsHideVariables);
        }

        /**
         * A place off this body's straight line (a branch, a loop, a handled block), in the same body: its id, its
         * declared variables and its name rule stay, where it sits is {@code arm} .. {@code stretch}.
         */
        Body offStraightLine(int arm, boolean errorEndsArm, String ifArm, RowLoop rowLoop, boolean undoneOnError,
                String stretch) {
            return new Body(id, false, arm, errorEndsArm, ifArm, rowLoop, undoneOnError, stretch, variables,
                    columnsHideVariables);
        }

        /** This place, in a body whose columns beat its variables of the same name, or not. */
        Body withColumnsHidingVariables(boolean hide) {
            return new Body(id, straightLine, arm, errorEndsArm, ifArm, rowLoop, undoneOnError, stretch, variables,
                    hide);
        }

        public Body(String id, boolean straightLine) {
            this(id, straightLine, 0);
        }

        public Body(String id, boolean straightLine, int arm) {
            this(id, straightLine, arm, false, "");
        }

        /** True when this and {@code other} sit in different arms of one IF of one body: one runs without the other. */
        public boolean inOtherArmOfSameIf(Body other) {
            int dot = ifArm.indexOf('.');
            return dot > 0 && other != null && id.equals(other.id()) && !ifArm.equals(other.ifArm())
                    && other.ifArm().startsWith(ifArm.substring(0, dot + 1));
        }
    }

    /** The kinds of place a statement can sit in. */
    public enum Kind {
        /** A top-level statement of a migration: runs when the migration runs. */
        SCRIPT,
        /**
         * Inside a DO block, an anonymous PL/SQL block or a T-SQL BEGIN..END batch, which run with the migration,
         * or a MySQL event body, which runs on its schedule without anybody calling it.
         */
        EXECUTED_BLOCK,
        /** Inside a function, procedure or trigger body: runs only when that routine is called (or fires). */
        ROUTINE_BODY,
        /** Liquibase rollback code: runs only when somebody rolls the change back. */
        ROLLBACK
    }

    public static final StatementContext SCRIPT = new StatementContext(Kind.SCRIPT, "");

    /** What a label adds for a change as another database runs it: {@code changeset a:1, as mysql runs it}. */
    public static final String RUN_BY = ", as ";

    private static final String REPEATABLE = "repeatable migration";
    /** The label of a Flyway repeatable migration's statements; those of its blocks start with its first words. */
    public static final String REPEATABLE_MIGRATION = REPEATABLE + ", which runs again whenever it changes";
    /**
     * Starts the label of the statements of one block of a script that records each release's version as it goes,
     * up to and including the statement that records it; the version follows.
     */
    public static final String VERSION_BLOCK = "block that records version ";
    /** Starts the label of the statements after a script's last recorded version; that version follows. */
    public static final String VERSION_BLOCK_AFTER = "block after version ";

    /** The label of a Flyway undo migration's statements. */
    public static final String UNDO_MIGRATION = "undo migration, which runs only when its version is undone";
    /** The label of a down migration's statements ({@code 3_add_x.down.sql}). */
    /** The run scope of the down section of a goose, sql-migrate or dbmate script, which reverses its up section. */
    public static final String DOWN_SECTION = "down section";
    public static final String DOWN_MIGRATION = "down migration, which runs only when its up migration is rolled back";
    /** Ends the label of a Liquibase {@code runAlways} changeset's statements. */
    public static final String RUN_ALWAYS = "runAlways: runs on every update";
    /** Ends the label of a Liquibase {@code runOnChange} changeset's statements. */
    public static final String RUN_ON_CHANGE = "runOnChange: runs again whenever it changes";

    public StatementContext {
        label = label == null ? "" : label;
        databases = databases == null ? DatabaseScope.ANY : databases;
    }

    public StatementContext(Kind kind, String label) {
        this(kind, label, DatabaseScope.ANY);
    }

    public StatementContext(Kind kind, String label, DatabaseScope databases) {
        this(kind, label, databases, null);
    }

    /**
     * The run this statement belongs to, within which what earlier statements establish holds: a Liquibase
     * changeset (each runs on its own, possibly months apart) or its rollback code; empty for a whole Flyway
     * script. A change judged with another value of a property ({@code changeset a:1, with ${x} = ..}), or as another
     * database runs it ({@code changeset a:1, as mysql runs it}), still runs in its changeset. A block of a script
     * that records its versions as it goes ({@link #VERSION_BLOCK}) runs on its own too, its bodies and blocks in it.
     */
    public String runScope() {
        if (inVersionBlock()) {
            int clause = label.indexOf(", ");
            return clause < 0 ? label : label.substring(0, clause);
        }
        if (kind != Kind.ROLLBACK && !label.startsWith("changeset ")) {
            return ""; // asked of every statement many times: most are of a plain script
        }
        int property = label.indexOf(", with ${");
        int database = label.indexOf(RUN_BY);
        int end = property < 0 ? database : database < 0 ? property : Math.min(property, database);
        return end < 0 ? label : label.substring(0, end);
    }

    /** True for a statement of one block of a script that records each release's version as it goes. */
    public boolean inVersionBlock() {
        return label.startsWith(VERSION_BLOCK) || label.startsWith(VERSION_BLOCK_AFTER);
    }

    /**
     * The stretch of a branching body this statement sits in ({@link Body#arm}), or null when it runs whenever
     * its script or body runs: what a statement of one stretch establishes may not hold outside it.
     */
    public String branch() {
        return body == null || body.straightLine() ? null : body.id() + '#' + body.arm();
    }

    /**
     * True for a statement whose script runs more than once: a Flyway repeatable migration, a Liquibase
     * {@code runAlways} or {@code runOnChange} changeset. What such a script builds, an earlier run of it built too.
     */
    public boolean runsAgain() {
        return label.startsWith(REPEATABLE) || label.contains(", " + RUN_ALWAYS)
                || label.contains(", " + RUN_ON_CHANGE);
    }

    public boolean runsWithMigration() {
        return kind == Kind.SCRIPT || kind == Kind.EXECUTED_BLOCK;
    }

    /**
     * True where the statements written before this one in the same script, block or routine body have run
     * whenever it runs: everywhere but in rollback code and in a trigger's body, which fires row by row. The down
     * section of a goose, sql-migrate or dbmate script is rollback code that runs as a script does, each statement
     * after the ones before it, as a down script's do.
     */
    public boolean followsEarlierStatements() {
        return runsWithMigration() || kind == Kind.ROUTINE_BODY && body != null && !firesWhenTriggered()
                || isDownSection();
    }

    /** True for a statement of the down section of a goose, sql-migrate or dbmate script ({@link #DOWN_SECTION}). */
    public boolean isDownSection() {
        return kind == Kind.ROLLBACK && DOWN_SECTION.equals(runScope());
    }

    /**
     * True inside the body of a trigger or a PostgreSQL rule, which runs whenever it fires, after the migration;
     * the body's label ({@code "trigger t body"}) may follow a changeset's ({@code "changeset a:1, trigger t body"}).
     */
    public boolean firesWhenTriggered() {
        return kind == Kind.ROUTINE_BODY && (label.startsWith("trigger ") || label.startsWith("rule ")
                || label.contains(", trigger ") || label.contains(", rule "));
    }

    /**
     * True inside code that runs on a schedule of its own after the migration, without a call: a pg_cron job's
     * command, an Oracle scheduler job's action and a SQL Server Agent job step's command ({@code ".., which runs it
     * on its schedule"}) and a MySQL event's body ({@code ".., which runs on the event's schedule"}).
     */
    public boolean runsOnSchedule() {
        return kind == Kind.EXECUTED_BLOCK && (label.contains(", which runs it on its schedule")
                || label.contains(", which runs on the event's schedule"));
    }

    /** True for the text a call hands a routine that may run it ({@code run_ddl('DROP TABLE t')}). */
    public boolean handedToRoutine() {
        return kind == Kind.EXECUTED_BLOCK && SqlTextArguments.saysItMayRun(label);
    }

    public StatementContext withLabel(String newLabel) {
        return new StatementContext(kind, newLabel, databases, body);
    }

    public StatementContext withBody(Body newBody) {
        return new StatementContext(kind, label, databases, newBody);
    }
}
