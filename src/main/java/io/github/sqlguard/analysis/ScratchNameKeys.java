package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;

/**
 * How the scratch tables ({@link ScratchTables}) key a table's name at the statement at hand: as the table the name
 * means there, in that statement's dialect and after the script's switches of database and schema
 * ({@link TableNamespace}).
 */
record ScratchNameKeys(TableNamespace.Names names, Dialect dialect) {

    /** Before any statement: no switch of database or schema, no dialect's own folding. */
    static final ScratchNameKeys START = new ScratchNameKeys(new TableNamespace.Names("", ""), Dialect.AUTO);

    /**
     * The name as the scratch tables are keyed: the table it means ({@code t} after {@code USE s} is {@code s.t}, and
     * {@code public.t} is {@code t}), its last part as {@link #tableKey} writes it.
     */
    String key(String table) {
        String resolved = names.resolve(table, dialect);
        return resolved.substring(0, resolved.lastIndexOf('/') + 1) + tableKey(ObjectNames.lastPart(table));
    }

    /**
     * How a session's temporary tables are keyed for an unqualified PostgreSQL name in the database at hand; null
     * for a qualified name or another dialect, where the name resolves as {@link #key} says.
     */
    String sessionKey(String table) {
        if (dialect != Dialect.POSTGRESQL || ObjectNames.lastPart(table).length() < table.length()) {
            return null;
        }
        return names.database() + "/" + tableKey(table);
    }

    /**
     * A table's own name as keyed: case-folded, quotes removed, except where a double-quoted name
     * is not written in the case the database folds names to, which keeps it apart from the folded name: in
     * PostgreSQL {@code "Foo"} is not {@code foo}; in Oracle {@code "PAYMENTS"} is {@code payments} and
     * {@code "payments"} is not.
     */
    String tableKey(String table) {
        // Oracle and H2 fold unquoted names to upper case, where PostgreSQL and the others fold to lower case.
        boolean foldsToUpperCase = dialect == Dialect.ORACLE || dialect == Dialect.H2;
        boolean inQuotes = false;
        for (int i = 0; i < table.length(); i++) {
            char c = table.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (inQuotes && (foldsToUpperCase ? Character.isLowerCase(c) : Character.isUpperCase(c))) {
                return table.replace("`", "").replace("[", "").replace("]", "");
            }
        }
        return ObjectNames.normalize(table);
    }
}
