package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Report paths name files from the top of the build, whichever way they are worked out. */
class ReactorRootTest {

    private static final List<String> PATHS = List.of("V1__a.sql", "db/migration/V1__a.sql", "db/./V1.sql",
            "db/../V1.sql", "../shared/V1.sql", "db//V1.sql", "/elsewhere/V1.sql", "db\\V1.sql", "pom.xml", "C:/x.sql",
            "");

    @Test
    void aProjectAtTheRootKeepsItsPaths() {
        UnaryOperator<String> rebased = ReactorRoot.rebasing(Path.of("/work/app"), Path.of("/work/app"));

        assertEquals("db/migration/V1__a.sql", rebased.apply("db/migration/V1__a.sql"));
        assertSameAsOneByOne(Path.of("/work/app"), Path.of("/work/app"));
    }

    @Test
    void aModuleGainsItsPathUnderTheRoot() {
        UnaryOperator<String> rebased = ReactorRoot.rebasing(Path.of("/work/app/modules/billing"), Path.of("/work/app"));

        assertEquals("modules/billing/db/V1__a.sql", rebased.apply("db/V1__a.sql"));
        assertSameAsOneByOne(Path.of("/work/app/modules/billing"), Path.of("/work/app"));
    }

    @Test
    void aProjectOutsideTheRootIsWorkedOutPathByPath() {
        assertSameAsOneByOne(Path.of("/work/other"), Path.of("/work/app"));
        assertSameAsOneByOne(Path.of("/work/app"), Path.of("/work/app/modules"));
    }

    private static void assertSameAsOneByOne(Path project, Path root) {
        UnaryOperator<String> rebased = ReactorRoot.rebasing(project, root);
        for (String path : PATHS) {
            assertEquals(ReactorRoot.rebased(path, project, root), rebased.apply(path), path);
        }
    }
}
