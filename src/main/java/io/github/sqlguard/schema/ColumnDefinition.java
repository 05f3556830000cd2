package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one column definition ({@code name type [NOT NULL] [PRIMARY KEY] [REFERENCES t (c) ON DELETE ..]})
 * and one table constraint ({@code [CONSTRAINT n] PRIMARY KEY (..)}, {@code FOREIGN KEY (..) REFERENCES ..}),
 * as CREATE TABLE and ALTER TABLE write them in every dialect.
 */
final class ColumnDefinition {

    /**
     * Words that end a column's type and start its attributes; MariaDB's {@code COMPRESSED [= zlib]} stores the
     * values compressed and leaves the type as it is.
     */
    private static final Set<String> AFTER_TYPE = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "REFERENCES",
            "CONSTRAINT", "CHECK", "UNIQUE", "COLLATE", "GENERATED", "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY",
            "COMMENT", "ON", "AS", "ENCODE", "USING", "FIRST", "AFTER", "SPARSE", "ROWGUIDCOL",
            "INVISIBLE", "VISIBLE", "ENABLE", "DISABLE", "STORAGE", "COMPRESSION", "COMPRESSED", "MASKED", "SERIAL",
            "FILESTREAM", "SET", "DROP", "SORTKEY", "DISTKEY", "ENCRYPT", "TTL", "CODEC", "ALIAS", "MATERIALIZED", "EPHEMERAL");

    /** The serial types, NOT NULL by definition ({@link #serial}). */
    private static final Set<String> SERIAL_TYPES = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4",
            "SERIAL8");

    /** Words that start a table constraint rather than a column. */
    static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK",
            "KEY", "INDEX", "FULLTEXT", "SPATIAL", "EXCLUDE", "PERIOD", "LIKE");

    /**
     * True when the element at {@code at} of a CREATE TABLE or an ALTER TABLE .. ADD is a table constraint or an
     * index, false for a column. MySQL's index words are plain names elsewhere ({@code key varchar(255)} and
     * {@code fulltext tsvector} in PostgreSQL), and an index always lists what it covers in parentheses after its
     * optional name and {@code USING} method, where a type's parentheses hold a length; SQL:2011's period is
     * {@code PERIOD FOR ..}.
     */
    static boolean startsConstraint(List<Token> tokens, int at) {
        Token first = tokens.get(at);
        if (first.type() != TokenType.WORD || !CONSTRAINT_WORDS.contains(first.upper())) {
            return false;
        }
        if (first.isWord("PERIOD")) {
            return at + 1 < tokens.size() && tokens.get(at + 1).isWord("FOR");
        }
        if (!first.isAnyWord("KEY", "INDEX", "FULLTEXT", "SPATIAL")) {
            return true;
        }
        int i = at + 1;
        // MySQL: FULLTEXT [INDEX | KEY] [name] (..); a PostgreSQL column may be called fulltext.
        if (first.isAnyWord("FULLTEXT", "SPATIAL") && i < tokens.size() && tokens.get(i).isAnyWord("INDEX", "KEY")) {
            i++;
        }
        if (i < tokens.size() && !tokens.get(i).isSymbol("(") && !tokens.get(i).isWord("USING")) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).isWord("USING")) {
            i += 2;
        }
        return i + 1 < tokens.size() && tokens.get(i).isSymbol("(") && tokens.get(i + 1).type() != TokenType.NUMBER;
    }

    /**
     * A column read from a definition.
     *
     * @param column the column (its type empty when none was written, as in Oracle {@code MODIFY (c NOT NULL)})
     * @param nullability TRUE for NOT NULL, FALSE for NULL, null when neither was written
     * @param primaryKey true for an inline {@code PRIMARY KEY}
     * @param foreignKey an inline {@code REFERENCES}, or null
     */
    record Read(Column column, Boolean nullability, boolean primaryKey, ForeignKey foreignKey) {
    }

    private ColumnDefinition() {
    }

    /** The column defined by {@code tokens} from {@code from} on, or empty when no name starts there. */
    static Optional<Read> column(List<Token> tokens, int from) {
        SchemaNames.Read name = SchemaNames.name(tokens, from);
        if (name == null) {
            return Optional.empty();
        }
        int i = name.next();
        int typeEnd = i;
        while (typeEnd < tokens.size() && !tokens.get(typeEnd).isSymbol(",") && !endsType(tokens, i, typeEnd)) {
            typeEnd = tokens.get(typeEnd).isSymbol("(") ? ObjectNames.skipParentheses(tokens, typeEnd) : typeEnd + 1;
        }
        Optional<SqlType> type = typeEnd > i ? Optional.of(SqlType.parse(SchemaNames.text(tokens.subList(i, typeEnd))))
                : Optional.empty();
        Boolean nullability = null;
        boolean primaryKey = false;
        boolean computed = false;
        boolean serialDefault = false;
        Long numberedFrom = type.filter(ColumnDefinition::serial).isPresent() ? 1L : null;
        ForeignKey foreignKey = null;
        String collationSet = "";
        for (int j = typeEnd; j < tokens.size(); j++) {
            Token token = tokens.get(j);
            if (token.isWord("COLLATE") && j + 1 < tokens.size()) {
                collationSet = CollationCharacterSets.ofColumnCollation(tokens.get(j + 1).text());
            } else if (token.isWord("AS") && j + 1 < tokens.size() && tokens.get(j + 1).isSymbol("(")) {
                // GENERATED ALWAYS AS (expr), MySQL's and T-SQL's AS (expr); AS IDENTITY numbers rows instead.
                computed = true;
            } else if (token.isWord("NOT") && j + 1 < tokens.size() && tokens.get(j + 1).isWord("NULL")) {
                nullability = Boolean.TRUE;
                j++;
            } else if (token.isWord("NULL")) {
                nullability = Boolean.FALSE;
            } else if (token.isWord("PRIMARY")) {
                primaryKey = true;
            } else if (token.isAnyWord("AUTO_INCREMENT", "AUTOINCREMENT")) {
                numberedFrom = 1L;
            } else if (token.isWord("IDENTITY")) {
                numberedFrom = IdentityNumbering.firstNumber(tokens, j + 1);
            } else if (token.isWord("SERIAL") && j + 2 < tokens.size() && tokens.get(j + 1).isWord("DEFAULT")
                    && tokens.get(j + 2).isWord("VALUE")) {
                serialDefault = true; // MySQL: NOT NULL AUTO_INCREMENT UNIQUE
                numberedFrom = 1L;
                j += 2;
            } else if (token.isWord("REFERENCES")) {
                // c INT CONSTRAINT fk_c REFERENCES t: the key has that name, not the one the database would give it.
                String constraint = j >= 2 && tokens.get(j - 2).isWord("CONSTRAINT") ? tokens.get(j - 1).text() : "";
                foreignKey = references(tokens, j + 1, constraint, List.of(name.text()));
            } else if (token.isSymbol("(")) {
                j = ObjectNames.skipParentheses(tokens, j) - 1;
            }
        }
        String ownSet = collationSet;
        type = type.map(written -> withCollationSet(written, ownSet));
        boolean notNull = Boolean.TRUE.equals(nullability) || primaryKey || serialDefault
                || type.filter(ColumnDefinition::serial).isPresent();
        return Optional.of(new Read(new Column(SchemaNames.unquoted(name.text()), type, notNull, computed, false,
                false, numberedFrom), nullability, primaryKey, foreignKey));
    }

    /**
     * True for the serial types, which are NOT NULL whatever else the definition says: PostgreSQL's {@code serial},
     * {@code bigserial} and {@code smallserial} (and their {@code serial4} .. names), and MySQL's {@code SERIAL},
     * its {@code BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE}.
     */
    private static boolean serial(SqlType type) {
        return SERIAL_TYPES.contains(type.written().trim().toUpperCase(Locale.ROOT));
    }

    /** MySQL: a text type with a COLLATE and no CHARACTER SET has the collation's set ({@code COLLATE utf8_bin}). */
    private static SqlType withCollationSet(SqlType type, String collationSet) {
        if (collationSet.isEmpty() || !type.characterSet().isEmpty() || TypeFamily.of(type) != TypeFamily.TEXT) {
            return type;
        }
        return new SqlType(type.written(), type.base(), type.arguments(), type.unsigned(), type.withTimeZone(),
                type.characterUnits(), collationSet);
    }

    /**
     * True when the word at {@code at} starts the attributes of a column whose type begins at {@code typeStart}.
     * MySQL's CHARACTER SET belongs to the type (VARCHAR(50) CHARACTER SET latin1), unlike SET DEFAULT, and so
     * does a SET('r', 'w') type itself. SERIAL in place of a type is PostgreSQL's auto-numbered integer; only
     * after a type is it MySQL's SERIAL DEFAULT VALUE attribute. MariaDB's {@code WITH SYSTEM VERSIONING} and
     * {@code WITHOUT SYSTEM VERSIONING} say whether the column's changes enter a versioned table's history, where
     * {@code TIMESTAMP WITH TIME ZONE} is still the type.
     */
    private static boolean endsType(List<Token> tokens, int typeStart, int at) {
        Token token = tokens.get(at);
        if (token.isAnyWord("WITH", "WITHOUT")) {
            return at > typeStart && at + 1 < tokens.size() && tokens.get(at + 1).isWord("SYSTEM");
        }
        if (token.type() != TokenType.WORD || !AFTER_TYPE.contains(token.upper())) {
            return false;
        }
        if (token.isWord("SET")) {
            return !(tokens.get(at - 1).isWord("CHARACTER") || at == typeStart && at + 2 < tokens.size()
                    && tokens.get(at + 1).isSymbol("(") && tokens.get(at + 2).type() == TokenType.STRING);
        }
        return !(at == typeStart && token.isWord("SERIAL"));
    }

    /** The primary key columns of a table constraint, or null when it is no primary key. */
    static List<String> primaryKey(List<Token> tokens) {
        int i = afterConstraintName(tokens);
        if (i + 1 < tokens.size() && tokens.get(i).isWord("PRIMARY") && tokens.get(i + 1).isWord("KEY")) {
            int at = i + 2;
            while (at < tokens.size() && !tokens.get(at).isSymbol("(")) {
                at++; // T-SQL: PRIMARY KEY CLUSTERED (..)
            }
            return SchemaNames.parenthesisedNames(tokens, at);
        }
        return null;
    }

    /** The foreign key of a table constraint, or null when it is no foreign key. */
    static ForeignKey foreignKey(List<Token> tokens) {
        String constraint = "";
        if (!tokens.isEmpty() && tokens.get(0).isWord("CONSTRAINT")) {
            SchemaNames.Read name = SchemaNames.name(tokens, 1);
            constraint = name == null ? "" : name.text();
        }
        int i = afterConstraintName(tokens);
        if (i + 1 >= tokens.size() || !tokens.get(i).isWord("FOREIGN") || !tokens.get(i + 1).isWord("KEY")) {
            return null;
        }
        int at = i + 2;
        if (at < tokens.size() && !tokens.get(at).isSymbol("(")) {
            at++; // MySQL: FOREIGN KEY index_name (..)
        }
        List<String> columns = SchemaNames.parenthesisedNames(tokens, at);
        int references = ObjectNames.skipParentheses(tokens, at);
        if (references >= tokens.size() || !tokens.get(references).isWord("REFERENCES")) {
            return null;
        }
        return references(tokens, references + 1, constraint, columns);
    }

    private static int afterConstraintName(List<Token> tokens) {
        if (!tokens.isEmpty() && tokens.get(0).isWord("CONSTRAINT")) {
            SchemaNames.Read name = SchemaNames.name(tokens, 1);
            return name == null ? 1 : name.next();
        }
        return 0;
    }

    /** {@code t [(c)] [ON DELETE action] [ON UPDATE action]} from {@code from}. */
    private static ForeignKey references(List<Token> tokens, int from, String constraint, List<String> columns) {
        SchemaNames.Read table = SchemaNames.name(tokens, from);
        if (table == null) {
            return null;
        }
        String onDelete = "NO ACTION";
        String onUpdate = "NO ACTION";
        List<String> referenced = table.next() < tokens.size() && tokens.get(table.next()).isSymbol("(")
                ? SchemaNames.parenthesisedNames(tokens, table.next()) : List.of();
        for (int j = table.next(); j < tokens.size(); j++) {
            if (tokens.get(j).isWord("NOT") && j + 1 < tokens.size() && tokens.get(j + 1).isWord("VALID")) {
                referenced = List.of(); // PostgreSQL: the rows already there were never checked against it
            }
        }
        for (int j = table.next(); j + 2 < tokens.size(); j++) {
            if (tokens.get(j).isWord("ON") && tokens.get(j + 1).isAnyWord("DELETE", "UPDATE")) {
                Token action = tokens.get(j + 2);
                String value = action.upper();
                if ((action.isWord("SET") || action.isWord("NO")) && j + 3 < tokens.size()) {
                    value = value + " " + tokens.get(j + 3).upper();
                }
                if (tokens.get(j + 1).isWord("DELETE")) {
                    onDelete = value;
                } else {
                    onUpdate = value;
                }
            }
        }
        return new ForeignKey(constraint, columns, table.text(), onDelete, onUpdate, referenced);
    }
}
