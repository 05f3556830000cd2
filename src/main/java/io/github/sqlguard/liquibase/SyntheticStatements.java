package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.DeclaredBoolean;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the SQL statement a Liquibase change element stands for. The text is lexed like any SQL, and
 * every token is placed at the element's own line and column, where findings should point.
 */
final class SyntheticStatements {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$#]*");
    private static final String JDBC_TYPES = "java.sql.Types.";
    private static final Set<String> CLAUSE_WORDS = Set.of("fetch", "from", "limit", "offset", "order", "output",
            "returning", "set", "top", "where");

    private final Lexer lexer;
    private final Dialect dialect;
    private final Placeholders placeholders;

    SyntheticStatements(Dialect dialect, Placeholders placeholders) {
        this.lexer = new Lexer(dialect);
        this.dialect = dialect;
        this.placeholders = placeholders;
    }

    /** The database the statements are built for. */
    Dialect dialect() {
        return dialect;
    }

    /** Statements built the same way for {@code other}'s database. */
    SyntheticStatements in(Dialect other) {
        return new SyntheticStatements(other, placeholders);
    }

    /** The statement for {@code sql}, located at the change element; empty when the text has no token. */
    Optional<Statement> at(String sql, String path, ChangeNode element, StatementContext context) {
        // Every token points at the element; offsets keep their distance, so a name glued to a property
        // (${prefix}users) still reads as one name.
        List<Token> tokens = lexer.tokenize(sql).tokens().stream()
                .filter(t -> t.type() != TokenType.COMMENT)
                .map(t -> new Token(t.type(), t.text(), element.offset() + t.offset(), element.line(),
                        element.column()))
                .toList();
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Statement(neutralized(sql.strip()), new Location(path, element.line(),
                element.column()), tokens, context, dialect, false, null, false, placeholders.unvaluedIn(tokens)));
    }

    /**
     * A statement for {@code sql} that only the schema replay reads (a {@code createTable} as DDL): marked as
     * a container, so rules, the parser and the statement count pass over it.
     */
    Optional<Statement> schemaOnlyAt(String sql, String path, ChangeNode element, StatementContext context) {
        return at(sql, path, element, context).map(statement -> new Statement(statement.sql(), statement.start(),
                statement.tokens(), statement.context(), statement.dialect(), true, null, false,
                statement.unvaluedPlaceholders()));
    }

    /**
     * {@code ${name}} properties replaced by their values; one nobody defined stays as written, as Liquibase
     * leaves it, so messages show the reference the user wrote.
     */
    String substitute(String value) {
        return replaced(value, false);
    }

    /**
     * A column type as Liquibase writes it for the database: properties replaced, a JDBC type name
     * ({@code java.sql.Types.VARCHAR(255)}, which Liquibase accepts) as the SQL type it stands for, and a
     * Liquibase type name as the database's own ({@link LiquibaseTypes}).
     */
    String type(String written) {
        return LiquibaseTypes.forDatabase(liquibaseName(written), dialect);
    }

    /**
     * The type of a column a change declares ({@code createTable}, {@code addColumn}), for the schema replay: as
     * {@link #type}, and for Liquibase's BOOLEAN marked as a declared boolean ({@link DeclaredBoolean}): where the
     * database keeps it as a number, every value Liquibase and the application write through it is 0 or 1.
     */
    String declaredType(String written) {
        String name = liquibaseName(written);
        String type = LiquibaseTypes.forDatabase(name, dialect);
        return LiquibaseTypes.isBoolean(name) ? DeclaredBoolean.marked(type) : type;
    }

    /** {@code written} with properties replaced and a JDBC type name as the SQL type it stands for. */
    private String liquibaseName(String written) {
        String type = substitute(written);
        return type != null && type.regionMatches(true, 0, JDBC_TYPES, 0, JDBC_TYPES.length())
                ? type.substring(JDBC_TYPES.length()) : type;
    }

    /** The SQL handed to the parser: undefined properties become neutral identifiers so it still parses. */
    private String neutralized(String sql) {
        return replaced(sql, true);
    }

    private String replaced(String value, boolean neutralizeUnknown) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        Matcher matcher = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            boolean known = placeholders.values().containsKey(matcher.group(1));
            String replacement = known || neutralizeUnknown ? placeholders.replacementFor(
                    placeholders.prefix() + matcher.group(1) + placeholders.suffix()) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A name as SQL: plain names stay as written, and so do names made of plain characters and undefined
     * properties ({@code ${prefix}users}), which are plain names once the property has its value; others are
     * quoted as the database quotes a name (MySQL's double quotes would make a string).
     */
    String name(String raw) {
        String value = substitute(raw == null ? "" : raw.strip());
        if (value.isEmpty()) {
            return "unnamed";
        }
        if (PLAIN_NAME.matcher(PROPERTY.matcher(value).replaceAll("p")).matches() || value.startsWith("\"")
                || value.startsWith("`")
                || value.startsWith("[")) {
            return value;
        }
        return quoted(value);
    }

    /**
     * A column name as Liquibase writes it in the DDL it runs: on PostgreSQL its default quoting quotes a name of
     * mixed case ({@code "toAddress"}), which PostgreSQL would otherwise fold to lower case, so the column keeps that
     * case there and code must quote it.
     */
    String ddlColumnName(String raw) {
        String name = name(raw);
        boolean mixedCase = !name.equals(name.toLowerCase(Locale.ROOT)) && !name.equals(name.toUpperCase(Locale.ROOT));
        return dialect == Dialect.POSTGRESQL && mixedCase && PLAIN_NAME.matcher(name).matches() ? quoted(name) : name;
    }

    /**
     * A column name an UPDATE assigns: Liquibase quotes a reserved word when it writes the SQL, and bare here a
     * column named {@code limit} or {@code where} would be read as a clause of the statement (a row cap).
     */
    String assignedName(String raw) {
        String name = name(raw);
        return CLAUSE_WORDS.contains(name.toLowerCase(Locale.ROOT)) ? quoted(name) : name;
    }

    private String quoted(String name) {
        char quote = dialect.isMySqlFamily() ? '`' : '"';
        return quote + name.replace(String.valueOf(quote), String.valueOf(quote) + quote) + quote;
    }

    /** {@code schema.table}, or the table alone without a schema. */
    String table(ChangeNode change, String tableAttribute) {
        String table = name(change.attributes().get(tableAttribute));
        String schema = change.attributes().get("schemaName");
        return schema == null || schema.isBlank() ? table : name(schema) + "." + table;
    }
}
