package io.github.sqlguard.sql;

import java.util.List;

/**
 * Signs in a script read in auto that only MySQL or MariaDB runs it, where {@code "..."} is a string, not the
 * quoted name the other databases read: {@code PREPARE st FROM ..} (PostgreSQL prepares with AS), a storage engine
 * only they have ({@code ENGINE = InnoDB}), or a backtick-quoted name in a script that also uses {@code @variables}
 * (T-SQL has the variables but no backticks, ClickHouse the backticks but no such variables). Such a script builds
 * its statements in double-quoted strings ({@code SET @s = IF(.., "SELECT 1", "ALTER TABLE ..")}), which are read
 * as strings then.
 */
final class MySqlScriptSigns {

    private static final String[] ENGINES = {"INNODB", "MYISAM", "ARIA", "ROCKSDB", "TOKUDB", "NDBCLUSTER",
        "BLACKHOLE", "ARCHIVE"};

    private MySqlScriptSigns() {
    }

    /** True when {@code tokens}, lexed in auto, hold a double-quoted name and show that only MySQL runs them. */
    static boolean doubleQuotesAreStrings(List<Token> tokens) {
        boolean doubleQuoted = false;
        boolean backticks = false;
        boolean userVariables = false;
        boolean mySqlOnly = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.type() == TokenType.QUOTED_NAME) {
                doubleQuoted |= token.text().startsWith("\"");
                backticks |= token.text().startsWith("`");
            } else if (token.type() == TokenType.WORD) {
                userVariables |= token.text().length() > 1 && token.text().charAt(0) == '@'
                        && token.text().charAt(1) != '@';
                mySqlOnly |= preparesFrom(tokens, i) || namesEngine(tokens, i);
            }
        }
        return doubleQuoted && (mySqlOnly || backticks && userVariables);
    }

    /** {@code PREPARE st FROM}: MySQL's form; PostgreSQL writes {@code PREPARE st [(types)] AS}. */
    private static boolean preparesFrom(List<Token> tokens, int i) {
        return tokens.get(i).isWord("PREPARE") && i + 2 < tokens.size()
                && (tokens.get(i + 1).type() == TokenType.WORD || tokens.get(i + 1).type() == TokenType.QUOTED_NAME)
                && tokens.get(i + 2).isWord("FROM");
    }

    /** {@code ENGINE [=] InnoDB} and the other storage engines only MySQL and MariaDB have. */
    private static boolean namesEngine(List<Token> tokens, int i) {
        if (!tokens.get(i).isWord("ENGINE")) {
            return false;
        }
        int value = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("=") ? i + 2 : i + 1;
        return value < tokens.size() && tokens.get(value).isAnyWord(ENGINES);
    }
}
