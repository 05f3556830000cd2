package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call of a database's import utility in replace mode, which deletes every row of the table before it loads the
 * file: Derby's {@code CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(schema, table, .., 1)} (and {@code SYSCS_IMPORT_DATA},
 * their {@code _LOBS_FROM_EXTFILE} and {@code _BULK} forms) with a non-zero replace argument, and Db2's
 * {@code CALL SYSPROC.ADMIN_CMD('IMPORT FROM .. REPLACE INTO t')} or {@code 'LOAD FROM .. REPLACE INTO t'}, also
 * written as the command itself, as a script run by the Db2 command line processor ({@code db2 -tf}) writes it.
 *
 * @param command the words a message names the statement by: {@code CALL} and the procedure, or Db2's command
 * @param table the emptied table as written
 * @param at the argument that asks for replace mode
 * @param detail how the call asks for it, for messages
 */
record ReplacingImportCall(String command, String table, Token at, String detail) {

    /**
     * Db2: IMPORT or LOAD .. REPLACE [options] INTO t (REPLACE_CREATE too); INSERT and the others keep the rows. The
     * mode is the last of these words before INTO: a file or message path before it may hold one as well.
     */
    private static final Pattern DB2_REPLACE = Pattern.compile(
            "^\\s*(?:IMPORT|LOAD)\\b.*?\\bREPLACE(?:_CREATE)?\\b"
                    + "(?:(?!\\b(?:INSERT|INSERT_UPDATE|REPLACE|REPLACE_CREATE|CREATE|RESTART|TERMINATE)\\b).)*?"
                    + "\\bINTO\\s+([\\w.\"$#@]+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String[] DB2_MODES = {"INSERT", "INSERT_UPDATE", "REPLACE", "REPLACE_CREATE", "CREATE",
        "RESTART", "TERMINATE"};

    static Optional<ReplacingImportCall> of(List<Token> core) {
        if (!core.isEmpty() && core.get(0).isAnyWord("IMPORT", "LOAD")) {
            return db2Command(core);
        }
        if (core.size() < 4 || !core.get(0).isWord("CALL")) {
            return Optional.empty();
        }
        ObjectNames.NameAt procedure = ObjectNames.readName(core, 1);
        if (procedure == null || procedure.next() >= core.size() || !core.get(procedure.next()).isSymbol("(")) {
            return Optional.empty();
        }
        String name = ObjectNames.lastPart(procedure.text()).toUpperCase(Locale.ROOT);
        List<List<Token>> arguments = ObjectNames.callArguments(core, procedure.next());
        if (name.equals("ADMIN_CMD") && !arguments.isEmpty() && arguments.get(0).size() == 1
                && arguments.get(0).get(0).type() == TokenType.STRING) {
            Token command = arguments.get(0).get(0);
            Matcher matcher = DB2_REPLACE.matcher(command.stringValue());
            return matcher.find() ? Optional.of(new ReplacingImportCall("CALL " + procedure.text(), matcher.group(1),
                    command, "with REPLACE INTO")) : Optional.empty();
        }
        if (!name.startsWith("SYSCS_IMPORT_TABLE") && !name.startsWith("SYSCS_IMPORT_DATA")) {
            return Optional.empty();
        }
        int replaceAt = name.startsWith("SYSCS_IMPORT_TABLE") ? 6 : 8;
        if (arguments.size() <= replaceAt || arguments.get(replaceAt).size() != 1 || arguments.get(1).size() != 1) {
            return Optional.empty();
        }
        Token replace = arguments.get(replaceAt).get(0);
        if (replace.type() == TokenType.NUMBER && replace.text().matches("0+")) {
            return Optional.empty();
        }
        String table = arguments.get(1).get(0).stringValue();
        List<Token> schema = arguments.get(0);
        if (schema.size() == 1 && schema.get(0).type() == TokenType.STRING) {
            table = schema.get(0).stringValue() + "." + table;
        }
        return Optional.of(new ReplacingImportCall("CALL " + procedure.text(), table, replace, "in replace mode"));
    }

    /**
     * Db2's command line processor runs {@code IMPORT FROM f OF DEL REPLACE INTO t} and {@code LOAD [CLIENT] FROM ..
     * REPLACE INTO t} as they stand; MySQL's {@code LOAD DATA} and PostgreSQL's {@code IMPORT FOREIGN SCHEMA} have no
     * FROM after their verb.
     */
    private static Optional<ReplacingImportCall> db2Command(List<Token> core) {
        int from = core.size() > 1 && core.get(0).isWord("LOAD") && core.get(1).isWord("CLIENT") ? 2 : 1;
        if (from >= core.size() || !core.get(from).isWord("FROM")) {
            return Optional.empty();
        }
        // The mode is the last mode word before INTO: the file's path, or the MESSAGES file's, may hold one too.
        Token mode = null;
        for (int i = from + 1; i + 1 < core.size(); i++) {
            if (core.get(i).isAnyWord(DB2_MODES)) {
                mode = core.get(i);
            } else if (mode != null && core.get(i).isWord("INTO")) {
                ObjectNames.NameAt table = ObjectNames.readName(core, i + 1);
                return table == null || !mode.isAnyWord("REPLACE", "REPLACE_CREATE") ? Optional.empty()
                        : Optional.of(new ReplacingImportCall(core.get(0).upper(), table.text(), mode,
                                "with " + mode.upper() + " INTO"));
            }
        }
        return Optional.empty();
    }


}
