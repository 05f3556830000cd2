package io.github.sqlguard;

import static io.github.sqlguard.StatementPlacement.contextNote;
import static io.github.sqlguard.StatementPlacement.lowered;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.EarlierRoutines;
import io.github.sqlguard.sql.DestroyingNames;
import io.github.sqlguard.sql.DynamicSqlRunners;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A call of a routine that no scanned script creates before it, whose name says it destroys data: upgrade scripts
 * drop and retype columns through helpers kept in a file of their own ({@code SELECT fn_db_drop_column('orders',
 * 'note')}), and when that file is not scanned the body cannot be followed. Such a call is an
 * {@code unchecked-change}, never a pass. Only the name can tell ({@link DestroyingNames}).
 */
final class UnseenRoutineCalls {

    private static final String HINT = "Add the script that creates the routine to the scanned directories, so its "
            + "body is checked at each call, or review what it does and acknowledge the call: "
            + "-- sqlguard:allow unchecked-change reason: <why>";

    /** A string that holds a statement's text: an optional N, E or the like, a quote, then its verb. */
    private static final Pattern STATEMENT_TEXT = Pattern.compile(
            "(?is)\\w?'\\s*(?:DROP|DELETE|TRUNCATE|ALTER|UPDATE|INSERT|MERGE|CREATE)\\s");

    /** How far into a CREATE statement the kind of routine it creates is looked for. */
    private static final int HEADER_WORDS = 8;

    private final Function<RuleInfo, Optional<Severity>> configuredSeverity;
    private final Set<String> createdInScript;

    /**
     * @param createdInScript the routines the script creates anywhere ({@link #createdIn})
     */
    UnseenRoutineCalls(Function<RuleInfo, Optional<Severity>> configuredSeverity, Set<String> createdInScript) {
        this.configuredSeverity = configuredSeverity;
        this.createdInScript = createdInScript;
    }

    /**
     * The {@code unchecked-change} at {@code call} when it calls, by a name that says it destroys data, a routine
     * that neither this script ({@code definedHere}) nor an earlier migration created; empty otherwise.
     */
    Optional<Finding> of(StatementModel call, Set<String> definedHere, EarlierRoutines earlierRoutines,
            Severity ceiling, ScriptMode rollbacks) {
        Statement statement = call.statement();
        if (!call.clauses().isEmpty()) {
            return Optional.empty(); // what the call destroys is known already (an extension's drop_chunks)
        }
        if (DynamicSqlRunners.runsOnlyTextReadHere(statement.tokens(), statement.dialect())) {
            return Optional.empty(); // MySQL's EXECUTE st runs what PREPARE st made, checked where it was prepared
        }
        for (String written : RoutineNames.calledNames(statement.tokens())) {
            String last = RoutineNames.lastPart(written);
            Token name = nameToken(statement.tokens(), last);
            String says = name == null || isSuppliedPackage(written) ? "" : DestroyingNames.whatTheNameSays(DestroyingNames.words(name.text()));
            // A member of a package this script defines calls its siblings by their bare names.
            if (says.isEmpty() || createdInScript.contains(last)
                    || definedHere.stream().anyMatch(defined -> defined.equals(last) || defined.endsWith("." + last))
                    || RoutineNames.callKeys(written, "").stream().anyMatch(key -> definedHere.contains(key)
                            || !earlierRoutines.before(statement, key).isEmpty())) {
                continue;
            }
            if (handsOverStatementText(statement.tokens())) {
                return Optional.empty(); // what it runs is read from the text (run_ddl('DROP TABLE t'))
            }
            RuleInfo info = Diagnostics.UNCHECKED_CHANGE;
            return configuredSeverity.apply(info).map(severity -> Finding.of(info.id(),
                    lowered(severity, call, ceiling, rollbacks),
                    new Location(statement.start().path(), name.line(), name.column()),
                    "The call of " + written + " runs a routine that no scanned script creates before it, and its"
                            + " name says it " + says + ": what it runs was not checked" + contextNote(call),
                    HINT, statement.firstLine()));
        }
        return Optional.empty();
    }

    /**
     * The routines {@code models} create anywhere in the script, by the normalized last part of their names: a
     * {@code CREATE FUNCTION} or {@code PROCEDURE}, and H2's {@code CREATE ALIAS}, whose Java is reported where it
     * is created. A call of one is not of a routine nobody created, even before its definition. So are the
     * statements the script prepares ({@code PREPARE st FROM @s} in MySQL, {@code PREPARE st AS ..} in PostgreSQL):
     * {@code EXECUTE st} runs the prepared text, which is checked where it is prepared, and calls no routine.
     */
    static Set<String> createdIn(List<StatementModel> models) {
        Set<String> names = new HashSet<>();
        for (StatementModel model : models) {
            List<Token> tokens = model.statement().tokens();
            if (isPrepare(tokens)) {
                names.add(ObjectNames.normalize(tokens.get(1).text()));
                continue;
            }
            if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE")) {
                continue;
            }
            for (int i = 1; i < Math.min(tokens.size() - 1, HEADER_WORDS); i++) {
                if (tokens.get(i).isAnyWord("ALIAS", "FUNCTION", "PROCEDURE", "PROC")) {
                    int at = i + 1;
                    while (at < tokens.size() - 1 && tokens.get(at).isAnyWord("IF", "NOT", "EXISTS")) {
                        at++;
                    }
                    int end = at;
                    while (end + 2 < tokens.size() && tokens.get(end + 1).isSymbol(".")) {
                        end += 2;
                    }
                    names.add(ObjectNames.normalize(tokens.get(end).text()));
                    break;
                }
            }
        }
        return names;
    }

    /** {@code PREPARE st FROM ..}, or PostgreSQL's {@code PREPARE st [(types)] AS ..}. */
    private static boolean isPrepare(List<Token> tokens) {
        if (tokens.size() < 4 || !tokens.get(0).isWord("PREPARE") || tokens.get(1).type() != TokenType.WORD) {
            return false;
        }
        int after = ObjectNames.skipParentheses(tokens, 2);
        return after < tokens.size() && tokens.get(after).isAnyWord("FROM", "AS");
    }

    /** Oracle's own packages (DBMS_XMLSCHEMA.deleteSchema, DBMS_STATS.DELETE_TABLE_STATS) are not helpers. */
    private static boolean isSuppliedPackage(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        return lower.startsWith("dbms_") || lower.startsWith("sys.") || lower.startsWith("\"sys\".");
    }

    /** True when a string argument of the call is the text of a statement, which the routine may run. */
    private static boolean handsOverStatementText(List<Token> tokens) {
        return tokens.stream().anyMatch(token -> token.type() == TokenType.STRING
                && STATEMENT_TEXT.matcher(token.text()).lookingAt());
    }

    /** The token that writes the called name's last part, where the finding points. */
    private static Token nameToken(List<Token> tokens, String last) {
        for (Token token : tokens) {
            if (token.type() != TokenType.STRING && ObjectNames.normalize(token.text()).equals(last)) {
                return token;
            }
        }
        return null;
    }
}
