package io.github.sqlguard.liquibase;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A formatted-SQL {@code --precondition-sql-check} line read as Liquibase reads it: the expected result is the
 * first word, or a quoted text, optionally after {@code expectedResult:}, and the query is everything after the
 * one space that follows it. So {@code 0 SELECT ..}, {@code expectedResult:'0' SELECT ..} and
 * {@code expectedResult:"0" SELECT ..} all expect 0, while {@code expectedResult: 0 SELECT ..} (a space after the
 * colon) is no check at all: Liquibase refuses the file.
 */
record SqlCheckLine(String expectedResult, String query) {

    static final Pattern LINE = Pattern.compile("^\\s*--\\s*precondition-sql-check(?:[ \\t]+(.*))?$",
            Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> BODIES = List.of(
            Pattern.compile("^(?:expectedResult:)?(\\w+) (.*)$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(?:expectedResult:)?'([^']+)' (.*)$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(?:expectedResult:)?\"([^\"]+)\" (.*)$", Pattern.CASE_INSENSITIVE));

    /** The check a line's text after {@code --precondition-sql-check} states, if Liquibase can read it. */
    static Optional<SqlCheckLine> ofBody(String body) {
        String trimmed = body == null ? "" : body.strip();
        for (Pattern pattern : BODIES) {
            Matcher matcher = pattern.matcher(trimmed);
            if (matcher.matches()) {
                return Optional.of(new SqlCheckLine(matcher.group(1), matcher.group(2)));
            }
        }
        return Optional.empty();
    }
}
