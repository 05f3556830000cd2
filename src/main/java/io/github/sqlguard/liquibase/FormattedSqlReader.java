package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.sql.AttachedComment;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Liquibase formatted-SQL changelog: statements per {@code --changeset} with their exact positions,
 * {@code --rollback} lines and {@code /* liquibase rollback ... *}{@code /} blocks as rollback statements,
 * {@code --ignoreLines} ranges left out, {@code --property} values substituted. Lines before the first
 * changeset never run and are not split (their comments are kept, for file-wide acknowledgements); other
 * directive lines ({@code --preconditions}, {@code --precondition-sql-check}, {@code --comment},
 * {@code --validCheckSum}) stay comments, which keeps {@code -- sqlguard:allow} acknowledgements inside a
 * changeset visible. A {@code --comment:} line is the changeset's comment, attached to all its statements as
 * XML's {@code <comment>} is; a {@code --precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM t} under
 * {@code --preconditions} whose {@code onFail} stops the changeset guards it as XML's {@code <sqlCheck>} does.
 */
public final class FormattedSqlReader {

    private static final Pattern HEADER = Pattern.compile("^\\s*--\\s*liquibase\\s+formatted\\s+sql",
            Pattern.CASE_INSENSITIVE);
    /**
     * A changeset header as Liquibase reads one: a space after the keyword, an author without colons and the id
     * right after the colon, neither empty. A line that only begins like one is a comment here and an error of its
     * own (see {@link MisspeltChangesetHeaders}).
     */
    static final Pattern CHANGESET = Pattern.compile(
            "^\\s*--\\s*changeset\\s+(\"[^\"]+\"|[^:]+):(\"[^\"]+\"|\\S+)(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK = Pattern.compile("^\\s*--\\s*rollback\\b[ \\t]?", Pattern.CASE_INSENSITIVE);
    /** Alone on its line, as Liquibase requires: {@code /* liquibase rollback DROP TABLE t; *}{@code /} is a comment. */
    private static final Pattern ROLLBACK_BLOCK = Pattern.compile("^\\s*/\\*\\s*liquibase\\s+rollback\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IGNORE_LINES = Pattern.compile("^\\s*--\\s*ignoreLines:(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROPERTY = Pattern.compile("^\\s*--\\s*property\\s+(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INCLUDE = Pattern.compile("^\\s*--\\s*include(All)?\\s+(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET_COMMENT = Pattern.compile("^\\s*--\\s*comment:\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRECONDITIONS = Pattern.compile("^\\s*--\\s*preconditions\\b(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+):(\"[^\"]*\"|\\S*)");

    private FormattedSqlReader() {
    }

    /** An {@code --include file:..} or {@code --includeAll path:..} line. */
    record Include(String target, boolean all, boolean relativeToChangelogFile, int line, int column) {
    }

    /** What one formatted-SQL file holds. */
    record Result(ChangelogScript script, int changesets, List<Include> includes) {
    }

    /** True when the first non-blank line is {@code --liquibase formatted sql}. */
    public static boolean isFormattedSql(String text) {
        for (String line : text.split("\\R", 50)) {
            String stripped = line.replace("\uFEFF", "").strip();
            if (!stripped.isEmpty()) {
                return HEADER.matcher(stripped).find();
            }
        }
        return false;
    }

    /** Reads one formatted-SQL changelog with {@code options.properties()} as its only outside properties. */
    public static ChangelogScript read(String relativePath, String text, LiquibaseOptions options) {
        return read(relativePath, text, options, new HashMap<>(), new PropertyAlternatives()).script();
    }

    /**
     * What Liquibase refuses or passes over in {@code text}, as findings: lines that look like changeset headers,
     * precondition lines it does not accept, directives it does not know, and SQL no changeset holds.
     */
    public static List<Finding> problems(String relativePath, String text, LiquibaseOptions options) {
        List<Finding> found = new ArrayList<>(MisspeltChangesetHeaders.in(relativePath, text));
        found.addAll(RefusedPreconditionLines.in(relativePath, text));
        found.addAll(MisspeltDirectives.in(relativePath, text));
        found.addAll(SqlOutsideChangesets.in(relativePath, text, options.fileDialect(relativePath)));
        return found;
    }

    /**
     * Reads one file; {@code properties} holds earlier changelogs' properties and receives this file's, and
     * {@code alternatives} the values limited definitions give them on other runs.
     */
    static Result read(String relativePath, String text, LiquibaseOptions options, Map<String, String> properties,
            PropertyAlternatives alternatives) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        LineIndex index = new LineIndex(text);
        for (String line : lines) {
            Matcher property = PROPERTY.matcher(line);
            if (property.find()) {
                Map<String, String> attributes = attributes(property.group(1));
                if (attributes.containsKey("name")) {
                    alternatives.define(properties, attributes.get("name"), attributes.getOrDefault("value", ""),
                            attributes);
                }
            }
        }
        Map<List<Object>, SqlRegionSplitter> splitters = new HashMap<>();
        char[] main = text.toCharArray();
        char[] rollback = blankCopy(text);
        List<int[]> changesets = new ArrayList<>(); // {header line index}
        List<Include> includes = new ArrayList<>();
        int ignoreUntil = -1;
        boolean ignoring = false;
        boolean inRollbackBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineStart = index.lineStart(i + 1);
            int lineEnd = lineStart + line.length();
            if (inRollbackBlock) {
                // Liquibase ends the block only at a line that ends with */, so a comment inside it does not.
                String content = line.stripTrailing();
                boolean closes = content.endsWith("*/");
                copy(text, rollback, lineStart, closes ? lineStart + content.length() - 2 : lineEnd);
                blank(main, lineStart, lineEnd);
                inRollbackBlock = !closes;
                continue;
            }
            Matcher ignore = IGNORE_LINES.matcher(line);
            Matcher include = INCLUDE.matcher(line);
            if (!ignoring && i > ignoreUntil && include.find()) {
                blank(main, lineStart, lineEnd);
                Map<String, String> attributes = attributes(include.group(2));
                String target = attributes.getOrDefault(include.group(1) != null ? "path" : "file", "");
                includes.add(new Include(target, include.group(1) != null,
                        "true".equalsIgnoreCase(attributes.getOrDefault("relativeToChangelogFile", "false")),
                        i + 1, line.indexOf('-') + 1));
                continue;
            }
            if (ignoring || i <= ignoreUntil || changesets.isEmpty() && !CHANGESET.matcher(line).find()) {
                blank(main, lineStart, lineEnd);
                ignoring = ignoring && !(ignore.find() && ignore.group(1).equalsIgnoreCase("end"));
                continue;
            }
            Matcher rollbackLine = ROLLBACK.matcher(line);
            Matcher rollbackBlock = ROLLBACK_BLOCK.matcher(line);
            if (CHANGESET.matcher(line).find()) {
                changesets.add(new int[] {i});
                blank(main, lineStart, lineEnd);
            } else if (ignore.find()) {
                blank(main, lineStart, lineEnd);
                String what = ignore.group(1);
                ignoring = what.equalsIgnoreCase("start");
                if (!what.isEmpty() && what.length() < 7 && what.chars().allMatch(Character::isDigit)) {
                    ignoreUntil = i + Integer.parseInt(what);
                }
            } else if (rollbackLine.find()) {
                blank(main, lineStart, lineEnd);
                copy(text, rollback, lineStart + rollbackLine.end(), lineEnd);
            } else if (rollbackBlock.find()) {
                blank(main, lineStart, lineEnd);
                inRollbackBlock = true;
            }
        }
        ScriptCollector out = new ScriptCollector(relativePath, new ArrayList<>());
        out.text(text);
        // Nothing before the first changeset runs, but its comments may acknowledge findings for the whole file.
        int preambleEnd = changesets.isEmpty() ? text.length() : index.lineStart(changesets.get(0)[0] + 1);
        new Lexer(options.fileDialect(relativePath)).tokenize(text, 0, preambleEnd, 1, 1).tokens()
                .stream()
                .filter(t -> t.type() == TokenType.COMMENT && !HEADER.matcher(t.text()).find())
                .forEach(out::addComment);
        String mainText = new String(main);
        String rollbackText = new String(rollback);
        for (int c = 0; c < changesets.size(); c++) {
            int headerLine = changesets.get(c)[0];
            Matcher header = CHANGESET.matcher(lines[headerLine]);
            header.find();
            Map<String, String> attributes = attributes(header.group(3));
            String endDelimiter = attributes.get("endDelimiter");
            String contexts = attributes.getOrDefault("context", attributes.get("contextFilter"));
            String dbms = Optional.ofNullable(attributes.get("dbms")).filter(d -> !d.isBlank())
                    .or(() -> DbmsDialect.ofContext(contexts, attributes.get("labels")))
                    .map(LiquibaseDatabaseNames::withoutSlips).orElse(null);
            Dialect dialect = options.orProject(DbmsDialect.of(dbms, options.dialect(), relativePath));
            DatabaseScope databases = DatabaseScope.of(dbms, contexts, attributes.get("labels"));
            String plainLabel = ChangeSetLabel.of(unquote(header.group(1).strip()), unquote(header.group(2)),
                    attributes);
            String limit = ChangeSetLabel.databaseLimit(ChangeSetLabel.limitWritten(attributes, "%s:%s", false,
                    false), databases, options);
            String label = plainLabel + limit;
            RunProperties runProperties = alternatives.on(DbmsDialect.propertyScope(databases, dialect),
                    options.properties());
            Placeholders placeholders = runProperties.placeholders();
            SqlRegionSplitter splitter = splitters.computeIfAbsent(List.of(dialect, runProperties.values()),
                    key -> new SqlRegionSplitter(dialect, placeholders));
            int from = index.lineStart(headerLine + 2);
            int to = c + 1 < changesets.size() ? index.lineStart(changesets.get(c + 1)[0] + 1) : text.length();
            if (from >= to || "true".equalsIgnoreCase(attributes.getOrDefault("ignore", ""))) {
                continue; // ignore:true: Liquibase neither runs nor records the changeset
            }
            StatementContext context = new StatementContext(StatementContext.Kind.SCRIPT, label, databases);
            int lastLine = c + 1 < changesets.size() ? changesets.get(c + 1)[0] : lines.length;
            guards(lines, index, headerLine + 1, lastLine, new SyntheticStatements(dialect, placeholders),
                    relativePath, context).forEach(out::add);
            List<PropertyAlternatives.Alternative> limitedFirsts = runProperties
                    .limitedFirstsReferencedBy(mainText.substring(from, to));
            List<PropertyAlternatives.Alternative> others = runProperties
                    .alternativesReferencedBy(mainText.substring(from, to));
            StatementContext judged = limitedFirsts.isEmpty() ? context : new StatementContext(context.kind(),
                    PropertyAlternatives.labelWith(label, limitedFirsts),
                    PropertyAlternatives.narrowed(databases, limitedFirsts.get(0), limitedFirsts, others));
            List<Statement> statements = new ArrayList<>(out.add(splitter.split(relativePath,
                    new TextRegion(mainText, from, to, headerLine + 2, 1), endDelimiter, judged)));
            statements.addAll(withAlternativeProperties(runProperties, statements,
                    new TextRegion(mainText, from, to, headerLine + 2, 1), dialect, endDelimiter, context, out,
                    limitedFirsts));
            String rollbackSql = rollbackText.substring(from, to).strip();
            if (options.rollbacks() != ScriptMode.SKIP && !isNoRollback(rollbackSql)) {
                statements.addAll(out.add(splitter.split(relativePath, new TextRegion(rollbackText, from, to,
                        headerLine + 2, 1), endDelimiter,
                        new StatementContext(StatementContext.Kind.ROLLBACK,
                                ChangeSetLabel.rollback(plainLabel) + limit, databases))));
            }
            for (int i = headerLine + 1; i < lastLine; i++) {
                Matcher comment = CHANGESET_COMMENT.matcher(lines[i]);
                if (comment.find() && !comment.group(1).isEmpty()) {
                    out.attach(new AttachedComment(relativePath, new Token(TokenType.COMMENT, "-- " + comment.group(1),
                            index.lineStart(i + 1) + comment.start(1), i + 1, comment.start(1) + 1), label,
                            statements));
                }
            }
        }
        return new Result(out.toScript(), changesets.size(), includes);
    }

    /**
     * The emptiness or column lengths the changeset's {@code --precondition-sql-check} lines (lines {@code [from,
     * to)}) require, as statements only the replay and the guard check read, located at their lines; none under
     * {@code onFail:WARN}.
     */
    private static List<Statement> guards(String[] lines, LineIndex index, int from, int to,
            SyntheticStatements synthetic, String path, StatementContext context) {
        List<Statement> guards = new ArrayList<>();
        boolean stops = true;
        for (int i = from; i < to; i++) {
            Matcher preconditions = PRECONDITIONS.matcher(lines[i]);
            if (preconditions.find()) {
                stops = !"WARN".equalsIgnoreCase(attributes(preconditions.group(1)).getOrDefault("onFail", "HALT"));
            }
            Matcher line = SqlCheckLine.LINE.matcher(lines[i]);
            Optional<SqlCheckLine> check = line.find()
                    ? SqlCheckLine.ofBody(synthetic.substitute(Optional.ofNullable(line.group(1)).orElse("")))
                    : Optional.empty();
            if (stops && check.isPresent()) {
                int column = lines[i].indexOf('-') + 1;
                ChangeNode at = new ChangeNode("precondition-sql-check", i + 1, column,
                        index.lineStart(i + 1) + column - 1, Map.of(), Map.of(), null, null, List.of(), List.of());
                PreconditionGuardText.ofSqlCheck(check.get().expectedResult(), check.get().query(), synthetic,
                        synthetic.dialect())
                        .forEach(text -> synthetic.schemaOnlyAt(text, path, at, context).ifPresent(guards::add));
            }
        }
        return guards;
    }

    private static boolean isNoRollback(String sql) {
        String normalized = sql.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        return normalized.isEmpty() || normalized.equals("not required") || normalized.equals("empty");
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new HashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(text);
        while (matcher.find()) {
            attributes.put(matcher.group(1), unquote(matcher.group(2)));
        }
        return attributes;
    }

    static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static char[] blankCopy(String text) {
        char[] copy = text.toCharArray();
        blank(copy, 0, copy.length);
        return copy;
    }

    private static void blank(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] != '\n' && chars[i] != '\r') {
                chars[i] = ' ';
            }
        }
    }

    private static void copy(String text, char[] into, int from, int to) {
        for (int i = from; i < to; i++) {
            into[i] = text.charAt(i);
        }
    }

    /**
     * The statements of a changeset's SQL where a property it uses takes another value on some runs (see
     * {@link PropertyAlternatives}): those that differ from {@code statements}, added to {@code out}.
     */
    private static List<Statement> withAlternativeProperties(RunProperties properties, List<Statement> statements,
            TextRegion region, Dialect dialect, String endDelimiter, StatementContext context, ScriptCollector out,
            List<PropertyAlternatives.Alternative> firsts) {
        List<Statement> added = new ArrayList<>();
        SharedRenditionStatements shared = new SharedRenditionStatements(path -> out, statements);
        List<PropertyAlternatives.Alternative> alternatives = properties.alternativesReferencedBy(
                region.text().substring(region.from(), region.to()));
        for (PropertyAlternatives.Alternative alternative : alternatives) {
            StatementContext where = new StatementContext(context.kind(),
                    PropertyAlternatives.labelWith(context.label(), alternative),
                    PropertyAlternatives.narrowed(context.databases(), alternative, firsts, alternatives));
            for (Statement statement : new SqlRegionSplitter(dialect, properties.placeholdersWith(alternative))
                    .split(out.relativePath(), region, endDelimiter, where).statements()) {
                if (shared.add(statement, context.databases(), statements, added)) {
                    out.add(statement);
                    added.add(statement);
                }
            }
        }
        return added;
    }

}
