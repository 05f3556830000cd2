package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSqlParser is loaded only when a statement needs it: a run over plain migrations never loads its classes.
 * Each check runs the linter in a class loader of its own, so what other tests loaded does not count.
 */
class ParserLoadedOnDemandTest {

    private static final String PARSER = "net.sf.jsqlparser.parser.CCJSqlParser";

    /** A class loader over the test class path that says which classes it has loaded. */
    private static final class IsolatedLoader extends URLClassLoader {
        IsolatedLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean hasLoaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void plainMigrationsNeverLoadTheParser(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("V1__plain.sql"), "CREATE TABLE t (id INT);\nDELETE FROM orders WHERE id = 5;\n"
                + "UPDATE orders SET a = 1 WHERE b IN (1, 2);\nDELETE FROM sessions;\nALTER TABLE t DROP COLUMN c;\n"
                + "UPDATE orders SET a = u.a FROM users u WHERE orders.user_id = u.id;\n"
                + "ALTER TABLE o ADD CONSTRAINT f FOREIGN KEY (c) REFERENCES c (id) ON DELETE CASCADE;\n");
        try (IsolatedLoader loader = loader()) {
            Object result = lint(loader, project);
            assertNull(loader.hasLoaded(PARSER) ? PARSER : null, "JSqlParser was loaded for plain statements");
            assertEquals(0, result.getClass().getMethod("parsedStatements").invoke(result));
        }
    }

    @Test
    void aStatementTokensCannotSettleLoadsItAndIsCounted(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("V1__join.sql"), "DELETE FROM orders WHERE id = 5;\n"
                + "DELETE FROM sessions USING users WHERE sessions.user_id = users.id;\n"
                + "UPDATE orders SET total = l.sum FROM lines l JOIN products p ON p.id = l.product_id;\n");
        try (IsolatedLoader loader = loader()) {
            Object result = lint(loader, project);
            assertNotNull(loader.hasLoaded(PARSER) ? PARSER : null);
            assertEquals(1, result.getClass().getMethod("parsedStatements").invoke(result));
        }
    }

    private static Object lint(ClassLoader loader, Path project) throws Exception {
        Class<?> configType = loader.loadClass("io.github.sqlguard.LintConfig");
        Object config = configType.getMethod("defaults", Path.class, List.class).invoke(null, project,
                List.of(project));
        Class<?> linterType = loader.loadClass("io.github.sqlguard.Linter");
        Object linter = linterType.getConstructor().newInstance();
        return linterType.getMethod("run", configType).invoke(linter, config);
    }

    private static IsolatedLoader loader() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return new IsolatedLoader(urls.toArray(URL[]::new));
    }
}
