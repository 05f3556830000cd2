package io.github.sqlguard.analysis;

/** Which rows a DELETE or UPDATE chooses, and so what its {@link WhereFact} is about. */
public enum RowSelection {
    /** A DELETE or UPDATE statement: its own WHERE and joins choose the rows. */
    STATEMENT,
    /**
     * A MERGE action under {@code WHEN MATCHED}: the rows its ON condition matches, narrowed by the clause's
     * {@code AND} condition (and Oracle's {@code UPDATE .. WHERE} and {@code DELETE WHERE}). Its WHERE fact says
     * whether all of these together hold for every row; a MERGE always has an ON, so never ABSENT.
     */
    MERGE_MATCHED,
    /**
     * A MERGE action under {@code WHEN NOT MATCHED BY SOURCE} (T-SQL, PostgreSQL 17): every target row the source
     * does not hold. The source limits them, so the change counts as restricted by a join; its WHERE fact is the
     * clause's {@code AND} condition.
     */
    MERGE_NOT_MATCHED_BY_SOURCE,
    /**
     * An INSERT OR REPLACE or REPLACE whose SELECT reads every row of its own target: each row is deleted and
     * inserted again, so the statement rewrites every row, and columns the SELECT does not fill lose their values.
     */
    UPSERT_REPLACING_ITSELF,
    /**
     * An {@code ON CONFLICT DO UPDATE}, {@code ON DUPLICATE KEY UPDATE} or H2 {@code MERGE .. KEY} whose SELECT
     * reads every row of its own target: every row collides with itself, so the update changes every row.
     */
    UPSERT_UPDATING_ITSELF,
    /**
     * An UPDATE whose every assignment writes a column's own value back ({@code SET request = request}, written
     * to fire the table's triggers), fills only its NULLs ({@code SET flag = COALESCE(flag, FALSE)}, before a NOT
     * NULL) or changes only the values a CASE's WHENs pick ({@code CASE WHEN c = 'a' THEN 'b' ELSE c END}) or
     * PostgreSQL's {@code array_replace(c, 'a', 'b')} and {@code array_remove(c, 'a')} name: it
     * changes no stored value but those a WHERE would have chosen, whichever rows it reaches.
     */
    OWN_VALUES_WRITTEN_BACK
}
