package io.quest.platform.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** README's package table lists every package of the program, so a new one cannot go unexplained. */
class ReadmePackagesTest {

    @Test
    void the_package_table_lists_every_main_package() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("| package | what it holds |"));
        table = table.substring(0, table.indexOf("\n\n"));
        List<String> packages;
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/io/quest/platform"))) {
            packages = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }

        assertThat(packages).hasSizeGreaterThan(10);
        for (String name : packages) {
            assertThat(table).as("README's package table (under \"How it is built\") has a row for package " + name)
                    .contains("\n| `" + name + "` |");
        }
        assertThat(table).contains("\n| `io.quest.platform` |").contains("\n| `testing` (test jar) |");
    }
}
