package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RehearsalDiagnostics;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the {@code -- sqlguard:allow} and {@code -- sqlguard:allow-file} comments of one file to that
 * file's findings. Covered findings come back acknowledged (never dropped); comments that cannot
 * acknowledge anything come back as findings of their own: {@code suppression-without-reason},
 * {@code unknown-rule}, {@code misplaced-suppression} and {@code unused-suppression}. See
 * {@link CommentTargets} for which statements a comment covers. Findings that do not stand at a statement's
 * start (file-level diagnostics, unterminated strings) are acknowledged only by {@code allow-file}.
 */
public final class InlineAcknowledgements {

    private InlineAcknowledgements() {
    }

    /**
     * The findings of {@code relativePath}, acknowledged where a comment covers them, followed by the
     * diagnostics about the comments, all sorted by position. Findings of other files and findings
     * acknowledged before pass through unchanged.
     *
     * @param knownRuleIds every rule id a comment may name
     */
    public static List<Finding> apply(String relativePath, Script script, List<Finding> findingsOfThisFile,
            Set<String> knownRuleIds) {
        return apply(relativePath, script, findingsOfThisFile, knownRuleIds, List.of());
    }

    /**
     * As {@link #apply(String, Script, List, Set)}, knowing where statements start that touch only tables the
     * same script created: a comment before one of them matched nothing because there was nothing to report,
     * and its diagnostic says so.
     */
    public static List<Finding> apply(String relativePath, Script script, List<Finding> findingsOfThisFile,
            Set<String> knownRuleIds, List<Location> scratchStatements) {
        CommentTargets targets = new CommentTargets(script.statements());
        List<Finding> diagnostics = new ArrayList<>();
        List<ActiveAllow> active = new ArrayList<>();
        for (AllowComment allow : allowComments(script)) {
            activate(allow, relativePath, targets, knownRuleIds, diagnostics).ifPresent(active::add);
        }
        List<Finding> result = new ArrayList<>(findingsOfThisFile.size() + diagnostics.size());
        for (Finding finding : findingsOfThisFile) {
            result.add(acknowledge(finding, relativePath, active));
        }
        for (ActiveAllow allow : active) {
            for (String id : allow.ruleIds()) {
                if (!allow.used().contains(id) && !RehearsalDiagnostics.IDS.contains(id)) {
                    diagnostics.add(SuppressionDiagnostics.finding(SuppressionDiagnostics.UNUSED_SUPPRESSION,
                            allow.comment().location(relativePath),
                            allow.comment().directive() + " " + id + " acknowledges nothing: "
                                    + allow.scope().replace("{rule}", id) + scratchNote(allow, scratchStatements),
                            allow.comment().firstLine()));
                }
            }
        }
        result.addAll(diagnostics);
        result.sort(null);
        return result;
    }

    /**
     * The comment ready to acknowledge, or empty when it cannot; every problem with it goes to
     * {@code diagnostics}. Unknown rule ids are reported but do not stop the known ones of the same comment.
     */
    private static Optional<ActiveAllow> activate(AllowComment allow, String relativePath, CommentTargets targets,
            Set<String> knownRuleIds, List<Finding> diagnostics) {
        Location at = allow.location(relativePath);
        Set<String> validIds = new LinkedHashSet<>();
        for (String id : allow.ruleIds()) {
            if (knownRuleIds.contains(id)) {
                validIds.add(id);
            } else {
                diagnostics.add(diagnostic(SuppressionDiagnostics.UNKNOWN_RULE, allow, at,
                        allow.directive() + " names the unknown rule `" + id + "`; "
                                + RuleIdSuggestions.forUnknown(id, knownRuleIds)));
            }
        }
        if (allow.ruleIds().isEmpty()) {
            diagnostics.add(diagnostic(SuppressionDiagnostics.UNKNOWN_RULE, allow, at,
                    allow.directive() + " names no rule; write `" + allow.directive() + " <rule-id> reason: <text>`"));
        }
        if (!allow.hasReason()) {
            diagnostics.add(diagnostic(SuppressionDiagnostics.SUPPRESSION_WITHOUT_REASON, allow, at,
                    allow.directive() + " " + String.join(", ", allow.ruleIds())
                            + " gives no reason, so it acknowledges nothing; add `reason: <why>` after the rule ids"));
            return Optional.empty();
        }
        Statement first = targets.first();
        if (allow.fileWide() && first != null && isAfter(at, first.start())) {
            diagnostics.add(diagnostic(SuppressionDiagnostics.MISPLACED_SUPPRESSION, allow, at,
                    "sqlguard:allow-file stands after the first statement (line " + first.start().line()
                            + ") and acknowledges nothing; move it above line " + first.start().line()));
            return Optional.empty();
        }
        if (validIds.isEmpty()) {
            return Optional.empty();
        }
        List<Statement> covered = allow.fileWide() ? List.of() : targets.coveredBy(allow.comment());
        return Optional.of(new ActiveAllow(allow, validIds, startsOf(covered), describe(allow, covered)));
    }

    private static Finding diagnostic(RuleInfo info, AllowComment allow, Location at, String message) {
        return SuppressionDiagnostics.finding(info, at, message, allow.firstLine());
    }

    private static List<AllowComment> allowComments(Script script) {
        return script.comments().stream().map(AllowComment::parse).flatMap(Optional::stream).toList();
    }

    private static Finding acknowledge(Finding finding, String relativePath, List<ActiveAllow> active) {
        if (finding.isAcknowledged() || !finding.location().path().equals(relativePath)) {
            return finding;
        }
        ActiveAllow acknowledgedBy = null;
        // Every matching comment counts as used; the statement's own comment gives the reason over allow-file.
        for (ActiveAllow allow : active) {
            if (allow.covers(finding)) {
                allow.used().add(finding.ruleId());
                if (acknowledgedBy == null || acknowledgedBy.comment().fileWide() && !allow.comment().fileWide()) {
                    acknowledgedBy = allow;
                }
            }
        }
        if (acknowledgedBy == null) {
            return finding;
        }
        AllowComment comment = acknowledgedBy.comment();
        return finding.acknowledged(new Acknowledgement(Acknowledgement.Source.INLINE_COMMENT, comment.reason(),
                relativePath + ":" + comment.comment().line()));
    }

    /**
     * The spans of the covered statements: a finding stands at its clause (a DROP COLUMN on a later line of
     * the statement), so an acknowledgement covers every position from a statement's first to its last token.
     */
    private static List<long[]> startsOf(List<Statement> statements) {
        List<long[]> spans = new ArrayList<>();
        for (Statement statement : statements) {
            var last = statement.tokens().get(statement.tokens().size() - 1);
            spans.add(new long[] {position(statement.start().line(), statement.start().column()),
                position(last.line(), last.column())});
        }
        return spans;
    }

    private static long position(int line, int column) {
        return (long) line << 32 | column;
    }

    private static String describe(AllowComment allow, List<Statement> covered) {
        if (allow.fileWide()) {
            return "no statement of this file has a {rule} finding";
        }
        if (covered.isEmpty()) {
            return "no statement follows the comment";
        }
        return "the statement at line " + covered.get(0).start().line() + " has no {rule} finding";
    }

    private static boolean isAfter(Location at, Location other) {
        return at.line() > other.line() || at.line() == other.line() && at.column() > other.column();
    }

    /** Why a comment before a statement on a table the script created itself matched nothing. */
    private static String scratchNote(ActiveAllow allow, List<Location> scratchStatements) {
        boolean beforeScratch = !allow.comment().fileWide() && scratchStatements.stream()
                .anyMatch(start -> allow.coversPosition(start.line(), start.column()));
        return beforeScratch ? "; the statement changes only a table this script created itself, which is never"
                + " reported, so the comment can go" : "";
    }

    /** A comment that can acknowledge, with the rule ids it has acknowledged so far. */
    private record ActiveAllow(AllowComment comment, Set<String> ruleIds, List<long[]> coveredSpans, String scope,
            Set<String> used) {

        ActiveAllow(AllowComment comment, Set<String> ruleIds, List<long[]> coveredSpans, String scope) {
            this(comment, ruleIds, coveredSpans, scope, new HashSet<>());
        }

        boolean covers(Finding finding) {
            if (!ruleIds.contains(finding.ruleId())) {
                return false;
            }
            return comment.fileWide() || coversPosition(finding.location().line(), finding.location().column());
        }

        boolean coversPosition(int line, int column) {
            long at = position(line, column);
            return coveredSpans.stream().anyMatch(span -> span[0] <= at && at <= span[1]);
        }
    }
}
