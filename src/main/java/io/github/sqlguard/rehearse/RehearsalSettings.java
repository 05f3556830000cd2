package io.github.sqlguard.rehearse;

/**
 * How the rehearsal seeds and judges.
 *
 * @param rowsPerTable how many synthetic rows every table holds before each new migration
 * @param maxRowShare the share of a table's rows (0 to 1) a statement may remove or overwrite unreported
 */
public record RehearsalSettings(int rowsPerTable, double maxRowShare) {

    public static final int DEFAULT_ROWS = 300;
    public static final double DEFAULT_MAX_ROW_SHARE = 0.5;

    /** @throws IllegalArgumentException naming the valid range */
    public RehearsalSettings {
        if (rowsPerTable < 1 || rowsPerTable > 100_000) {
            throw new IllegalArgumentException("rehearsalRows must be between 1 and 100000, not " + rowsPerTable);
        }
        if (!(maxRowShare >= 0 && maxRowShare < 1)) {
            throw new IllegalArgumentException("maxRowShare must be at least 0 and below 1 (a share of a table's rows,"
                    + " 0.5 for half), not " + maxRowShare);
        }
    }
}
