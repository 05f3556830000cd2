package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dynamic SQL that is only partly known but cannot lose rows whatever the unknown part holds: a sequence or an
 * index made or changed with a value computed when the migration runs, as scripts that move from identity columns
 * to sequences do ({@code EXECUTE IMMEDIATE 'ALTER SEQUENCE s INCREMENT BY ' || (max_id - last_value)},
 * {@code PREPARE st FROM @create_index}, {@code 'ALTER INDEX ' || l_index || ' RENAME TO ' || l_name}), and the
 * code objects, contexts and views Oracle install scripts make,
 * recompile or drop by a computed name or with computed flags ({@code 'CREATE OR REPLACE CONTEXT ' || l_name},
 * {@code 'CREATE OR REPLACE DIRECTORY d AS ''' || l_path},
 * {@code 'ALTER PACKAGE p COMPILE BODY PLSQL_CCFLAGS=''' || l_flags}, {@code 'DROP TRIGGER ' || l_trigger}), and
 * the session settings, savepoints and Oracle queries they run by computed names
 * ({@code 'ALTER SESSION SET NLS_DATE_FORMAT = ''' || l_format}, {@code 'SELECT COUNT(*) FROM ' || l_view}), and
 * the privileges and comments they grant, revoke or write by a computed name
 * ({@code 'GRANT EXECUTE ON ' || l_name || ' TO PUBLIC'}).
 * So are the Oracle INSERTs they fill with computed values ({@code 'INSERT INTO t VALUES (' || rec.id || ')'}).
 * This holds only where the text runs as exactly one statement (Oracle's
 * {@code EXECUTE IMMEDIATE}, MySQL's {@code PREPARE}), so its leading literal fixes what that statement is. A T-SQL
 * batch or a PL/pgSQL {@code EXECUTE} may run more statements after a {@code ;} in the unknown part.
 */
final class HarmlessDynamicSql {

    /** The statements the leading literal may open: none of them can carry a clause that loses rows. */
    private static final Pattern HARMLESS_START = Pattern.compile(
            "(?is)\\s*(?:(?:CREATE|ALTER)\\s+SEQUENCE|CREATE\\s+(?:UNIQUE\\s+)?INDEX"
                    + "|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONTEXT|(?:PUBLIC\\s+)?SYNONYM|VIEW|DIRECTORY)"
                    // ALTER TYPE is not here: its DROP ATTRIBUTE .. CASCADE drops the column data of dependent tables.
                    // An index holds no rows of its own, so renaming, rebuilding or disabling one loses none.
                    + "|ALTER\\s+(?:PACKAGE|PROCEDURE|FUNCTION|TRIGGER|VIEW|INDEX)"
                    + "|DROP\\s+(?:TRIGGER|VIEW|(?:PUBLIC\\s+)?SYNONYM|INDEX|PACKAGE|PROCEDURE|FUNCTION)"
                    // A session setting, a savepoint or a rollback to one changes no committed row.
                    + "|ALTER\\s+SESSION|SAVEPOINT|ROLLBACK\\s+TO"
                    // A privilege or a comment holds no rows (Oracle install scripts grant in a loop over objects).
                    + "|GRANT|REVOKE|COMMENT\\s+ON)\\s.*");

    /**
     * An Oracle query: Oracle refuses a row change inside one (ORA-14551), so only a function declared with
     * {@code PRAGMA AUTONOMOUS_TRANSACTION} could lose rows from it, which a computed table or column name does not
     * call. MySQL runs a stored function's row changes from any query, so its prepared SELECT is not listed.
     */
    private static final Pattern ORACLE_QUERY_START = Pattern.compile("(?is)\\s*SELECT\\s.*");

    /**
     * An Oracle INSERT, multi-table ones too: it only adds rows, whatever values, columns or query the run-time
     * part supplies. MariaDB's may end in {@code ON DUPLICATE KEY UPDATE}, which the unknown part could hold, and
     * Snowflake's {@code INSERT OVERWRITE} empties the table first, so neither is listed.
     */
    private static final Pattern ORACLE_INSERT_START = Pattern.compile(
            "(?is)\\s*INSERT\\s+(?:/\\*.*?\\*/\\s*)?(?:INTO|ALL|FIRST)\\s.*");

    private HarmlessDynamicSql() {
    }

    /**
     * True when {@code source}, what the statement {@code tokens} runs, is built in part at run time yet runs as one
     * statement that its leading literal makes one of the statements above.
     */
    static boolean cannotLoseRows(List<Token> tokens, DynamicSql.Source source, Dialect dialect) {
        boolean oneStatement = tokens.size() > 1 && (tokens.get(0).isAnyWord("EXECUTE", "EXEC")
                && tokens.get(1).isWord("IMMEDIATE") || tokens.get(0).isWord("PREPARE"));
        List<Token> parts = source.literals();
        if (!oneStatement || source.variable() != null || parts.isEmpty()) {
            return false;
        }
        boolean oracle = runsOracleText(tokens, dialect);
        int branch = 0;
        for (int i = 0; i <= parts.size(); i++) {
            if (i < parts.size() && !isBranchEnd(parts.get(i))) {
                continue;
            }
            String start = leadingText(parts.subList(branch, i));
            if (start.isEmpty() || !HARMLESS_START.matcher(start).matches() && !(oracle
                    && (ORACLE_QUERY_START.matcher(start).matches() || ORACLE_INSERT_START.matcher(start).matches()))) {
                return false;
            }
            branch = i + 1;
        }
        return true;
    }

    /** The {@code ;} between the texts of the branches of a conditional text ({@link ConditionalText}). */
    private static boolean isBranchEnd(Token part) {
        return part.type() == TokenType.WORD && part.text().equals(";");
    }

    /**
     * The literals a text starts with, joined ({@code 'DROP ' || 'SYNONYM ' || name} starts {@code DROP SYNONYM }):
     * what the statement is; empty when it starts with a part built at run time.
     */
    private static String leadingText(List<Token> parts) {
        StringBuilder text = new StringBuilder();
        for (Token part : parts) {
            if (part.type() != TokenType.STRING) {
                break;
            }
            text.append(part.stringValue());
        }
        return text.toString();
    }

    /**
     * True for {@code EXECUTE IMMEDIATE} as Oracle runs it: MariaDB has the statement too, and there (or under the
     * auto dialect, where its {@code CONCAT(..)} gives it away) a query or an INSERT may change rows.
     */
    private static boolean runsOracleText(List<Token> tokens, Dialect dialect) {
        return tokens.get(1).isWord("IMMEDIATE") && !dialect.isMySqlFamily()
                && !(dialect == Dialect.AUTO && tokens.size() > 2 && tokens.get(2).isWord("CONCAT"));
    }
}
