package io.github.sqlguard.analysis;

import java.util.Optional;

/**
 * What the scratch tables of a script hold when a DELETE or UPDATE runs, for a condition that requires a related row
 * in one: rows the script chose restrict, while a table it filled with every row of another stands for that table.
 */
public interface ScratchRows {

    /** No scratch table known. */
    ScratchRows NONE = new ScratchRows() {
        @Override
        public boolean chosen(String table) {
            return false;
        }

        @Override
        public Optional<ScratchFill> everyRowFill(String table) {
            return Optional.empty();
        }
    };

    /** True when {@code table} (as written) is one the script created and filled only with rows it chose. */
    boolean chosen(String table);

    /**
     * The query that filled {@code table} (as written), a table the script created, with every row it reads, as long
     * as no DELETE, UPDATE or MERGE has changed which rows it holds since.
     */
    Optional<ScratchFill> everyRowFill(String table);
}
