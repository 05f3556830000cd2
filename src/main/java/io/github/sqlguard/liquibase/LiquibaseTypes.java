package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database type Liquibase creates for a type name of a changelog. Liquibase reads its own generic names
 * ({@code CURRENCY}, {@code BOOLEAN}, {@code DATETIME}, {@code CLOB}, {@code BLOB}, {@code UUID}, ...) and
 * some native ones ({@code TINYINT}, {@code NVARCHAR}, {@code NUMBER}) as a type of its own and writes each
 * database's equivalent: {@code CURRENCY} is {@code DECIMAL} on PostgreSQL but {@code NUMBER(15,2)} on
 * Oracle, {@code DATETIME} is {@code TIMESTAMP} on PostgreSQL. A type change is only judged right between the
 * types the database has. Without a known database the name stays as written.
 */
final class LiquibaseTypes {

    private static final Pattern SIMPLE = Pattern.compile("([A-Za-z][A-Za-z0-9_. ]*?)\\s*(?:\\(([^()]*)\\))?");

    private static final Set<String> CURRENCY = Set.of("currency", "money", "smallmoney");
    private static final Set<String> BOOLEAN = Set.of("boolean", "bool", "java.lang.boolean");
    private static final Set<String> DATETIME = Set.of("datetime", "smalldatetime", "datetime2", "java.util.date");
    private static final Set<String> CLOB = Set.of("clob", "text", "longtext", "nclob", "ntext", "tinytext",
            "mediumtext", "longvarchar", "long varchar", "longnvarchar", "long nvarchar");
    private static final Set<String> BLOB = Set.of("blob", "longblob", "longvarbinary", "varbinary", "binary",
            "image", "tinyblob", "mediumblob", "long binary", "long varbinary");
    private static final Set<String> UUID = Set.of("uuid", "uniqueidentifier", "java.util.uuid");
    private static final Set<String> NVARCHAR = Set.of("nvarchar", "nvarchar2", "national");
    private static final Set<String> NUMBER = Set.of("number", "numeric");
    private static final Set<String> BIGINT = Set.of("bigint", "int8", "integer8", "java.lang.long",
            "java.math.biginteger", "java.sql.types.bigint");

    private LiquibaseTypes() {
    }

    /** The type {@code written} (properties already replaced) becomes on {@code dialect}'s database. */
    static String forDatabase(String written, Dialect dialect) {
        if (written == null || dialect == Dialect.AUTO) {
            return written;
        }
        Matcher matcher = SIMPLE.matcher(written.strip());
        if (!matcher.matches()) {
            return written; // words after the arguments (WITH TIME ZONE, CHARACTER SET): a native type
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String arguments = matcher.group(2) == null ? "" : matcher.group(2).strip();
        String mapped = mapped(name, arguments, dialect);
        return mapped == null ? written : mapped;
    }

    /** True when {@code written} is Liquibase's BOOLEAN, whatever the database makes of it. */
    static boolean isBoolean(String written) {
        Matcher matcher = written == null ? null : SIMPLE.matcher(written.strip());
        return matcher != null && matcher.matches()
                && BOOLEAN.contains(matcher.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    }

    private static String mapped(String name, String arguments, Dialect dialect) {
        if (CURRENCY.contains(name)) {
            return currency(name, dialect);
        }
        if (BOOLEAN.contains(name)) {
            return dialect == Dialect.SQLSERVER ? "BIT" : dialect.isMySqlFamily() ? "TINYINT"
                    : dialect == Dialect.ORACLE ? "NUMBER(1)" : "BOOLEAN";
        }
        if (DATETIME.contains(name)) {
            return dateTime(arguments, dialect);
        }
        if (name.equals("timestamp") && dialect == Dialect.SQLSERVER) {
            return sized("DATETIME2", arguments); // a T-SQL TIMESTAMP is a row version, not a time
        }
        if (CLOB.contains(name) && arguments.isEmpty()) {
            return clob(name, dialect);
        }
        if (BLOB.contains(name)) {
            return blob(name, arguments, dialect);
        }
        if (name.equals("tinyint")) {
            return dialect == Dialect.POSTGRESQL ? "SMALLINT" : dialect == Dialect.ORACLE ? "NUMBER(3)" : null;
        }
        if (UUID.contains(name)) {
            return switch (dialect) {
                case SQLSERVER -> "UNIQUEIDENTIFIER";
                case ORACLE -> "RAW(16)";
                case SQLITE -> "TEXT";
                case MYSQL -> "CHAR(36)";
                default -> "UUID";
            };
        }
        if (NVARCHAR.contains(name)) {
            return sized(dialect == Dialect.POSTGRESQL ? "VARCHAR" : dialect == Dialect.ORACLE ? "NVARCHAR2"
                    : "NVARCHAR", arguments);
        }
        if (dialect == Dialect.ORACLE && (name.equals("smallint") || name.equals("int") || name.equals("integer"))) {
            // Liquibase gives Oracle its own sizes, whatever display width the changelog wrote: a SMALLINT of
            // five digits, not Oracle's own SMALLINT of 38.
            return name.equals("smallint") ? "NUMBER(5)" : "INTEGER";
        }
        if (BIGINT.contains(name) && dialect == Dialect.ORACLE) {
            return "NUMBER(38,0)"; // Oracle has no BIGINT; Liquibase's is as wide as its INTEGER
        }
        if (NUMBER.contains(name)) {
            return sized(dialect == Dialect.ORACLE ? "NUMBER" : "NUMERIC", arguments);
        }
        return null;
    }

    private static String currency(String name, Dialect dialect) {
        return switch (dialect) {
            case SQLSERVER -> name.equals("smallmoney") ? "SMALLMONEY" : "MONEY";
            case ORACLE -> "NUMBER(15,2)";
            case H2 -> "DECIMAL(18,4)";
            case SQLITE -> "REAL";
            default -> "DECIMAL";
        };
    }

    private static String dateTime(String arguments, Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL, ORACLE -> sized("TIMESTAMP", arguments.replaceFirst(".*,", "").strip());
            case H2 -> "TIMESTAMP";
            case MYSQL, MARIADB -> sized("DATETIME", arguments);
            case SQLITE -> "TEXT";
            default -> null; // SQL Server has each of the three as written
        };
    }

    private static String clob(String name, Dialect dialect) {
        boolean national = name.equals("nclob") || name.equals("ntext");
        return switch (dialect) {
            case POSTGRESQL, SQLITE -> "TEXT";
            case MYSQL, MARIADB -> Set.of("text", "tinytext", "mediumtext").contains(name)
                    ? name.toUpperCase(Locale.ROOT) : "LONGTEXT";
            case H2 -> "CLOB";
            case ORACLE -> name.equals("nclob") ? "NCLOB" : "CLOB";
            case SQLSERVER -> national || name.equals("long nvarchar") || name.equals("longnvarchar")
                    ? "NVARCHAR(MAX)" : "VARCHAR(MAX)";
            default -> null;
        };
    }

    private static String blob(String name, String arguments, Dialect dialect) {
        boolean sized = name.equals("varbinary") || name.equals("binary");
        return switch (dialect) {
            case POSTGRESQL -> name.equals("blob") ? "OID" : "BYTEA";
            case MYSQL, MARIADB -> sized ? sized(name.toUpperCase(Locale.ROOT), arguments)
                    : Set.of("blob", "tinyblob", "mediumblob").contains(name) ? name.toUpperCase(Locale.ROOT)
                    : "LONGBLOB";
            case SQLSERVER -> name.equals("binary") ? sized("BINARY", arguments.isEmpty() ? "1" : arguments)
                    : name.equals("image") ? "IMAGE"
                    : sized("VARBINARY", arguments.isEmpty() || !arguments.matches("\\d{1,4}") ? "MAX" : arguments);
            case ORACLE -> sized ? sized("RAW", arguments) : "BLOB";
            case H2 -> sized ? sized(name.toUpperCase(Locale.ROOT), arguments) : "BLOB";
            default -> null;
        };
    }

    private static String sized(String base, String arguments) {
        return arguments.isEmpty() ? base : base + "(" + arguments + ")";
    }
}
