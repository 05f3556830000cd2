package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * The table a statement creates, read from its first words: {@code CREATE TABLE}, {@code CREATE TABLE IF NOT
 * EXISTS}, {@code CREATE OR REPLACE TABLE} and {@code SELECT .. INTO t}. Whether that table holds rows from before
 * the script depends on which of these it is, so each has its own question.
 */
public final class CreatedTableNames {

    private CreatedTableNames() {
    }

    /**
     * The table of a {@code CREATE [OR REPLACE] [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED|TRANSIENT] TABLE} (or
     * {@code RECREATE TABLE}, or Db2's {@code DECLARE GLOBAL TEMPORARY TABLE}) statement. A
     * {@code CREATE TABLE IF NOT EXISTS} of a permanent table is no creation: the table may already exist with
     * rows, and a later drop would lose them (fail closed).
     */
    public static Optional<String> createdTable(List<Token> core) {
        return tableOfCreate(core, false, false);
    }

    /** The table {@code CREATE TABLE [IF NOT EXISTS] t} names: either way a table of that name exists after it. */
    public static Optional<String> namedByCreate(List<Token> core) {
        return tableOfCreate(core, false, true);
    }

    /**
     * The table that {@code CREATE OR REPLACE TABLE t} (MariaDB, MySQL, Snowflake, ClickHouse, Db2 12, ..;
     * Snowflake's {@code TRANSIENT}, {@code HYBRID} and {@code ICEBERG} tables hold rows too) and Firebird's
     * {@code RECREATE TABLE t} drop before creating it again, rows and all; not for a temporary table.
     */
    static Optional<String> replacedTable(List<Token> core) {
        return tableOfCreate(core, true, false);
    }

    private static Optional<String> tableOfCreate(List<Token> core, boolean replacedOnly, boolean ifNotExists) {
        // Db2: DECLARE GLOBAL TEMPORARY TABLE session.t creates a temporary table for the connection.
        boolean declared = core.size() > 1 && core.get(0).isWord("DECLARE") && core.get(1).isWord("GLOBAL");
        if (core.isEmpty() || !core.get(0).isAnyWord("CREATE", "RECREATE") && !declared) {
            return Optional.empty();
        }
        int i = 1;
        boolean replace = core.get(0).isWord("RECREATE");
        if (i + 1 < core.size() && core.get(i).isWord("OR") && core.get(i + 1).isWord("REPLACE")) {
            replace = true;
            i += 2;
        }
        boolean temporary = false;
        while (i < core.size() && core.get(i).isAnyWord("GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED",
                "PRIVATE", "SHARDED", "DUPLICATED", "TRANSIENT", "HYBRID", "ICEBERG", "VOLATILE")) {
            // Snowflake: a VOLATILE table is a temporary one; a TRANSIENT table is permanent without fail-safe.
            temporary |= core.get(i).isAnyWord("TEMP", "TEMPORARY", "VOLATILE");
            i++;
        }
        if (i >= core.size() || !core.get(i).isWord("TABLE") || replacedOnly && (!replace || temporary)) {
            return Optional.empty();
        }
        i++;
        if (i + 2 < core.size() && core.get(i).isWord("IF") && core.get(i + 1).isWord("NOT")
                && core.get(i + 2).isWord("EXISTS")) {
            if (!temporary && !ifNotExists) {
                return Optional.empty();
            }
            i += 3;
        }
        ObjectNames.NameAt name = ObjectNames.readName(core, i);
        return name == null ? Optional.empty() : Optional.of(name.text());
    }

    /**
     * True for {@code CREATE [GLOBAL|LOCAL] TEMP|TEMPORARY TABLE} and {@code SELECT .. INTO TEMP|TEMPORARY t}: in
     * PostgreSQL a table of the session's own schema, which the session searches before its search path.
     */
    public static boolean createsTemporaryTable(List<Token> core) {
        if (core.isEmpty()) {
            return false;
        }
        if (core.get(0).isWord("CREATE")) {
            for (int i = 1; i < core.size() && !core.get(i).isWord("TABLE"); i++) {
                if (core.get(i).isAnyWord("TEMP", "TEMPORARY")) {
                    return true;
                }
            }
            return false;
        }
        if (core.get(0).isWord("SELECT")) {
            for (int i = 1; i + 1 < core.size(); i++) {
                if (core.get(i).isWord("INTO") && core.get(i + 1).isAnyWord("TEMP", "TEMPORARY")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The table {@code SELECT .. INTO t FROM ..} creates (T-SQL, and PostgreSQL outside a routine), which fails
     * when t exists, so it surely holds only the rows the script put there. Inside a PL/SQL or PL/pgSQL block the
     * same words fill variables, so only a T-SQL statement or a script's own statement counts ({@code topLevel}).
     */
    static Optional<String> selectedIntoTable(List<Token> core, boolean tsql, boolean topLevel) {
        if (core.isEmpty() || !core.get(0).isWord("SELECT") || !(tsql || topLevel)) {
            return Optional.empty();
        }
        int depth = 0;
        for (int i = 1; i < core.size(); i++) {
            Token token = core.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isAnyWord("FROM", "UNION")) {
                return Optional.empty();
            }
            if (depth == 0 && token.isWord("INTO")) {
                int at = i + 1;
                while (at < core.size() && core.get(at).isAnyWord("TEMP", "TEMPORARY", "UNLOGGED", "TABLE")) {
                    at++;
                }
                ObjectNames.NameAt name = ObjectNames.readName(core, at);
                // MySQL: INTO @v, INTO OUTFILE 'f' write no table.
                return name == null || ObjectNames.isVariable(name.text())
                        || name.text().equalsIgnoreCase("OUTFILE") || name.text().equalsIgnoreCase("DUMPFILE")
                        ? Optional.empty() : Optional.of(name.text());
            }
        }
        return Optional.empty();
    }
}
