package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the file of an {@code sqlFile} change and splits it with positions in that file; the file joins
 * the processed set so it is not checked a second time as a standalone script.
 */
final class SqlFileReader implements ChangeTranslator.SqlFileSource {

    private final ChangelogReader reader;
    private final Path changelog;
    private final String changelogPath;
    private final SyntheticStatements synthetic;
    private final Dialect dialect;
    private final boolean folderDecides;
    private final Placeholders placeholders;

    /**
     * @param dialect the dialect of the changeset
     * @param folderDecides whether a file in a folder named for a database is read in that database's dialect
     *     instead: true unless the build configured a dialect or the changeset's {@code dbms} names one database
     * @param placeholders the property values the file's SQL is judged with
     */
    SqlFileReader(ChangelogReader reader, Path changelog, String changelogPath, SyntheticStatements synthetic,
            Dialect dialect, boolean folderDecides, Placeholders placeholders) {
        this.placeholders = placeholders;
        this.dialect = dialect;
        this.folderDecides = folderDecides;
        this.reader = reader;
        this.changelog = changelog;
        this.changelogPath = changelogPath;
        this.synthetic = synthetic;
    }

    @Override
    public List<Statement> statementsOf(ChangeNode sqlFile, StatementContext context) {
        String target = synthetic.substitute(sqlFile.attributes().get("path"));
        // Liquibase fails on a missing sqlFile whatever the attributes say: it is always reported.
        Reference reference = new Reference(target, false, sqlFile.flag("relativeToChangelogFile", false), true,
                sqlFile.attributes().get("encoding"), sqlFile.line(), sqlFile.column(), true);
        Optional<Path> resolved = reader.resolve(changelog, changelogPath, reference);
        if (resolved.isEmpty()) {
            return List.of();
        }
        String relativePath = reader.relativePathFor(resolved.get());
        Optional<String> text = reader.readText(resolved.get(), relativePath,
                reader.charsetOf(reference, changelogPath));
        if (text.isEmpty()) {
            return List.of();
        }
        reader.markProcessed(resolved.get());
        reader.collector(relativePath).text(text.get());
        TextRegion whole = new TextRegion(text.get(), 0, text.get().length(), 1, 1);
        Dialect byFolder = folderDecides ? DbmsDialect.ofFile(relativePath, Dialect.AUTO) : Dialect.AUTO;
        return reader.collector(relativePath).add(new SqlRegionSplitter(byFolder == Dialect.AUTO ? dialect : byFolder,
                placeholders).split(relativePath, whole, sqlFile.attributes().get("endDelimiter"), context));
    }
}
