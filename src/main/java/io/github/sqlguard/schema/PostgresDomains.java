package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The domains the replayed migrations create ({@code CREATE DOMAIN wt_id AS text NOT NULL CHECK (..)}), each with
 * the type it stores its values in and whether it refuses some of them, followed through {@code ALTER DOMAIN ..
 * RENAME TO} and {@code DROP DOMAIN}. A domain holds its values as its base type holds them: converting a column
 * from {@code text} to a domain over {@code text} keeps every value, and only the domain's own constraints can
 * refuse one, which makes the statement fail rather than change it. Names are keyed as the replay keys types.
 */
final class PostgresDomains {

    /**
     * A domain as the replay knows it.
     *
     * @param base the type its values are stored in, a domain's own base when it is built on another domain
     * @param constrained true when it declares NOT NULL or a CHECK, which may refuse a value of its base type
     */
    record Domain(SqlType base, boolean constrained) {
    }

    private final Map<String, Domain> domains;

    PostgresDomains() {
        this(new HashMap<>());
    }

    private PostgresDomains(Map<String, Domain> domains) {
        this.domains = domains;
    }

    /** A copy that goes its own way, for a forked history. */
    PostgresDomains copy() {
        return new PostgresDomains(new HashMap<>(domains));
    }

    /**
     * Replays {@code CREATE DOMAIN}, {@code ALTER DOMAIN .. RENAME TO} or {@code DROP DOMAIN} at {@code start}; false
     * when the statement is none of them.
     */
    static boolean replay(List<Token> tokens, int start, SchemaHistory history) {
        if (start + 2 >= tokens.size() || !tokens.get(start + 1).isWord("DOMAIN")) {
            return false;
        }
        Token verb = tokens.get(start);
        PostgresDomains known = history.domains();
        if (verb.isWord("DROP")) {
            SchemaNames.dropped(tokens, start + 2).forEach(name -> known.domains.remove(SchemaNames.key(name)));
            return true;
        }
        // H2: CREATE DOMAIN IF NOT EXISTS, ALTER DOMAIN IF EXISTS.
        boolean ifNotExists = verb.isWord("CREATE") && isWords(tokens, start + 2, "IF", "NOT", "EXISTS");
        int at = ifNotExists ? start + 5 : verb.isWord("ALTER") && isWords(tokens, start + 2, "IF", "EXISTS")
                ? start + 4 : start + 2;
        SchemaNames.Read name = at < tokens.size() ? SchemaNames.name(tokens, at) : null;
        if (name == null || !verb.isAnyWord("CREATE", "ALTER")) {
            return false;
        }
        String key = SchemaNames.key(name.text());
        List<Token> rest = meaningful(tokens.subList(name.next(), tokens.size()));
        if (verb.isWord("CREATE")) {
            if (ifNotExists && known.domains.containsKey(key)) {
                return true;
            }
            known.domains.remove(key);
            known.created(tokens.get(at), rest).ifPresent(domain -> known.domains.put(key, domain));
        } else if (rest.size() == 3 && rest.get(0).isWord("RENAME") && rest.get(1).isWord("TO")) {
            Domain renamed = known.domains.remove(key);
            if (renamed != null) {
                known.domains.put(SchemaNames.key(rest.get(2).text()), renamed);
            }
        } else if (rest.size() >= 2 && rest.get(0).isWord("ADD")
                || rest.size() >= 3 && rest.get(0).isWord("SET") && rest.get(1).isWord("NOT")) {
            // ALTER DOMAIN .. ADD CONSTRAINT / SET NOT NULL: it refuses values from now on.
            Optional.ofNullable(known.domains.get(key))
                    .ifPresent(domain -> known.domains.put(key, new Domain(domain.base(), true)));
        }
        return true;
    }

    private static boolean isWords(List<Token> tokens, int at, String... words) {
        for (int i = 0; i < words.length; i++) {
            if (at + i >= tokens.size() || !tokens.get(at + i).isWord(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** The domain defined by {@code definition} ({@code [AS] type [COLLATE ..] [DEFAULT ..] [constraints]}). */
    private Optional<Domain> created(Token nameToken, List<Token> definition) {
        List<Token> asColumn = new ArrayList<>();
        asColumn.add(nameToken);
        asColumn.addAll(!definition.isEmpty() && definition.get(0).isWord("AS")
                ? definition.subList(1, definition.size()) : definition);
        Optional<ColumnDefinition.Read> read = ColumnDefinition.column(asColumn, 0);
        if (read.isEmpty() || read.get().column().type().isEmpty()) {
            return Optional.empty();
        }
        boolean constrained = definition.stream().anyMatch(token -> token.isWord("CHECK"))
                || Boolean.TRUE.equals(read.get().nullability());
        SqlType written = read.get().column().type().get();
        Domain inner = written.written().contains("[") ? null : domains.get(SchemaView.typeKey(written.written()));
        return Optional.of(inner == null ? new Domain(written, constrained)
                : new Domain(inner.base(), constrained || inner.constrained()));
    }

    /**
     * {@code type} judged as its values are stored: a known domain (not an array of one) takes its base type's
     * family, length and precision and keeps its own name for messages; any other type as it is.
     */
    SqlType stored(SqlType type) {
        Domain domain = domainOf(type);
        if (domain == null) {
            return type;
        }
        SqlType base = domain.base();
        return new SqlType(type.written(), base.base(), base.arguments(), base.unsigned(), base.withTimeZone(),
                base.characterUnits(), base.characterSet());
    }

    /** True when {@code type} is a known domain that may refuse a value of its base type. */
    boolean refusesValues(SqlType type) {
        Domain domain = domainOf(type);
        return domain != null && domain.constrained();
    }

    private Domain domainOf(SqlType type) {
        return type.written().contains("[") ? null : domains.get(SchemaView.typeKey(type.written()));
    }

    private static List<Token> meaningful(List<Token> tokens) {
        return tokens.stream().filter(t -> t.type() != TokenType.COMMENT && t.type() != TokenType.TERMINATOR).toList();
    }
}
