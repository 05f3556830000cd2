package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;

/**
 * Objects whose name alone says they live only as long as the migration's session or batch, so dropping or
 * emptying them loses nothing that outlives it.
 */
final class TemporaryNames {

    private TemporaryNames() {
    }

    /**
     * A table whose name alone says it is temporary: T-SQL {@code #temp} and {@code ##global}, a table of the
     * session's own schema ({@link #inSessionSchema}), and Oracle's private temporary tables, which must carry the
     * prefix {@code ORA$PTT_} (the database's default) and live for a transaction or session.
     */
    static boolean isTemporaryTable(String table, Dialect dialect) {
        String lastName = ObjectNames.normalize(ObjectNames.lastPart(table));
        if (ObjectNames.isHashTemporary(lastName)) {
            return true;
        }
        if ((dialect == Dialect.ORACLE || dialect == Dialect.AUTO) && lastName.startsWith("ora$ptt_")) {
            return true;
        }
        return inSessionSchema(table, dialect);
    }

    /**
     * A type or routine of PostgreSQL's {@code pg_temp} schema dropped with CASCADE, or with the columns of its
     * type: whatever depends on it goes when the migration's session ends anyway, as PostgreSQL then drops the
     * schema's objects with CASCADE, so the drop takes nothing that would outlive the session.
     */
    static boolean takesOnlySessionObjects(DestructiveClause clause, Dialect dialect) {
        return (clause.kind() == ClauseKind.CASCADE || clause.kind() == ClauseKind.DROPPED_TYPE_COLUMNS)
                && clause.name() != null && inSessionSchema(clause.name(), dialect);
    }

    /**
     * A name qualified by the schema that holds only the connection's temporary objects: SQLite's {@code temp},
     * PostgreSQL's {@code pg_temp} (an alias of the session's {@code pg_temp_N}).
     */
    private static boolean inSessionSchema(String name, Dialect dialect) {
        String last = ObjectNames.lastPart(name);
        if (last.length() >= name.length()) {
            return false;
        }
        String schema = ObjectNames.normalize(name.substring(0, name.length() - last.length() - 1));
        return dialect == Dialect.SQLITE && schema.equals("temp")
                || (dialect == Dialect.POSTGRESQL || dialect == Dialect.AUTO) && schema.matches("pg_temp(_\\d+)?");
    }
}
