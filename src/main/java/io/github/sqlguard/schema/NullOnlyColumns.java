package io.github.sqlguard.schema;

import java.util.Optional;

/**
 * What the script run knows of columns that hold nothing but NULL: one it added without a value that nothing has
 * written since. A WHERE that asks for NULL there ({@code DELETE FROM t WHERE c_new IS NULL}) selects every row.
 */
@FunctionalInterface
public interface NullOnlyColumns {

    /** Nothing known. */
    NullOnlyColumns NONE = (table, column) -> Optional.empty();

    /** Why {@code column} of {@code table} (as written) holds only NULL in every row, or empty when it may not. */
    Optional<String> whyOnlyNull(String table, String column);
}
