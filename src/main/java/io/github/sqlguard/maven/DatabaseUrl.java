package io.github.sqlguard.maven;

import io.github.sqlguard.model.DatabaseDialects;
import io.github.sqlguard.model.Dialect;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A database URL the project gives the tool that runs its migrations, and where it was written, so that the build
 * log can say which setting decided the dialect.
 *
 * @param url the URL as the setting holds it, references resolved where they could be
 * @param origin where it was found, e.g. {@code spring.datasource.url in src/main/resources/application.properties}
 */
record DatabaseUrl(String url, String origin) {

    /**
     * The JDBC drivers' class names, by the database each connects to: a Spring Boot application whose URL comes from
     * the environment at deploy time ({@code ${DATABASE_URL}}) often still names the driver it loads. PostgreSQL's is
     * joined at run time: the plugin's jar relocates the driver it bundles, and with it every literal that names a
     * class in that package.
     */
    private static final Map<String, String> DRIVER_CLASSES = Map.ofEntries(
            Map.entry(String.join(".", "org", "postgresql", "Driver"), "postgresql"),
            Map.entry("com.impossibl.postgres.jdbc.PGDriver", "postgresql"), Map.entry("com.mysql.cj.jdbc.Driver",
                    "mysql"), Map.entry("com.mysql.jdbc.Driver", "mysql"), Map.entry("org.mariadb.jdbc.Driver",
                    "mariadb"), Map.entry("com.microsoft.sqlserver.jdbc.SQLServerDriver", "sqlserver"),
            Map.entry("net.sourceforge.jtds.jdbc.Driver", "sqlserver"), Map.entry("oracle.jdbc.OracleDriver",
                    "oracle"), Map.entry("oracle.jdbc.driver.OracleDriver", "oracle"), Map.entry("org.h2.Driver",
                    "h2"), Map.entry("org.sqlite.JDBC", "sqlite"));

    /**
     * The database a JDBC driver class connects to, as a setting that names it ({@link #named}); empty for a class
     * not known here (a pool's or a tracing wrapper's, which connects to whatever its URL says).
     */
    static Optional<DatabaseUrl> ofDriverClass(String className, String origin) {
        String database = className == null ? null : DRIVER_CLASSES.get(className.strip());
        return database == null ? Optional.empty() : Optional.of(named(database, origin));
    }

    /**
     * A setting that names its database rather than a URL to it (Prisma's {@code provider = "postgresql"}), read as
     * Liquibase's {@code offline:<database>} is.
     */
    static DatabaseUrl named(String database, String origin) {
        return new DatabaseUrl("offline:" + database, origin);
    }

    /**
     * The database the URL connects to, as its driver is named ({@code postgresql}, {@code db2}); empty for a
     * value that is no JDBC URL, or whose driver name is still a reference nothing resolved.
     */
    Optional<String> database() {
        String rest = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        if (rest.startsWith("jdbc:")) {
            rest = rest.substring("jdbc:".length());
        } else if (!rest.startsWith("offline:")) {
            // Liquibase's offline:<database> names a database without connecting; anything else is not a URL.
            return Optional.empty();
        } else {
            rest = rest.substring("offline:".length());
        }
        // Testcontainers (jdbc:tc:postgresql:16:///db) and jTDS (jdbc:jtds:sqlserver://) name the database next.
        for (String wrapper : new String[] {"tc:", "jtds:"}) {
            if (rest.startsWith(wrapper)) {
                rest = rest.substring(wrapper.length());
            }
        }
        int end = 0;
        while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '-'
                || rest.charAt(end) == '_')) {
            end++;
        }
        boolean complete = end == rest.length() || rest.charAt(end) == ':' || rest.charAt(end) == '?';
        return end > 0 && complete ? Optional.of(rest.substring(0, end)) : Optional.empty();
    }

    /**
     * The dialect of {@link #database()}; auto for a database sqlguard has no dialect for, and for no database. H2
     * in a compatibility mode ({@code jdbc:h2:mem:app;MODE=MySQL}) runs scripts written in that database's SQL
     * (backticks, {@code MODIFY}, {@code ::} casts), so the mode's dialect reads them, where sqlguard has one.
     */
    Dialect dialect() {
        Dialect dialect = database().map(DatabaseDialects::of).orElse(Dialect.AUTO);
        return dialect == Dialect.H2 ? h2Mode().orElse(Dialect.H2) : dialect;
    }

    private Optional<Dialect> h2Mode() {
        for (String setting : url.toLowerCase(Locale.ROOT).split(";")) {
            String[] nameAndValue = setting.strip().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].strip().equals("mode")) {
                String mode = nameAndValue[1].strip();
                return Optional.ofNullable(mode.equals("mssqlserver") ? Dialect.SQLSERVER : DatabaseDialects.of(mode))
                        .filter(dialect -> dialect != Dialect.AUTO);
            }
        }
        return Optional.empty();
    }

    /** The database as the log names it: the dialect's name where sqlguard has one, else the driver's. */
    String databaseName() {
        Dialect dialect = dialect();
        return dialect == Dialect.AUTO ? database().orElse("?") : dialect.configName();
    }
}
