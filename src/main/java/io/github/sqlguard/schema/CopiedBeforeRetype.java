package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guard of a type change whose column had every value copied to another column earlier in the run: a script
 * that keeps the old values aside before a lossy conversion ({@code UPDATE users SET verified_at = verified;
 * ALTER TABLE users ALTER COLUMN verified TYPE boolean USING verified IS NOT NULL}) can restore them, as a copy
 * guards a DROP COLUMN.
 */
final class CopiedBeforeRetype {

    private CopiedBeforeRetype() {
    }

    /** The guard over the altered columns of the ALTER TABLE at {@code main} whose values {@code copies} keep. */
    static Optional<Guard> guardOf(List<Token> tokens, int main, Map<String, ColumnCopy> copies,
            DatabaseScope databases) {
        return ColumnCopy.guardOf(Guard.Kind.RETYPED_COLUMN_COPIED, DestroyedTables.alteredColumns(tokens, main),
                copies, databases);
    }
}
