package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.AttachedComment;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the {@code databaseChangeLog} tree of one XML, YAML or JSON file: properties first (Liquibase
 * knows them before any change runs), then changesets, includes and includeAlls in document order. A change
 * sqlguard cannot see into is reported ({@link UncheckedChanges}); a changeset's {@code modifySql} edits its
 * statements before the rules see them ({@link ModifiedStatements}).
 *
 * <p>Acknowledgements: a changeset's {@code <comment>} (YAML and JSON {@code comment:}), and an XML comment (or a
 * YAML {@code #} comment, see {@link YamlComments}) just before a {@code <changeSet>} or inside it before its
 * {@code <comment>}, {@code <preConditions>} or {@code <modifySql>}, are attached to all of the changeset's
 * statements, rollback included; one just before a change element (or a {@code <comment>} inside an
 * {@code <sql>}) to that change's statements; one before a {@code <rollback>} to the rollback's. Each is
 * {@link AttachedComment one comment}, used when it acknowledges a finding of any of its statements and reported
 * at its own position otherwise. A {@code sqlguard:allow-file} comment anywhere in the changelog covers the
 * changelog file.
 */
final class ChangeSetWalker {

    /** What may stand in a databaseChangeLog beside changesets and includes, none of it holding a change. */
    private static final Set<String> ROOT_ENTRIES_WITHOUT_CHANGES = Set.of("property", "preConditions",
            "removeChangeSetProperty", "logicalFilePath", "changeLogId", "objectQuotingStrategy");

    private final ChangelogReader reader;
    private final Path file;
    private final String path;
    /** The file is one changeSet that Solidbase wraps into a changelog, and which names itself by the file. */
    private final boolean loneChangeSet;
    private final Map<List<Object>, ChangeTranslator> translators = new HashMap<>();
    private ScriptCollector out;
    private Dialect stated;
    private Dialect dialect;
    /**
     * What an unchecked change (a customChange, an executeCommand) stands as for the replay alone: a call of code
     * that may write any column of any table.
     */
    private static final String UNSEEN_CODE_CALL = "CALL unseen_code()";

    /** Where the unchecked changes reported so far stand: a comment attached to one acknowledges its finding. */
    private final List<Location> uncheckedPlaces = new ArrayList<>();
    private DatabaseScope databases = DatabaseScope.ANY;
    /** The databases the changelog's own {@code preConditions} let its changesets run on (see {@link #walk}). */
    private Optional<String> changelogDbms = Optional.empty();

    ChangeSetWalker(ChangelogReader reader, Path file, String path, boolean loneChangeSet) {
        this.reader = reader;
        this.file = file;
        this.path = path;
        this.loneChangeSet = loneChangeSet;
    }

    void walk(ChangeNode changelog) {
        for (ChangeNode child : changelog.children()) {
            if (child.name().equals("property")) {
                property(child);
            }
        }
        out = reader.collector(path);
        // <databaseChangeLog><preConditions><dbms type="mysql"/></preConditions>: Liquibase checks it before any
        // changeset runs and halts the update (or, with onFail CONTINUE, passes over the changelog) elsewhere, so
        // the changesets written here, and those of the changelogs it includes, run on those databases only, as if
        // each named them in dbms.
        changelogDbms = PreconditionDbms.of(changelog).or(reader::includerDbms);
        changelog.comments().forEach(comment -> acknowledge(comment, "the databaseChangeLog element", List.of()));
        changelog.children().stream().filter(c -> !c.name().equals("changeSet")).forEach(c -> c.comments()
                .forEach(comment -> acknowledge(comment, "the " + c.name() + " at line " + c.line(), List.of())));
        SyntheticStatements synthetic = new SyntheticStatements(reader.options().dialect(), reader.placeholders());
        for (ChangeNode child : changelog.children()) {
            switch (child.name()) {
                case "changeSet" -> changeSet(child.withChangeSetItemsHoisted(), synthetic);
                case "include" -> include(child, "file", false, synthetic);
                case "includeAll" -> include(child, "path", true, synthetic);
                case "modifyChangeSets" -> modifiedIncludes(child, synthetic);
                default -> {
                    // properties were read above; preConditions of the whole changelog run no change
                    if (!ROOT_ENTRIES_WITHOUT_CHANGES.contains(child.name()) && holdsSomething(child)) {
                        unchecked(child, "databaseChangeLog holds '" + child.name() + "', which is not a changeSet, "
                                + "include or other entry Liquibase knows (misspelt?): Liquibase refuses or ignores "
                                + "it, or an extension runs it, and nothing in it was checked");
                    }
                }
            }
        }
    }

    /** The includes a {@code modifyChangeSets} wraps (to run their changesets with another executor) still run. */
    private void modifiedIncludes(ChangeNode modify, SyntheticStatements synthetic) {
        for (ChangeNode child : modify.children()) {
            switch (child.name()) {
                case "include" -> include(child, "file", false, synthetic);
                case "includeAll" -> include(child, "path", true, synthetic);
                default -> {
                    if (holdsSomething(child)) {
                        unchecked(child, "modifyChangeSets holds '" + child.name() + "', not an include or "
                                + "includeAll, and nothing in it was checked");
                    }
                }
            }
        }
    }

    /** True for an entry with settings or children of its own: one that could hold changes. */
    private static boolean holdsSomething(ChangeNode entry) {
        return !entry.children().isEmpty() || !entry.attributes().isEmpty();
    }

    /** Follows an include or includeAll; one that names nothing is refused by Liquibase, and reported. */
    private void include(ChangeNode include, String attribute, boolean folder, SyntheticStatements synthetic) {
        String target = synthetic.substitute(include.attributes().get(attribute));
        if (target == null || target.isBlank()) {
            reader.report(ChangelogFindings.includeWithoutTarget(path, include.line(), include.column(),
                    include.name(), attribute));
            return;
        }
        reader.includeLimitedTo(changelogDbms, file, path, Reference.of(include, target, folder));
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
                    .forEach((name, value) -> reader.defineProperty(name, value, attributes));
        } else if (attributes.containsKey("name")) {
            reader.defineProperty(attributes.get("name"), attributes.getOrDefault("value", ""), attributes);
        }
    }

    private void changeSet(ChangeNode changeSet, SyntheticStatements synthetic) {
        reader.countChangeset();
        if ("true".equalsIgnoreCase(synthetic.substitute(changeSet.attributes().getOrDefault("ignore", "")).strip())) {
            return; // ignore="true": Liquibase neither runs nor records the changeset
        }
        // Configured or named by a single dbms: the changeset's SQL files are read in it wherever they lie.
        String contexts = changeSet.attributes().getOrDefault("context", changeSet.attributes().get("contextFilter"));
        String dbms = Optional.ofNullable(changeSet.attributes().get("dbms")).filter(d -> !d.isBlank())
                .or(() -> PreconditionDbms.of(changeSet)).or(() -> changelogDbms)
                .or(() -> DbmsDialect.ofContext(contexts, changeSet.attributes().get("labels")))
                .map(LiquibaseDatabaseNames::withoutSlips).orElse(null);
        stated = DbmsDialect.of(dbms, reader.options().dialect());
        dialect = DbmsDialect.ofChangeSet(dbms, stated, path, reader.options());
        databases = DatabaseScope.of(dbms, contexts, changeSet.attributes().get("labels"));
        String plainLabel = ChangeSetLabel.of(synthetic.substitute(changeSet.attributes().getOrDefault("author", "")),
                synthetic.substitute(changeSet.attributes().getOrDefault("id", "")), changeSet.attributes());
        String limit = ChangeSetLabel.databaseLimit(ChangeSetLabel.limitWritten(changeSet.attributes(),
                path.endsWith(".xml") ? "%s=\"%s\"" : "%s: %s", PreconditionDbms.of(changeSet).isPresent(),
                changelogDbms.isPresent()), databases, reader.options());
        String label = plainLabel + limit;
        ChangelogFindings.unknownDbms(path, changeSet, label).ifPresent(reader::report);
        if (!loneChangeSet && synthetic.substitute(changeSet.attributes().getOrDefault("id", "")).isBlank()) {
            reader.report(ChangelogFindings.changeSetWithoutId(path, changeSet, label));
        }
        int firstUnchecked = uncheckedPlaces.size();
        ChangelogFindings.unknownPreconditionDbms(path, changeSet, label).forEach(reader::report);
        MisplacedChangeSetSettings.in(path, ChangeSetParts.writtenChanges(changeSet), label).forEach(reader::report);
        StatementContext context = new StatementContext(StatementContext.Kind.SCRIPT, label, databases);
        SyntheticStatements scoped = new SyntheticStatements(reader.options().dialect(),
                properties(context).placeholders());
        // A precondition requiring an empty table guards the changes below; only the guard check reads it.
        List<Statement> guards = new ArrayList<>();
        PreconditionGuardText.of(changeSet, scoped, dialect)
                .forEach(text -> scoped.schemaOnlyAt(text, path, changeSet, context).ifPresent(guards::add));
        // Preconditions the replay may decide: a changeset they surely fail runs nothing.
        PreconditionReplayText.of(changeSet, scoped)
                .forEach(text -> scoped.schemaOnlyAt(text, path, changeSet, context).ifPresent(guards::add));
        guards.forEach(out::add);
        List<ModifySql> modifySql = ModifySql.of(changeSet, synthetic,
                (element, problem) -> unchecked(element, problem + " (" + label + ")"));
        List<Statement> statements = new ArrayList<>();
        for (ChangeNode change : ChangeSetParts.changesOf(changeSet)) {
            int before = out.size();
            List<Statement> ofChange = change(change, context);
            if (out.size() > before && ofChange.stream().allMatch(Statement::container)) {
                out.countReplayedChange(); // a createTable, an addForeignKeyConstraint: read, only by the replay
            }
            // An sqlFile is judged in its own script, where the changeset's preconditions hold too.
            ofChange.stream().filter(statement -> !guards.isEmpty() && !statement.start().path().equals(path))
                    .findFirst().ifPresent(first -> reader.collector(first.start().path()).precede(first, guards));
            statements.addAll(ofChange);
            if (!modifySql.isEmpty()) {
                // An insert runs nothing a rule looks for, until a modifySql rewrites it (INSERT to REPLACE).
                StatementContext where = DbmsDialect.scoped(change, context);
                statements.addAll(translator(properties(where)).generatedInsert(change, where));
            }
        }
        ModifiedStatements modified = new ModifiedStatements(reader, path);
        List<Statement> run = new ArrayList<>(modified.of(statements, modifySql, false, label));
        if (reader.options().rollbacks() != ScriptMode.SKIP) {
            List<Statement> rollback = modified.of(rollback(changeSet, ChangeSetLabel.rollback(plainLabel)
                    + limit), modifySql, true, label);
            run.addAll(rollback);
            changeSet.children().stream().filter(c -> c.name().equals("rollback")).forEach(c -> c.comments()
                    .forEach(comment -> acknowledge(comment, "the rollback of " + label, rollback)));
        }
        String target = label;
        List<Location> unchecked = List.copyOf(uncheckedPlaces.subList(firstUnchecked, uncheckedPlaces.size()));
        changeSet.value("comment").ifPresent(text -> acknowledge(text, ChangeSetParts.commentPosition(changeSet),
                target, run, unchecked));
        changeSet.comments().forEach(comment -> acknowledge(comment, target, run, unchecked));
        changeSet.children().stream()
                .filter(c -> ChangeSetParts.NOT_CHANGES.contains(c.name()) && !c.name().equals("rollback"))
                .forEach(c -> c.comments().forEach(comment -> acknowledge(comment, target, run, unchecked)));
    }

    private List<Statement> change(ChangeNode change, StatementContext context) {
        Dialect changeSetStated = stated;
        Dialect changeSetDialect = dialect;
        // A change's own single dbms (<sql dbms="mssql">) names the database its SQL is written for.
        stated = DbmsDialect.of(change.attributes().get("dbms"), stated);
        dialect = stated == changeSetStated ? dialect : stated;
        try {
            return changeInDialect(change, context);
        } finally {
            stated = changeSetStated;
            dialect = changeSetDialect;
        }
    }

    private List<Statement> changeInDialect(ChangeNode change, StatementContext context) {
        if (change.name().equals(ChangeNode.PROPERTIES_BESIDE_CHANGE)) {
            reader.report(ChangelogFindings.propertiesBesideChange(path, change, context.label()));
            return List.of();
        }
        List<String> missing = RequiredChangeSettings.missingFrom(change);
        if (!missing.isEmpty()) {
            reader.report(ChangelogFindings.missingChangeSettings(path, change, missing, context.label()));
            return List.of();
        }
        int firstUnchecked = uncheckedPlaces.size();
        UncheckedChanges.reason(change).ifPresent(reason -> unchecked(change, reason + " (" + context.label() + ")"));
        ChangelogFindings.unknownDbms(path, change, "its " + change.name() + " (" + context.label() + ")")
                .ifPresent(reader::report);
        RunProperties properties = properties(DbmsDialect.scoped(change, context));
        String used = change.allText();
        List<PropertyAlternatives.Alternative> limitedFirsts = properties.limitedFirstsReferencedBy(used);
        List<PropertyAlternatives.Alternative> others = properties.alternativesReferencedBy(used);
        StatementContext judged = limitedFirsts.isEmpty() ? context : new StatementContext(context.kind(),
                PropertyAlternatives.labelWith(context.label(), limitedFirsts), PropertyAlternatives.narrowed(
                        context.databases(), limitedFirsts.get(0), limitedFirsts, others));
        List<Statement> statements = new ArrayList<>(
                translator(properties).translate(change, DbmsDialect.scoped(change, judged)));
        if (uncheckedPlaces.size() > firstUnchecked) {
            // Code sqlguard cannot see may write any column: the replay's guards learn of it as of a routine call.
            new SyntheticStatements(reader.options().dialect(), properties.placeholders())
                    .schemaOnlyAt(UNSEEN_CODE_CALL, path, change, context).ifPresent(call -> {
                        out.add(call);
                        statements.add(call);
                    });
        }
        statements.addAll(withAlternativeProperties(change, context, properties, statements, limitedFirsts, others));
        String target = "the " + change.name() + " at line " + change.line();
        List<Location> unchecked = List.copyOf(uncheckedPlaces.subList(firstUnchecked, uncheckedPlaces.size()));
        change.comments().forEach(comment -> acknowledge(comment, target, statements, unchecked));
        if (change.name().equals("sql")) {
            change.child("comment").filter(c -> c.text() != null).ifPresent(comment -> acknowledge(comment.text(),
                    comment.textRegion() == null ? new int[] {comment.line(), comment.column()}
                            : ChangeSetParts.firstNonBlank(comment.textRegion()), target, statements));
        }
        return statements;
    }

    /**
     * The statements {@code change} runs where a property it uses takes another value than its first
     * definition's (see {@link PropertyAlternatives}), those that differ from {@code statements}; each names
     * the value it was judged with; an {@code sqlFile} path that takes another value names another file to read.
     * {@code alternatives} are those of the properties {@code change} uses.
     */
    private List<Statement> withAlternativeProperties(ChangeNode change, StatementContext context,
            RunProperties properties, List<Statement> statements, List<PropertyAlternatives.Alternative> firsts,
            List<PropertyAlternatives.Alternative> alternatives) {
        if (alternatives.isEmpty()) {
            return List.of();
        }
        SharedRenditionStatements shared = new SharedRenditionStatements(reader::collector, statements);
        DatabaseScope everywhere = DbmsDialect.scoped(change, context).databases();
        List<Statement> added = new ArrayList<>();
        String filePath = change.attributes().get("path");
        for (PropertyAlternatives.Alternative alternative : alternatives) {
            Placeholders placeholders = properties.placeholdersWith(alternative);
            SyntheticStatements synthetic = new SyntheticStatements(dialect, placeholders);
            boolean otherFile = filePath != null && !synthetic.substitute(filePath)
                    .equals(new SyntheticStatements(dialect, properties.placeholders()).substitute(filePath));
            List<Statement> ran = new ArrayList<>();
            ChangeTranslator alternate = new ChangeTranslator(path, synthetic, new SqlRegionSplitter(dialect,
                    placeholders), new ScriptCollector(path, ran), otherFile ? new SqlFileReader(reader,
                    file, path, synthetic, dialect, stated == Dialect.AUTO, placeholders) : (f, c) -> List.of());
            DatabaseScope runs = PropertyAlternatives.narrowed(context.databases(), alternative, firsts, alternatives);
            StatementContext where = new StatementContext(context.kind(),
                    PropertyAlternatives.labelWith(context.label(), alternative), runs);
            List<Statement> translated = alternate.translate(change, DbmsDialect.scoped(change, where));
            for (Statement statement : otherFile ? translated : ran) {
                // Only the replay reads a schema change; where this value's run is followed on its own, it must.
                boolean schemaOnly = !otherFile && translated.stream().noneMatch(s -> s == statement);
                if (otherFile) {
                    added.add(statement); // it already joined the script of its own file
                } else if (schemaOnly ? !runs.equals(context.databases())
                        : shared.add(statement, everywhere, statements, added)) {
                    out.add(statement);
                    added.addAll(schemaOnly ? List.of() : List.of(statement));
                }
            }
        }
        return added;
    }

    /**
     * The properties as the runs of statements in {@code context} see them: those of the databases the changeset
     * (or change) names, else of the dialect it is read in.
     */
    private RunProperties properties(StatementContext context) {
        return reader.propertiesOn(DbmsDialect.propertyScope(context.databases(), dialect));
    }

    /** The translator of the current changeset's dialect that substitutes {@code properties}. */
    private ChangeTranslator translator(RunProperties properties) {
        Dialect chosen = dialect;
        boolean folderDecides = stated == Dialect.AUTO;
        return translators.computeIfAbsent(List.of(stated, properties.values()), key -> {
            SyntheticStatements statements = new SyntheticStatements(chosen, properties.placeholders());
            return new ChangeTranslator(path, statements, new SqlRegionSplitter(chosen, properties.placeholders()),
                    out, new SqlFileReader(reader, file, path, statements, chosen, folderDecides,
                            properties.placeholders()));
        });
    }

    private void unchecked(ChangeNode element, String message) {
        reader.report(ChangelogFindings.unchecked(path, element.line(), element.column(), message));
        uncheckedPlaces.add(new Location(path, element.line(), element.column()));
    }

    /** The statements of {@code changeSet}'s rollback, whose findings name it {@code rollbackLabel}. */
    private List<Statement> rollback(ChangeNode changeSet, String rollbackLabel) {
        StatementContext context = new StatementContext(StatementContext.Kind.ROLLBACK, rollbackLabel, databases);
        List<Statement> statements = new ArrayList<>();
        Optional<TextRegion> scalar = Optional.ofNullable(changeSet.attributeRegions().get("rollback"));
        if (scalar.isPresent()) {
            statements.addAll(out.add(new SqlRegionSplitter(dialect, properties(context).placeholders())
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

    private void acknowledge(NodeComment comment, String target, List<Statement> statements) {
        acknowledge(comment, target, statements, List.of());
    }

    private void acknowledge(NodeComment comment, String target, List<Statement> statements,
            List<Location> uncheckedElements) {
        acknowledge(comment.text(), new int[] {comment.line(), comment.column()}, target, statements,
                uncheckedElements);
    }

    /**
     * Attaches {@code text}, written at {@code at} (line, column) of this changelog, to {@code statements}, which
     * may lie in an sqlFile's script; {@code target} names what it is attached to, for messages.
     */
    private void acknowledge(String text, int[] at, String target, List<Statement> statements) {
        acknowledge(text, at, target, statements, List.of());
    }

    /** As above, also acknowledging the unchecked changes that stand at {@code uncheckedElements}. */
    private void acknowledge(String text, int[] at, String target, List<Statement> statements,
            List<Location> uncheckedElements) {
        if (text == null || text.isBlank()) {
            return;
        }
        String flattened = "-- " + text.strip().replaceAll("\\s+", " ");
        out.attach(new AttachedComment(path, new Token(TokenType.COMMENT, flattened, 0, at[0], at[1]), target,
                statements, uncheckedElements));
    }
}
