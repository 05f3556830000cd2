package io.github.sqlguard.analysis;

/** What a DELETE's or UPDATE's own WHERE clause tells about the rows it touches. */
public enum WhereFact {
    /** No WHERE: every row (unless a join limits them). */
    ABSENT,
    /**
     * No WHERE, and T-SQL's {@code TOP (n)} or a MySQL {@code LIMIT n} caps how many rows are taken: arbitrary
     * ones, and every row once a loop repeats the statement until none is left.
     */
    ABSENT_BUT_CAPPED,
    /**
     * No WHERE, and an earlier T-SQL {@code SET ROWCOUNT n} of the same session caps how many rows each statement
     * takes until {@code SET ROWCOUNT 0}: arbitrary ones, as with {@code TOP (n)}.
     */
    ABSENT_BUT_SESSION_CAPPED,
    /** A condition that depends on the row. */
    PRESENT,
    /** A condition that holds for every row ({@code 1 = 1}, {@code TRUE}, {@code id = id}, ..). */
    ALWAYS_TRUE,
    /**
     * A condition on columns of the other tables alone ({@code DELETE FROM t USING u WHERE u.y = 1}): it decides
     * whether the statement runs, never which of the target's rows it touches.
     */
    OTHER_TABLES_ONLY,
    /**
     * As {@link #OTHER_TABLES_ONLY}, written as {@code NOT EXISTS} subqueries alone ({@code WHERE NOT EXISTS (SELECT
     * 1 FROM u WHERE u.y = 1)}): it holds for every row of the target while no row of the other tables matches, and
     * for none once one does.
     */
    NO_OTHER_ROW_ONLY,
    /**
     * A condition that names no column, only variables ({@code WHERE @purge = 1}, T-SQL and MySQL): it decides
     * whether the statement runs, never which rows it touches.
     */
    VARIABLES_ONLY,
    /**
     * A condition that names no column and no variable, only literals and functions of them ({@code WHERE now() >
     * '2024-01-01'}): it holds for every row or for none.
     */
    NO_COLUMN,
    /**
     * A condition with a part on variables alone joined by OR ({@code WHERE @org IS NULL OR org_id = @org}, an
     * optional filter): whenever that part holds, it holds for every row, as a condition on variables alone does.
     */
    VARIABLE_SWITCH,
    /**
     * A condition with a part that compares a column with a fallback to itself ({@code WHERE id = ISNULL(@id, id)},
     * the catch-all filter): whenever the variables are NULL, that part holds for every row with a value.
     */
    VARIABLE_FALLBACK,
    /**
     * A condition with a part on the columns of the other tables of a {@code USING} or {@code FROM} list alone, joined
     * by OR ({@code DELETE FROM t USING u WHERE t.u_id = u.id OR u.closed}): as soon as a row of those tables meets
     * that part, it holds for every row of the target.
     */
    OTHER_TABLES_SWITCH,
    /**
     * A condition that only caps how many rows are taken, not which ({@code WHERE ROWNUM <= 10000}, Oracle): the
     * rows are arbitrary ones, and a loop that repeats the statement reaches every row.
     */
    ROW_COUNT_ONLY;

    /** True when nothing in the statement says which rows it takes, whether or not something caps how many. */
    public boolean absent() {
        return this == ABSENT || this == ABSENT_BUT_CAPPED || this == ABSENT_BUT_SESSION_CAPPED;
    }

    /** True when the condition decides only whether the statement runs, never which of the target's rows it takes. */
    public boolean decidesOnlyWhetherItRuns() {
        return this == OTHER_TABLES_ONLY || this == NO_OTHER_ROW_ONLY || this == VARIABLES_ONLY || this == NO_COLUMN || this == VARIABLE_SWITCH
                || this == VARIABLE_FALLBACK || this == OTHER_TABLES_SWITCH;
    }

    /**
     * True when the condition names no column of the joined tables' rows ({@code 1 = 1}, {@code @purge = 1},
     * {@code now() > '2024-01-01'}): it holds for every row or for none, so a join alone chooses the rows.
     */
    public boolean leavesRowsToJoin() {
        return this == ALWAYS_TRUE || this == NO_COLUMN || this == VARIABLES_ONLY;
    }

    /** True when only the number of rows taken is capped, so the rows are arbitrary ones. */
    public boolean onlyCapsRowCount() {
        return this == ABSENT_BUT_CAPPED || this == ABSENT_BUT_SESSION_CAPPED || this == ROW_COUNT_ONLY;
    }
}
