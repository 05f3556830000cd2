package io.github.sqlguard.analysis;

/** Why the join of a DELETE's or UPDATE's targets to other tables, with a condition, limits none of their rows. */
public enum JoinReach {
    /** No such join, or one that may limit the rows. */
    LIMITING,
    /** Joined only on conditions that hold for every pair of rows ({@code JOIN c ON 1 = 1}): a cross join. */
    EVERY_PAIR,
    /**
     * Joined on conditions that name no column of a target ({@code UPDATE t JOIN u ON u.live = 1 SET ..}): every
     * row of it meets them alike, so it is paired with the same rows of the others or with none.
     */
    OTHER_TABLES_ONLY
}
