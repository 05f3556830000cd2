package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * A MODIFY clause written in the shape of MySQL's CHANGE: {@code MODIFY [COLUMN] old new type}, two names and then
 * a type. No database reads MODIFY with two names, but what it means is plain: rename {@code old} to {@code new}
 * and give it {@code type}. Read as CHANGE, it is judged as that rename and type change, not as a change of
 * {@code old} to a type called "{@code new type}".
 */
public final class ModifyWithNewName {

    /**
     * Words that begin a built-in type. The second name must not be one ({@code DOUBLE PRECISION},
     * {@code LONG VARCHAR}, {@code CHARACTER VARYING(20)} are one type of two words), and the word after it must be.
     */
    private static final Set<String> TYPE_WORDS = Set.of("CHAR", "CHARACTER", "VARCHAR", "VARCHAR2", "NCHAR",
            "NVARCHAR", "NVARCHAR2", "NATIONAL", "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "CLOB", "NCLOB",
            "INT", "INTEGER", "TINYINT", "SMALLINT", "MEDIUMINT", "BIGINT", "DECIMAL", "DEC", "NUMERIC", "NUMBER",
            "FLOAT", "REAL", "DOUBLE", "BOOLEAN", "BOOL", "BIT", "DATE", "TIME", "TIMESTAMP", "DATETIME",
            "DATETIME2", "SMALLDATETIME", "INTERVAL", "BINARY", "VARBINARY", "BLOB", "TINYBLOB", "MEDIUMBLOB",
            "LONGBLOB", "BYTEA", "RAW", "LONG", "UUID", "UNIQUEIDENTIFIER", "JSON", "JSONB", "ENUM", "YEAR",
            "MONEY", "SERIAL", "BIGSERIAL", "XML", "GRAPHIC", "VARGRAPHIC", "DBCLOB");

    private ModifyWithNewName() {
    }

    /**
     * The index of the new name in {@code clause} (the tokens after the MODIFY word, maybe starting with COLUMN)
     * when it is written in CHANGE's shape, else -1.
     */
    public static int newNameAt(List<Token> clause) {
        int i = !clause.isEmpty() && clause.get(0).isWord("COLUMN") ? 1 : 0;
        if (i + 1 < clause.size() && clause.get(i).isWord("IF") && clause.get(i + 1).isWord("EXISTS")) {
            i += 2; // MariaDB, ClickHouse: MODIFY COLUMN IF EXISTS c ..
        }
        ObjectNames.NameAt old = ObjectNames.readName(clause, i);
        if (old == null || old.next() + 1 >= clause.size()) {
            return -1;
        }
        Token renamed = clause.get(old.next());
        Token type = clause.get(old.next() + 1);
        boolean name = renamed.type() == TokenType.QUOTED_NAME
                || renamed.type() == TokenType.WORD && !TYPE_WORDS.contains(renamed.upper())
                        && !ColumnChanges.NOT_TYPES.contains(renamed.upper()) // DEFAULT DATE '2020-01-01'
                        && !renamed.isAnyWord("TYPE", "DATA"); // Snowflake: MODIFY COLUMN c TYPE VARCHAR(50)
        return name && type.type() == TokenType.WORD && TYPE_WORDS.contains(type.upper()) ? old.next() : -1;
    }
}
