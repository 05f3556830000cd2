package io.github.sqlguard.sql;

/**
 * A statement of a routine's body whose dynamic SQL one call decides whole: it runs a text the call's literals make
 * known ({@code EXECUTE format('SELECT count(*) FROM %I', tbl) INTO n} runs {@code SELECT count(*) FROM orders}
 * for {@code assert_empty('orders')}), or, in T-SQL, it only gives a variable such a text ({@code DECLARE @sql
 * nvarchar(max) = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@table) + N') THROW ..'}), changing no table itself.
 * The body reads then as if that text were written in it, where the statement stands.
 *
 * @param statement the statement of the body, located where it is written
 * @param runs the SQL it runs, as the database reads it (quotes unescaped); null for an assignment that runs nothing
 */
public record BuiltText(Statement statement, String runs) {

    /** True for an assignment that only gives a variable the text, running nothing. */
    public boolean onlyAssigns() {
        return runs == null;
    }
}
