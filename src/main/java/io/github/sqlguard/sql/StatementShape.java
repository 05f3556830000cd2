package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement is, read from its first words: a plain statement, a PostgreSQL DO block, an anonymous
 * block the migration runs (PL/SQL {@code BEGIN}/{@code DECLARE}, T-SQL {@code BEGIN}/{@code IF}/{@code WHILE}),
 * or a routine definition whose body only runs when the routine is called. The shape decides where the
 * statement ends and whether its inside is split again.
 *
 * @param kind the kind of statement
 * @param label the label of the context its inner statements get, e.g. {@code "function f body"}
 * @param routineKind for a routine: {@code procedure}, {@code function}, {@code trigger}, ...; else empty
 * @param runsToBatchEnd true when only {@code GO} or {@code /} (or the end) ends it: Oracle PL/SQL units,
 *     T-SQL procedures, functions and triggers
 * @param plsqlDeclare true when a DECLARE at its start opens a PL/SQL declaration section
 */
record StatementShape(Kind kind, String label, String routineKind, boolean runsToBatchEnd,
        boolean plsqlDeclare) {

    /** The kinds of statement the splitter treats differently. */
    enum Kind { PLAIN, DO_BLOCK, ANONYMOUS_BLOCK, ROUTINE }

    private static final Set<String> ROUTINE_KINDS = Set.of("PROCEDURE", "PROC", "FUNCTION", "TRIGGER", "EVENT",
            "PACKAGE", "TYPE");

    /** Words allowed between CREATE and the routine kind. */
    private static final Set<String> ROUTINE_PREFIX = Set.of("OR", "REPLACE", "ALTER", "DEFINER", "EDITIONABLE",
            "NONEDITIONABLE", "EDITIONING", "AGGREGATE", "CONSTRAINT", "SQL", "SECURITY", "INVOKER", "CURRENT_USER",
            "TEMPORARY", "TEMP", "EVENT");

    private static final Set<String> CURSOR_WORDS = Set.of("CURSOR", "BINARY", "INSENSITIVE", "ASENSITIVE",
            "SCROLL", "NO");

    /** The label of MariaDB's {@code BEGIN NOT ATOMIC} block, whose DECLARE declares a local as in a MySQL routine. */
    static final String NOT_ATOMIC_BLOCK = "BEGIN NOT ATOMIC block";

    static final StatementShape PLAIN = new StatementShape(Kind.PLAIN, "", "", false, false);

    /** The shape of the statement that starts at {@code start}. */
    static StatementShape of(List<Token> tokens, int start, int to, Dialect dialect) {
        Token first = tokens.get(start);
        Token second = BlockSyntax.at(tokens, start + 1, to);
        boolean plsqlDeclare = !dialect.isMySqlFamily() && dialect != Dialect.SQLSERVER;
        boolean oracle = dialect == Dialect.ORACLE;
        // MariaDB: BEGIN NOT ATOMIC .. END is a compound statement run where it stands, whatever the dialect says.
        boolean notAtomic = second != null && second.isWord("NOT");
        if (first.isWord("BEGIN") && notAtomic && BlockSyntax.beginsBlock(tokens, start, to)) {
            return new StatementShape(Kind.ANONYMOUS_BLOCK, NOT_ATOMIC_BLOCK, "", false, false);
        }
        if (first.isWord("BEGIN") && allowsAnonymousBlocks(dialect) && BlockSyntax.beginsBlock(tokens, start, to)) {
            return new StatementShape(Kind.ANONYMOUS_BLOCK, anonymousLabel(dialect, second), "", oracle,
                    plsqlDeclare);
        }
        if (first.isWord("DECLARE") && (oracle || dialect == Dialect.AUTO) && second != null
                && !second.text().startsWith("@") && !isCursorDeclaration(tokens, start, to)) {
            return new StatementShape(Kind.ANONYMOUS_BLOCK, "PL/SQL block", "", oracle, true);
        }
        if (first.isSymbol("<") && second != null && second.isSymbol("<") && allowsAnonymousBlocks(dialect)) {
            return new StatementShape(Kind.ANONYMOUS_BLOCK, "PL/SQL block", "", oracle, true);
        }
        // T-SQL allows "IF c stmt; ELSE stmt;": the ELSE part arrives as a statement of its own.
        if (first.isAnyWord("IF", "WHILE", "ELSE") && second != null && !second.isSymbol(".")) {
            return new StatementShape(Kind.ANONYMOUS_BLOCK, controlFlowLabel(first), "", false, plsqlDeclare);
        }
        if (first.isWord("DO") && second != null && (second.type() == TokenType.STRING || second.isWord("LANGUAGE"))) {
            return new StatementShape(Kind.DO_BLOCK, "DO block", "", false, false);
        }
        if (first.isAnyWord("CREATE", "ALTER")) {
            return routineShape(tokens, start, to, dialect, plsqlDeclare);
        }
        return PLAIN;
    }

    private static StatementShape routineShape(List<Token> tokens, int start, int to, Dialect dialect,
            boolean plsqlDeclare) {
        for (int i = start + 1; i < Math.min(to, start + 16); i++) {
            Token token = tokens.get(i);
            Token previous = tokens.get(i - 1);
            if (token.type() != TokenType.WORD || previous.isSymbol("=") || previous.isSymbol("@")
                    || token.text().startsWith("@")) {
                if (BlockSyntax.endsStatementText(token)) {
                    return PLAIN;
                }
                continue;
            }
            String word = token.upper();
            if (word.equals("EVENT") && BlockSyntax.at(tokens, i + 1, to) != null
                    && tokens.get(i + 1).isWord("TRIGGER")) {
                continue;
            }
            if (ROUTINE_KINDS.contains(word) || word.equals("RULE") && isPostgresRule(tokens, i, to)) {
                return routineOf(tokens, start, i, to, dialect, plsqlDeclare);
            }
            if (!ROUTINE_PREFIX.contains(word)) {
                return PLAIN;
            }
        }
        return PLAIN;
    }

    /**
     * PostgreSQL's {@code CREATE RULE r AS ON INSERT TO t DO INSTEAD ..}: its action runs whenever the rule fires,
     * like a trigger's body. (T-SQL's {@code CREATE RULE r AS @value > 0} is a column constraint.)
     */
    private static boolean isPostgresRule(List<Token> tokens, int ruleIndex, int to) {
        for (int i = ruleIndex + 2; i + 1 < Math.min(to, ruleIndex + 6); i++) {
            if (tokens.get(i).isWord("AS")) {
                return tokens.get(i + 1).isWord("ON");
            }
        }
        return false;
    }

    private static StatementShape routineOf(List<Token> tokens, int start, int kindIndex, int to,
            Dialect dialect, boolean plsqlDeclare) {
        String word = tokens.get(kindIndex).upper();
        int nameIndex = kindIndex + 1;
        if (word.equals("PACKAGE") || word.equals("TYPE")) {
            Token next = BlockSyntax.at(tokens, nameIndex, to);
            boolean body = next != null && next.isWord("BODY");
            if (word.equals("TYPE") && !body) {
                return PLAIN;
            }
            if (body) {
                nameIndex++;
            }
        }
        // MySQL: ALTER EVENT e DO .. replaces the event's body, which then runs on its schedule like a new one.
        boolean alterEvent = word.equals("EVENT") && dialect.isMySqlFamily();
        if (tokens.get(start).isWord("ALTER") && !(dialect == Dialect.SQLSERVER || dialect == Dialect.AUTO)
                && !alterEvent) {
            return PLAIN;
        }
        // Read in auto, PostgreSQL's ALTER FUNCTION f() OWNER TO .., ALTER TRIGGER t ON x RENAME TO .., Oracle's
        // ALTER TRIGGER t DISABLE and MySQL's ALTER PROCEDURE p COMMENT .. change a routine without a body; a T-SQL
        // ALTER of a routine always has AS before its body.
        if (tokens.get(start).isWord("ALTER") && dialect == Dialect.AUTO && !alterEvent
                && !asBeforeStatementEnd(tokens, nameIndex, to)) {
            return PLAIN;
        }
        String kind = switch (word) {
            case "PROC" -> "procedure";
            default -> word.toLowerCase(Locale.ROOT);
        };
        // PostgreSQL: a function that RETURNS trigger is a trigger's body; it runs whenever the trigger fires.
        String label = (word.equals("FUNCTION") && returnsTrigger(tokens, nameIndex, to) ? "trigger " : "") + kind
                + " " + nameAt(tokens, nameIndex, to) + " body";
        boolean toBatchEnd = dialect == Dialect.ORACLE
                || dialect == Dialect.SQLSERVER && !word.equals("EVENT") && !word.equals("PACKAGE");
        return new StatementShape(Kind.ROUTINE, label, kind, toBatchEnd, plsqlDeclare);
    }

    /** True when the word AS comes before the end of the statement that goes on at {@code from}. */
    private static boolean asBeforeStatementEnd(List<Token> tokens, int from, int to) {
        for (int i = from; i < to && !BlockSyntax.endsStatementText(tokens.get(i)); i++) {
            if (tokens.get(i).isWord("AS")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for a PostgreSQL {@code RETURNS trigger} or {@code RETURNS event_trigger} outside the parameters, in this
     * statement: the tokens go on to the end of the script, and the next function's header is not this one's.
     */
    private static boolean returnsTrigger(List<Token> tokens, int from, int to) {
        int parenDepth = 0;
        for (int i = from; i + 1 < to && !BlockSyntax.endsStatementText(tokens.get(i)); i++) {
            Token token = tokens.get(i);
            parenDepth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (parenDepth == 0 && token.isWord("RETURNS") && tokens.get(i + 1).isAnyWord("TRIGGER", "EVENT_TRIGGER")) {
                return true;
            }
        }
        return false;
    }

    /** The routine's possibly qualified name as written, skipping {@code IF NOT EXISTS}. */
    private static String nameAt(List<Token> tokens, int index, int to) {
        int i = index;
        if (BlockSyntax.at(tokens, i, to) != null && tokens.get(i).isWord("IF")) {
            i += tokens.get(i + 1 < to ? i + 1 : i).isWord("NOT") ? 3 : 2;
        }
        StringBuilder name = new StringBuilder();
        while (i < to) {
            Token token = tokens.get(i);
            boolean namePart = token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME
                    || token.type() == TokenType.PLACEHOLDER;
            if (!(namePart || token.isSymbol("."))) {
                break;
            }
            name.append(token.text());
            i++;
            Token next = BlockSyntax.at(tokens, i, to);
            if (namePart && (next == null || !next.isSymbol("."))) {
                break;
            }
        }
        return name.length() == 0 ? "?" : name.toString();
    }

    private static boolean allowsAnonymousBlocks(Dialect dialect) {
        return dialect == Dialect.ORACLE || dialect == Dialect.SQLSERVER || dialect == Dialect.AUTO;
    }

    /**
     * Names the T-SQL control-flow statement itself: {@code IF EXISTS (..) DROP TABLE t} has no BEGIN .. END, and
     * a finding inside it should say that it runs only when the condition holds, not speak of a block.
     */
    private static String controlFlowLabel(Token first) {
        return switch (first.upper()) {
            case "IF" -> "T-SQL IF statement";
            case "WHILE" -> "T-SQL WHILE loop";
            default -> "T-SQL ELSE branch";
        };
    }

    private static String anonymousLabel(Dialect dialect, Token second) {
        if (dialect == Dialect.SQLSERVER || BlockSyntax.isTryOrCatch(second)) {
            return "T-SQL block";
        }
        // In auto, BEGIN .. END may be PL/SQL or T-SQL; name the shape rather than guess the language.
        return dialect == Dialect.ORACLE ? "PL/SQL block" : "BEGIN .. END block";
    }

    /** PostgreSQL {@code DECLARE name [BINARY] [SCROLL] CURSOR FOR ..} is a statement, not a block; so is DB2's
     * {@code DECLARE GLOBAL TEMPORARY TABLE}. */
    private static boolean isCursorDeclaration(List<Token> tokens, int start, int to) {
        Token name = BlockSyntax.at(tokens, start + 1, to);
        if (name != null && name.isAnyWord("GLOBAL", "LOCAL")) {
            return true; // DECLARE GLOBAL TEMPORARY TABLE (DB2, SQL standard)
        }
        Token afterName = BlockSyntax.at(tokens, start + 2, to);
        return afterName != null && afterName.type() == TokenType.WORD && CURSOR_WORDS.contains(afterName.upper());
    }
}
