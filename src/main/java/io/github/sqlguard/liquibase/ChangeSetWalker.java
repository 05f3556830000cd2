package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the {@code databaseChangeLog} tree of one XML, YAML or JSON file: properties first (Liquibase
 * knows them before any change runs), then changesets, includes and includeAlls in document order. A change
 * sqlguard cannot see into is reported ({@link UncheckedChanges}); a changeset's {@code modifySql} edits its
 * statements before the rules see them ({@link ModifySql}).
 *
 * <p>Acknowledgements: a changeset's {@code <comment>} (YAML {@code comment:}) becomes a comment token
 * {@code -- <text>} at column 1 of the first line of each of the changeset's statements; an XML comment
 * (or a YAML {@code #} comment, see {@link YamlComments}) just before a change element (or a {@code <comment>}
 * inside an {@code <sql>}) does the same for that
 * change's statements, and one just before a {@code <changeSet>} for all of the changeset's statements.
 * A {@code sqlguard:allow-file} comment anywhere in the changelog is placed at line 1, column 1. Position-based matching of {@code -- sqlguard:allow} comments then works unchanged.
 */
final class ChangeSetWalker {

    private static final Set<String> NOT_CHANGES = Set.of("comment", "rollback", "preConditions", "validCheckSum",
            "changes", "modifySql");

    private static final String FILE_WIDE = "sqlguard:allow-file";

    private final ChangelogReader reader;
    private final Path file;
    private final String path;
    private final Map<Dialect, ChangeTranslator> translators = new EnumMap<>(Dialect.class);
    private ScriptCollector out;
    private ChangeTranslator translator;
    private Dialect dialect;
    private DatabaseScope databases = DatabaseScope.ANY;

    ChangeSetWalker(ChangelogReader reader, Path file, String path) {
        this.reader = reader;
        this.file = file;
        this.path = path;
    }

    void walk(ChangeNode changelog) {
        for (ChangeNode child : changelog.children()) {
            if (child.name().equals("property")) {
                property(child);
            }
        }
        out = reader.collector(path);
        changelog.comments().forEach(comment -> acknowledge(comment, List.of()));
        changelog.children().stream().filter(c -> !c.name().equals("changeSet"))
                .forEach(c -> c.comments().forEach(comment -> acknowledge(comment, List.of())));
        SyntheticStatements synthetic = new SyntheticStatements(reader.options().dialect(), reader.placeholders());
        for (ChangeNode child : changelog.children()) {
            switch (child.name()) {
                case "changeSet" -> changeSet(child, synthetic);
                case "include" -> reader.include(file, path,
                        Reference.of(child, synthetic.substitute(child.attributes().get("file")), false));
                case "includeAll" -> reader.include(file, path,
                        Reference.of(child, synthetic.substitute(child.attributes().get("path")), true));
                default -> {
                    // properties were read above; preConditions of the whole changelog run no change
                }
            }
        }
    }

    /**
     * A {@code <property name=.. value=..>}, or a {@code <property file=..>} with many: the first definition of
     * a name wins, as in Liquibase.
     */
    private void property(ChangeNode property) {
        Map<String, String> attributes = property.attributes();
        if (attributes.containsKey("file")) {
            String target = new SyntheticStatements(reader.options().dialect(), reader.placeholders())
                    .substitute(attributes.get("file"));
            reader.propertyFile(file, path, Reference.of(property, target, false))
                    .forEach(reader.properties()::putIfAbsent);
        } else if (attributes.containsKey("name")) {
            reader.properties().putIfAbsent(attributes.get("name"), attributes.getOrDefault("value", ""));
        }
    }

    private void changeSet(ChangeNode changeSet, SyntheticStatements synthetic) {
        reader.countChangeset();
        // Configured or named by a single dbms: the changeset's SQL files are read in it wherever they lie.
        Dialect stated = DbmsDialect.of(changeSet.attributes().get("dbms"), reader.options().dialect());
        Dialect chosen = stated == Dialect.AUTO ? DbmsDialect.ofFile(path, Dialect.AUTO) : stated;
        dialect = chosen;
        translator = translators.computeIfAbsent(stated, s -> {
            SyntheticStatements statements = new SyntheticStatements(chosen, reader.placeholders());
            return new ChangeTranslator(path, statements, new SqlRegionSplitter(chosen, reader.placeholders()), out,
                    new SqlFileReader(reader, file, path, statements, chosen, s == Dialect.AUTO));
        });
        String label = "changeset " + synthetic.substitute(changeSet.attributes().getOrDefault("author", ""))
                + ":" + synthetic.substitute(changeSet.attributes().getOrDefault("id", ""));
        databases = DatabaseScope.of(changeSet.attributes().get("dbms"),
                changeSet.attributes().getOrDefault("context", changeSet.attributes().get("contextFilter")),
                changeSet.attributes().get("labels"));
        StatementContext context = new StatementContext(StatementContext.Kind.SCRIPT, label, databases);
        // A precondition requiring an empty table guards the changes below; only the guard check reads it.
        PreconditionGuardText.of(changeSet, synthetic)
                .forEach(text -> synthetic.schemaOnlyAt(text, path, changeSet, context).ifPresent(out::add));
        List<ModifySql> modifySql = ModifySql.of(changeSet, synthetic,
                (element, problem) -> unchecked(element, problem + " (" + label + ")"));
        List<Statement> statements = new ArrayList<>();
        for (ChangeNode change : changesOf(changeSet)) {
            statements.addAll(change(change, context));
        }
        List<Statement> run = new ArrayList<>(modified(statements, modifySql, false, label));
        if (reader.options().rollbacks() != ScriptMode.SKIP) {
            run.addAll(modified(rollback(changeSet, label), modifySql, true, label));
        }
        changeSet.value("comment").ifPresent(comment -> acknowledge(comment, run));
        changeSet.comments().forEach(comment -> acknowledge(comment, run));
    }

    private static List<ChangeNode> changesOf(ChangeNode changeSet) {
        Optional<ChangeNode> changes = changeSet.child("changes");
        if (changes.isPresent()) {
            return changes.get().children();
        }
        return changeSet.children().stream().filter(c -> !NOT_CHANGES.contains(c.name())).toList();
    }

    private List<Statement> change(ChangeNode change, StatementContext context) {
        UncheckedChanges.reason(change).ifPresent(reason -> unchecked(change, reason + " (" + context.label() + ")"));
        List<Statement> statements = translator.translate(change, context);
        change.comments().forEach(comment -> acknowledge(comment, statements));
        if (change.name().equals("sql")) {
            change.child("comment").map(ChangeNode::text).ifPresent(comment -> acknowledge(comment, statements));
        }
        return statements;
    }

    private void unchecked(ChangeNode element, String message) {
        reader.report(ChangelogFindings.unchecked(path, element.line(), element.column(), message));
    }

    /**
     * The statements as the changeset's {@code modifySql} leaves them: an edited statement is replaced, in its
     * file's script too, by the edited text located where the original starts; one edited only on some databases
     * is kept beside its edited form.
     */
    private List<Statement> modified(List<Statement> statements, List<ModifySql> modifySql, boolean rollback,
            String label) {
        List<Statement> result = statements;
        for (ModifySql modifier : modifySql) {
            if (rollback && !modifier.appliesToRollback()) {
                continue;
            }
            List<Statement> next = new ArrayList<>();
            for (Statement statement : result) {
                String edited;
                try {
                    edited = modifier.applyTo(statement.sql());
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    unchecked(modifier.element(), "modifySql cannot be applied to '" + statement.firstLine() + "' ("
                            + e.getMessage() + "), so it was checked as generated, not as Liquibase runs it ("
                            + label + ")");
                    next.add(statement);
                    continue;
                }
                if (edited.equals(statement.sql())) {
                    next.add(statement);
                    continue;
                }
                List<Statement> replacements = statementsOf(edited, statement);
                if (modifier.restricted()) {
                    replacements = new ArrayList<>(replacements);
                    replacements.add(0, statement);
                }
                reader.collector(statement.start().path()).replace(statement, replacements);
                next.addAll(replacements);
            }
            result = next;
        }
        return result;
    }

    /** {@code sql} split into statements whose every token stands where {@code original} starts. */
    private List<Statement> statementsOf(String sql, Statement original) {
        Token at = original.firstToken();
        return new StatementSplitter(original.dialect(), reader.placeholders())
                .split(original.start().path(), sql, 0, sql.length(), 1, 1, original.context()).statements().stream()
                .map(s -> new Statement(s.sql(), original.start(), s.tokens().stream()
                        .map(t -> new Token(t.type(), t.text(), at.offset(), at.line(), at.column())).toList(),
                        original.context(), original.dialect(), s.container(), null, s.runtimeSql()))
                .toList();
    }

    private List<Statement> rollback(ChangeNode changeSet, String label) {
        StatementContext context = new StatementContext(StatementContext.Kind.ROLLBACK, label + " rollback",
                databases);
        List<Statement> statements = new ArrayList<>();
        Optional<TextRegion> scalar = Optional.ofNullable(changeSet.attributeRegions().get("rollback"));
        if (scalar.isPresent()) {
            statements.addAll(out.add(new SqlRegionSplitter(dialect, reader.placeholders())
                    .split(path, scalar.get(), null, context)));
        }
        for (ChangeNode rollback : changeSet.children()) {
            if (!rollback.name().equals("rollback")) {
                continue;
            }
            if (rollback.textRegion() != null || rollback.attributeRegions().containsKey("sql")) {
                ChangeNode asSql = new ChangeNode("sql", rollback.line(), rollback.column(), rollback.offset(),
                        rollback.attributes(), rollback.attributeRegions(), rollback.text(), rollback.textRegion(),
                        List.of(), List.of());
                statements.addAll(change(asSql, context));
            }
            for (ChangeNode change : rollback.children()) {
                if (!change.name().equals("comment")) {
                    statements.addAll(change(change, context));
                }
            }
        }
        return statements;
    }

    /** Places {@code -- text} at column 1 of each statement's first line, where inline comments are matched. */
    private void acknowledge(String text, List<Statement> statements) {
        if (text == null || text.isBlank()) {
            return;
        }
        String flattened = "-- " + text.strip().replaceAll("\\s+", " ");
        if (text.contains(FILE_WIDE)) {
            // A file-wide acknowledgement must stand before the first statement: line 1 is.
            out.addComment(new Token(TokenType.COMMENT, flattened, 0, 1, 1));
            return;
        }
        // Statements of an sqlFile live in that file's script: their acknowledgement goes there too.
        Map<String, Set<Integer>> done = new HashMap<>();
        for (Statement statement : statements) {
            String file = statement.start().path();
            int line = statement.start().line();
            if (done.computeIfAbsent(file, f -> new HashSet<>()).add(line)) {
                reader.collector(file).addComment(new Token(TokenType.COMMENT, flattened,
                        statement.firstToken().offset(), line, 1));
            }
        }
    }
}
