package io.github.sqlguard;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.rules.FileDiagnostics;
import io.github.sqlguard.rules.Rule;
import io.github.sqlguard.rules.ScriptState;
import io.github.sqlguard.rules.Violation;
import io.github.sqlguard.schema.Guard;
import io.github.sqlguard.schema.LossGuards;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.sql.LexError;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs every enabled rule over the statements of one script and turns violations into findings, with the
 * configured severity lowered where the statement does not run with the migration.
 */
final class StatementChecker {

    private final List<Rule> rules;
    private final Function<RuleInfo, Optional<Severity>> configuredSeverity;
    private final StatementAnalyzer analyzer;

    StatementChecker(List<Rule> rules, Function<RuleInfo, Optional<Severity>> configuredSeverity,
            StatementAnalyzer analyzer) {
        this.rules = rules;
        this.configuredSeverity = configuredSeverity;
        this.analyzer = analyzer;
    }

    /**
     * The findings of one script.
     *
     * @param ceiling the most severe level findings of this script may have (WARNING for Flyway undo scripts
     *     in WARN mode), or null for no ceiling
     * @param statementSql collects the statement text at each finding's location, for baseline fingerprints
     * @param schema what the schema replay knows for each statement
     */
    List<Finding> check(Script script, String path, Severity ceiling, ScriptMode rollbacks,
            Map<Location, String> statementSql, Function<Statement, SchemaFacts> schema) {
        List<Finding> findings = new ArrayList<>();
        Map<String, ScriptState> states = new HashMap<>();
        Map<String, LossGuards> guards = new HashMap<>();
        for (Statement statement : script.statements()) {
            ScriptState state = states.computeIfAbsent(stateScope(statement.context()), scope -> new ScriptState());
            LossGuards scriptGuards = guards.computeIfAbsent(stateScope(statement.context()), s -> new LossGuards());
            Optional<Guard> guard = scriptGuards.guardOf(statement);
            AnalyzedStatement analyzed = analyzer.analyze(statement);
            state.schemaFacts(schema.apply(statement));
            for (Rule rule : rules) {
                List<Violation> violations = rule.check(analyzed, state);
                if (violations.isEmpty()) {
                    continue;
                }
                Optional<Severity> severity = configuredSeverity.apply(rule.info());
                if (severity.isEmpty()) {
                    continue;
                }
                Severity effective = lowered(severity.get(), statement.context(), ceiling, rollbacks);
                // A loss the script itself prevents stays visible, at INFO, naming what prevents it.
                boolean guarded = guard.isPresent() && guard.get().covers(rule.info().id());
                for (Violation violation : violations) {
                    findings.add(Finding.of(rule.info().id(), guarded ? Severity.INFO : effective, statement.start(),
                            violation.message() + (guarded ? guard.get().note() : "") + contextNote(statement.context()),
                            rule.info().hint(), statement.firstLine()));
                    statementSql.put(statement.start(), asWritten(statement));
                }
            }
            scriptGuards.observe(statement);
        }
        script.lexError().ifPresent(error -> unterminated(error, path).ifPresent(findings::add));
        return findings;
    }

    /**
     * The statement as written, placeholders unresolved: baseline fingerprints are made from it, so they do
     * not change with a placeholder value that differs between profiles or machines. Comments are not tokens,
     * and the fingerprint ignores the spacing.
     */
    private static String asWritten(Statement statement) {
        StringBuilder text = new StringBuilder();
        for (var token : statement.tokens()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(token.text());
        }
        return text.toString();
    }

    private Optional<Finding> unterminated(LexError error, String path) {
        RuleInfo info = FileDiagnostics.UNTERMINATED_TOKEN;
        return configuredSeverity.apply(info).map(severity -> Finding.of(info.id(), severity,
                new Location(path, error.line(), error.column()),
                "Unterminated " + error.what() + " starting here: the rest of the file could not be checked",
                info.hint(), ""));
    }

    /**
     * What earlier statements establish (a scratch table created above) holds within one run of the database
     * tool. A Flyway script runs at once; Liquibase runs each changeset on its own, possibly months apart,
     * and rollback code runs long after its changeset created the table, so each gets its own state.
     */
    private static String stateScope(StatementContext context) {
        return context.kind() == StatementContext.Kind.ROLLBACK || context.label().startsWith("changeset ")
                ? context.label() : "";
    }

    /** Statements that do not run with the migration cannot destroy data by themselves running it. */
    private static Severity lowered(Severity severity, StatementContext context, Severity ceiling,
            ScriptMode rollbacks) {
        Severity result = severity;
        if (context.kind() == StatementContext.Kind.ROUTINE_BODY) {
            result = Severity.INFO;
        } else if (context.kind() == StatementContext.Kind.ROLLBACK && rollbacks == ScriptMode.WARN) {
            result = atMost(result, Severity.WARNING);
        }
        return ceiling == null ? result : atMost(result, ceiling);
    }

    private static Severity atMost(Severity severity, Severity ceiling) {
        return severity.isAtLeast(ceiling) ? ceiling : severity;
    }

    private static String contextNote(StatementContext context) {
        String label = context.label();
        return switch (context.kind()) {
            case SCRIPT -> label.isEmpty() ? "" : " (" + label + ")";
            case EXECUTED_BLOCK -> label.isEmpty() ? " (inside a block the migration runs)" : " (inside " + label + ")";
            case ROUTINE_BODY -> " (inside " + (label.isEmpty() ? "a routine body" : label)
                    + ", which runs only when called)";
            case ROLLBACK -> " (" + (label.isEmpty() ? "rollback" : label) + ": runs only on rollback)";
        };
    }
}
