package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads routine names from tokens: the name a routine definition gives (and, for an Oracle package body, the
 * names of its procedures and functions) and the names a statement calls.
 */
public final class RoutineNames {

    /**
     * How many routines one call of a migration is followed into at most, the routines it reaches through their
     * bodies included: a chain longer than this is not how migrations are written, and a web of routines that call
     * each other ends here.
     */
    public static final int MAX_FOLLOWED = 16;

    private static final int HEADER_WORDS = 12;

    private RoutineNames() {
    }

    /**
     * What a routine definition makes callable.
     *
     * @param name the normalized last part of the routine's name (the package's name for a package body)
     * @param members for an Oracle package body, its procedures and functions; empty otherwise
     */
    public record Definition(String name, List<Member> members) {

        public boolean isPackage() {
            return !members.isEmpty();
        }
    }

    /**
     * A procedure or function of an Oracle package body.
     *
     * @param name its normalized {@code package.member} name; the package's own name for its initialization
     *     section
     * @param fromOffset where its {@code PROCEDURE} or {@code FUNCTION} word starts
     * @param toOffset where the text after its closing {@code END name;} starts
     */
    public record Member(String name, int fromOffset, int toOffset) {

        /** True when {@code token} lies inside the member's text, that is in its body. */
        public boolean encloses(Token token) {
            return token.offset() > fromOffset && token.offset() < toOffset;
        }
    }

    /**
     * The definition in {@code CREATE [OR REPLACE] [DEFINER = x] PROCEDURE|FUNCTION name ..} or
     * {@code CREATE PACKAGE BODY name ..}; null for what nobody calls by name (a trigger, an event, a package
     * specification, whose statements run elsewhere or do not exist).
     */
    public static Definition definition(List<Token> tokens) {
        if (!tokens.isEmpty() && tokens.get(0).isAnyWord("DECLARE", "BEGIN")) {
            return null; // an anonymous block: the subprograms it declares are its own (localSubprograms)
        }
        for (int i = 1; i < Math.min(tokens.size() - 1, HEADER_WORDS); i++) {
            Token token = tokens.get(i);
            if (token.isAnyWord("TRIGGER", "EVENT", "TYPE")) {
                return null;
            }
            if (token.isAnyWord("FUNCTION", "PROCEDURE", "PROC") || token.isWord("ALIAS") && i <= 2) {
                String name = nameAfter(tokens, i + 1);
                return name == null ? null : new Definition(name, List.of());
            }
            if (token.isWord("PACKAGE")) {
                return tokens.get(i + 1).isWord("BODY") ? packageBody(tokens, i + 2) : null;
            }
        }
        return null;
    }

    /**
     * Oracle: the procedures and functions the anonymous PL/SQL block {@code tokens} declares for its own
     * statements to call, each named by its normalized name; empty for any other statement.
     */
    public static List<Member> localSubprograms(List<Token> tokens) {
        return LocalSubprograms.of(tokens);
    }

    private static Definition packageBody(List<Token> tokens, int nameIndex) {
        String name = nameAfter(tokens, nameIndex);
        if (name == null) {
            return null;
        }
        ObjectNames.NameAt written = ObjectNames.readName(tokens, nameIndex);
        List<Member> members = PackageMembers.of(tokens, written.next(), name);
        return members.isEmpty() ? null : new Definition(name, members);
    }

    private static String nameAfter(List<Token> tokens, int index) {
        int at = index;
        if (at + 2 < tokens.size() && tokens.get(at).isWord("IF") && tokens.get(at + 1).isWord("NOT")) {
            at += 3;
        }
        ObjectNames.NameAt name = ObjectNames.readName(tokens, at);
        return name == null ? null : ObjectNames.normalize(name.lastPart());
    }

    /**
     * False for a statement that names routines without running them: DDL ({@code DROP FUNCTION f()},
     * {@code CREATE TRIGGER .. EXECUTE FUNCTION f()}), definitions, {@code GRANT EXECUTE ON FUNCTION f(int)};
     * true for a CREATE that runs a query as it creates ({@link QueryRunningCreate}).
     */
    public static boolean mayCall(Statement statement) {
        StatementKind kind = StatementKinds.of(statement);
        return kind.mayCallRoutines()
                || kind == StatementKind.DDL && QueryRunningCreate.queryStart(statement.tokens()) >= 0;
    }

    /**
     * The names, as written, that a statement calls: the routine after {@code CALL}, {@code EXEC},
     * {@code EXECUTE} or {@code PERFORM}; a statement that is only a routine name with its arguments (a PL/SQL
     * procedure call, the first statement of a T-SQL batch); and any name followed by {@code (} in an
     * expression, which calls a function (in a CREATE, only in the query it runs: {@link QueryRunningCreate}).
     * Dynamic SQL ({@code EXECUTE IMMEDIATE}, {@code EXEC ('..')}) is
     * read by the splitter, not here.
     */
    public static List<String> calledNames(List<Token> tokens) {
        List<String> names = new ArrayList<>();
        if (tokens.isEmpty()) {
            return names;
        }
        int from = 0;
        Token first = tokens.get(0);
        if (first.isWord("PERFORM")) {
            // PL/pgSQL: PERFORM is a SELECT whose rows are thrown away, so PERFORM * FROM f() and PERFORM 1 FROM t
            // JOIN f(2) ON .. call f as PERFORM f() does: every name before a parenthesis is read below.
            from = 1;
        } else if (first.isAnyWord("CALL", "EXEC", "EXECUTE")) {
            int at = returnValueTarget(tokens) ? 3 : 1;
            ObjectNames.NameAt name = ObjectNames.readName(tokens, at);
            if (name == null || first.isAnyWord("EXEC", "EXECUTE") && tokens.get(1).isWord("IMMEDIATE")) {
                return names;
            }
            names.add(name.text());
            from = name.next();
        } else if (first.isWord("CREATE")) {
            // CREATE TABLE t (a, b) AS SELECT ..: only its query calls; the table and its columns are no routine.
            from = QueryRunningCreate.queryStart(tokens);
            if (from < 0) {
                return names;
            }
        } else if (isBareCall(tokens)) {
            ObjectNames.NameAt name = ObjectNames.readName(tokens, 0);
            names.add(name.text());
            from = name.next();
        } else {
            assignedFunctionWithoutArguments(tokens).ifPresent(names::add);
        }
        for (int i = from; i < tokens.size(); i++) {
            ObjectNames.NameAt name = ObjectNames.readName(tokens, i);
            if (name == null) {
                continue;
            }
            boolean call = name.next() < tokens.size() && tokens.get(name.next()).isSymbol("(")
                    && !(i > 0 && tokens.get(i - 1).isWord("INTO")); // INSERT INTO t (columns)
            if (call) {
                names.add(name.text());
            }
            i = name.next() - 1;
        }
        return names;
    }

    /**
     * PL/SQL {@code n := purge_old;}: a function without parameters is called without parentheses, so the right
     * side is a bare name. Only names of routines the script defines count as calls, so a variable read this way
     * calls nothing.
     */
    private static java.util.Optional<String> assignedFunctionWithoutArguments(List<Token> tokens) {
        ObjectNames.NameAt target = ObjectNames.readName(tokens, 0);
        if (target == null || target.next() >= tokens.size() || !tokens.get(target.next()).isSymbol(":=")) {
            return java.util.Optional.empty();
        }
        ObjectNames.NameAt value = ObjectNames.readName(tokens, target.next() + 1);
        return value != null && value.next() == tokens.size() ? java.util.Optional.of(value.text())
                : java.util.Optional.empty();
    }

    /** T-SQL {@code EXEC @rc = proc ..}: the procedure's return value goes to a variable. */
    private static boolean returnValueTarget(List<Token> tokens) {
        return tokens.size() > 3 && tokens.get(1).text().startsWith("@") && tokens.get(2).isSymbol("=");
    }

    /** A statement that is only a (qualified) name, optionally with one argument list: {@code zap(1, 'x')}. */
    private static boolean isBareCall(List<Token> tokens) {
        ObjectNames.NameAt name = ObjectNames.readName(tokens, 0);
        return name != null && ObjectNames.skipParentheses(tokens, name.next()) == tokens.size();
    }

    /** The normalized last part of a called name. */
    public static String lastPart(String written) {
        return ObjectNames.normalize(ObjectNames.lastPart(written));
    }

    /**
     * The routine names a call of {@code written} may reach, the most specific first: for a qualified name the
     * member of a package ({@code maint.wipe}), then the last part alone (a routine of a schema); from inside a
     * package's member ({@code caller} {@code maint.purge_all}), an unqualified name first reaches a sibling.
     */
    public static List<String> callKeys(String written, String caller) {
        String last = lastPart(written);
        String qualifier = qualifier(written);
        if (!qualifier.isEmpty()) {
            return List.of(qualifier + "." + last, last);
        }
        int dot = caller.lastIndexOf('.');
        return dot > 0 ? List.of(caller.substring(0, dot + 1) + last, last) : List.of(last);
    }

    /** The normalized part before the last of a called name ({@code maint} in {@code app.maint.wipe}), or "". */
    static String qualifier(String written) {
        String last = ObjectNames.lastPart(written);
        if (written.length() <= last.length() + 1) {
            return "";
        }
        String rest = written.substring(0, written.length() - last.length() - 1);
        return ObjectNames.normalize(ObjectNames.lastPart(rest));
    }
}
