package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a {@code DROP} statement read from its tokens, in any dialect: {@code DROP [modifiers] kind
 * [IF EXISTS] name, name .. [CASCADE | CASCADE CONSTRAINTS | RESTRICT | PURGE]}.
 *
 * @param kind the object kind in upper case without modifiers: {@code TABLE}, {@code SCHEMA}, {@code OWNED}
 *     (PostgreSQL {@code DROP OWNED BY}), {@code VIEW}, ..
 * @param modifiers words before the kind in upper case, e.g. {@code [TEMPORARY]} or {@code [MATERIALIZED]}
 * @param names the dropped objects as written (empty for Oracle's bare {@code DROP DATABASE})
 * @param cascadeWord the {@code CASCADE} that follows outside parentheses, or Oracle's {@code FORCE} after the names
 *     of a {@code DROP TYPE}, which takes the type's dependents along as CASCADE does (see {@link #forced()}), or null
 * @param restrict true when {@code RESTRICT} follows outside parentheses: the database refuses to drop an object
 *     that anything still depends on, a schema that holds anything
 */
record DropStatement(String kind, List<String> modifiers, List<String> names, Token cascadeWord, boolean restrict) {

    /** Words that qualify the object kind rather than name it. */
    private static final Set<String> MODIFIERS = Set.of("TEMPORARY", "TEMP", "GLOBAL", "LOCAL", "EXTERNAL",
            "FOREIGN", "MATERIALIZED", "PLUGGABLE", "PUBLIC", "UNLOGGED", "VIRTUAL", "DYNAMIC", "TRANSIENT");

    /**
     * Words that continue some kinds, so that T-SQL {@code DROP DATABASE SCOPED CREDENTIAL c}, Oracle
     * {@code DROP DATABASE LINK l} and PostgreSQL {@code DROP TEXT SEARCH CONFIGURATION c} are not read as
     * dropping a database named SCOPED or LINK. A word only continues the kind when more tokens follow it,
     * so {@code DROP DATABASE link} still drops the database called link.
     */
    private static final Map<String, Set<String>> KIND_CONTINUATIONS = Map.of(
            "DATABASE", Set.of("SCOPED", "CREDENTIAL", "LINK", "AUDIT", "SPECIFICATION", "ENCRYPTION", "KEY"),
            "TEXT", Set.of("SEARCH", "CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE"),
            "INDEX", Set.of("CONCURRENTLY"),
            "USER", Set.of("MAPPING"),
            "TYPE", Set.of("BODY"));

    DropStatement {
        modifiers = List.copyOf(modifiers);
        names = List.copyOf(names);
    }

    /** The DROP statement in {@code core} (tokens from {@link StatementCore}), if it is one. */
    static Optional<DropStatement> of(List<Token> core) {
        if (core.size() < 2 || !core.get(0).isWord("DROP")) {
            return Optional.empty();
        }
        List<String> modifiers = new ArrayList<>();
        int i = 1;
        while (i < core.size() && core.get(i).isAnyWord(MODIFIERS.toArray(String[]::new))) {
            modifiers.add(core.get(i).upper());
            i++;
        }
        if (i >= core.size() || core.get(i).type() != TokenType.WORD) {
            return Optional.empty();
        }
        StringBuilder kind = new StringBuilder(core.get(i).upper());
        Set<String> continuations = KIND_CONTINUATIONS.getOrDefault(kind.toString(), Set.of());
        i++;
        while (i + 1 < core.size() && core.get(i).type() == TokenType.WORD
                && continuations.contains(core.get(i).upper()) && !core.get(i + 1).isSymbol(",")) {
            kind.append(' ').append(core.get(i).upper());
            i++;
        }
        if (kind.toString().equals("OWNED") && i < core.size() && core.get(i).isWord("BY")) {
            i++;
        }
        if (i + 1 < core.size() && core.get(i).isWord("IF") && core.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        List<String> names = new ArrayList<>();
        int start = i;
        int namesEnd = i;
        for (ObjectNames.NameAt name : ObjectNames.readNameList(core, i)) {
            // CockroachDB's DROP INDEX t@idx names index idx of t: the name is the whole, not the table before @.
            String written = kind.toString().equals("INDEX") ? ObjectNames.joinedText(core, start, name.next()) : "";
            names.add(written.contains("@") ? written : name.text());
            start = name.next() + 1;
            namesEnd = name.next();
        }
        Token cascade = StatementCore.topLevelWord(core, i, "CASCADE");
        if (cascade == null && kind.toString().equals("TYPE")) {
            cascade = StatementCore.topLevelWord(core, namesEnd, "FORCE");
        }
        return Optional.of(new DropStatement(kind.toString(), modifiers, names, cascade,
                StatementCore.hasTopLevelWord(core, i, "RESTRICT")));
    }

    /** {@code INCLUDING CONTENTS} when Oracle's words follow outside parentheses in {@code core}, else null. */
    static String includingContents(List<Token> core) {
        Token including = StatementCore.topLevelWord(core, 1, "INCLUDING");
        int at = including == null ? -1 : core.indexOf(including);
        return at >= 0 && at + 1 < core.size() && core.get(at + 1).isWord("CONTENTS") ? "INCLUDING CONTENTS" : null;
    }

    /** True when {@code CASCADE} follows outside parentheses. */
    boolean cascade() {
        return cascadeWord != null;
    }

    /**
     * True for Oracle's {@code DROP TYPE t FORCE}: it drops the type even though tables and types depend on it,
     * marking every column of the type unused (its values are lost) and invalidating the dependent types and code.
     */
    boolean forced() {
        return cascadeWord != null && cascadeWord.isWord("FORCE");
    }

    /** True for {@code DROP TEMPORARY TABLE} (MySQL) and other drops of objects that live in one session. */
    boolean temporary() {
        return modifiers.contains("TEMPORARY") || modifiers.contains("TEMP");
    }

    /** The statement's leading words for messages, e.g. {@code DROP TABLE} or {@code DROP OWNED BY}. */
    String keywords() {
        StringBuilder words = new StringBuilder("DROP");
        modifiers.forEach(modifier -> words.append(' ').append(modifier));
        words.append(' ').append(kind);
        return kind.equals("OWNED") ? words + " BY" : words.toString();
    }
}
