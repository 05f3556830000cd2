package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
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
 * knows them before any change runs), then changesets, includes and includeAlls in document order.
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
            "changes", "tagDatabase", "output", "stop", "empty", "customChange", "executeCommand");

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
        List<Statement> statements = new ArrayList<>();
        for (ChangeNode change : changesOf(changeSet)) {
            statements.addAll(change(change, context));
        }
        if (reader.options().rollbacks() != ScriptMode.SKIP) {
            statements.addAll(rollback(changeSet, label));
        }
        changeSet.value("comment").ifPresent(comment -> acknowledge(comment, statements));
        changeSet.comments().forEach(comment -> acknowledge(comment, statements));
    }

    private static List<ChangeNode> changesOf(ChangeNode changeSet) {
        Optional<ChangeNode> changes = changeSet.child("changes");
        if (changes.isPresent()) {
            return changes.get().children();
        }
        return changeSet.children().stream().filter(c -> !NOT_CHANGES.contains(c.name())).toList();
    }

    private List<Statement> change(ChangeNode change, StatementContext context) {
        List<Statement> statements = translator.translate(change, context);
        change.comments().forEach(comment -> acknowledge(comment, statements));
        if (change.name().equals("sql")) {
            change.child("comment").map(ChangeNode::text).ifPresent(comment -> acknowledge(comment, statements));
        }
        return statements;
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
