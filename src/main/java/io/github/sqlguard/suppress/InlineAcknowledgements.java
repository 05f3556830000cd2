package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RehearsalDiagnostics;
import io.github.sqlguard.model.RuleIdSuggestions;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.sql.AttachedComment;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
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
        return acknowledged(findingsOfThisFile, relativePath, active, diagnostics, scratchStatements);
    }

    /**
     * The findings of every file one changelog run reached, acknowledged where an {@link AttachedComment} covers
     * them, followed by the diagnostics about those comments, all sorted by position. A comment is used when it
     * acknowledges a finding of any statement it is attached to, whichever file or rollback that statement is
     * in, and is reported once, at its own position, when it acknowledges nothing. A finding acknowledged before
     * (by an SQL comment) stays so, and uses the attached comments that cover it too.
     */
    public static List<Finding> applyAttached(List<AttachedComment> attached, List<Finding> findings,
            Set<String> knownRuleIds) {
        List<Finding> diagnostics = new ArrayList<>();
        List<ActiveAllow> active = new ArrayList<>();
        for (AttachedComment comment : attached) {
            AllowComment.parse(comment.comment()).flatMap(allow -> activate(allow, comment, knownRuleIds, diagnostics))
                    .ifPresent(active::add);
        }
        return acknowledged(findings, null, active, diagnostics, List.of());
    }

    /** {@code findings} acknowledged by {@code active}, with a diagnostic for each rule id a comment did not use. */
    private static List<Finding> acknowledged(List<Finding> findings, String onlyPath, List<ActiveAllow> active,
            List<Finding> diagnostics, List<Location> scratchStatements) {
        List<Finding> result = new ArrayList<>(findings.size() + diagnostics.size());
        for (Finding finding : findings) {
            result.add(onlyPath == null || finding.location().path().equals(onlyPath)
                    ? acknowledge(finding, active) : finding);
        }
        for (ActiveAllow allow : active) {
            for (String id : allow.ruleIds()) {
                if (!allow.used().contains(id) && !RehearsalDiagnostics.IDS.contains(id)) {
                    diagnostics.add(SuppressionDiagnostics.finding(SuppressionDiagnostics.UNUSED_SUPPRESSION,
                            allow.comment().location(allow.path()),
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
        Set<String> validIds = validIds(allow, at, knownRuleIds, diagnostics);
        if (!allow.hasReason()) {
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
        return Optional.of(new ActiveAllow(allow, relativePath, validIds, spansOf(covered, false),
                describe(allow, covered)));
    }

    /** As above for a comment attached to its statements, which stands wherever the changelog puts it. */
    private static Optional<ActiveAllow> activate(AllowComment allow, AttachedComment attached,
            Set<String> knownRuleIds, List<Finding> diagnostics) {
        Set<String> validIds = validIds(allow, allow.location(attached.path()), knownRuleIds, diagnostics);
        if (!allow.hasReason() || validIds.isEmpty()) {
            return Optional.empty();
        }
        String scope;
        if (allow.fileWide()) {
            scope = "no statement of this file has a {rule} finding";
        } else if (attached.statements().isEmpty() && attached.elements().isEmpty()) {
            scope = attached.target() + " has no statement sqlguard checks";
        } else {
            scope = "no statement of " + attached.target() + " has a {rule} finding";
        }
        List<Span> spans = new ArrayList<>(spansOf(attached.statements(), true));
        attached.elements().forEach(place -> spans.add(new Span(place.path(), position(place.line(), place.column()),
                position(place.line(), place.column()), "")));
        return Optional.of(new ActiveAllow(allow, attached.path(), validIds, allow.fileWide() ? List.of() : spans,
                scope));
    }

    /** The known rule ids the comment names; unknown ids, a missing id and a missing reason are reported. */
    private static Set<String> validIds(AllowComment allow, Location at, Set<String> knownRuleIds,
            List<Finding> diagnostics) {
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
        }
        return validIds;
    }

    private static Finding diagnostic(RuleInfo info, AllowComment allow, Location at, String message) {
        return SuppressionDiagnostics.finding(info, at, message, allow.firstLine());
    }

    private static List<AllowComment> allowComments(Script script) {
        return script.comments().stream().map(AllowComment::parse).flatMap(Optional::stream).toList();
    }

    private static Finding acknowledge(Finding finding, List<ActiveAllow> active) {
        if (finding.isAcknowledged()
                && finding.acknowledgement().source() != Acknowledgement.Source.INLINE_COMMENT) {
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
        if (acknowledgedBy == null || finding.isAcknowledged()) {
            return finding;
        }
        AllowComment comment = acknowledgedBy.comment();
        return finding.acknowledged(new Acknowledgement(Acknowledgement.Source.INLINE_COMMENT, comment.reason(),
                acknowledgedBy.path() + ":" + comment.comment().line()));
    }

    /**
     * The spans of the covered statements: a finding stands at its clause (a DROP COLUMN on a later line of
     * the statement, a call inside a multi-line routine body), so an acknowledgement covers every position from
     * a statement's first token to the end of its last. A comment in the script covers its statements whichever
     * changeset runs the script; one attached to a changeset ({@code ownRunOnly}) covers that changeset's run only.
     */
    private static List<Span> spansOf(List<Statement> statements, boolean ownRunOnly) {
        List<Span> spans = new ArrayList<>();
        for (Statement statement : statements) {
            long from = position(statement.start().line(), statement.start().column());
            long to = statement.tokens().isEmpty() ? from
                    : endOf(statement.tokens().get(statement.tokens().size() - 1));
            spans.add(new Span(statement.start().path(), from, Math.max(from, to),
                    ownRunOnly ? statement.context().runScope() : ""));
        }
        return spans;
    }

    /** The position of the last character of {@code token}, whose text may span lines (a dollar-quoted body). */
    private static long endOf(Token token) {
        String text = token.text();
        int line = token.line();
        int column = token.column();
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && text.charAt(i + 1) != '\n') {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return position(line, column);
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

    /**
     * The positions from a statement's first token to its last, in the file at {@code path}, and the run it belongs
     * to ({@code runScope}, empty for any): where two changesets run one file, each covers its own run only.
     */
    private record Span(String path, long from, long to, String runScope) {

        boolean covers(Finding finding) {
            long at = position(finding.location().line(), finding.location().column());
            return path.equals(finding.location().path()) && from <= at && at <= to
                    && (runScope.isEmpty() || finding.runScope().isEmpty() || runScope.equals(finding.runScope()));
        }
    }

    /**
     * A comment that can acknowledge, written in the file at {@code path}, with the rule ids it has acknowledged
     * so far.
     */
    private record ActiveAllow(AllowComment comment, String path, Set<String> ruleIds, List<Span> coveredSpans,
            String scope, Set<String> used) {

        ActiveAllow(AllowComment comment, String path, Set<String> ruleIds, List<Span> coveredSpans, String scope) {
            this(comment, path, ruleIds, coveredSpans, scope, new HashSet<>());
        }

        boolean covers(Finding finding) {
            if (!ruleIds.contains(finding.ruleId())) {
                return false;
            }
            if (comment.fileWide()) {
                return finding.location().path().equals(path);
            }
            return coveredSpans.stream().anyMatch(span -> span.covers(finding));
        }

        boolean coversPosition(int line, int column) {
            long at = position(line, column);
            return coveredSpans.stream().anyMatch(span -> span.path().equals(path) && span.from() <= at
                    && at <= span.to());
        }
    }
}
