package io.quest.platform.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md quotes test files that the build compiles and runs; a quote that drifts from its file fails. */
class ReadmeExampleTest {

    private static final Pattern QUOTE = Pattern.compile("<!-- quoted: (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void every_quoted_file_is_quoted_exactly_and_the_testing_example_is_one_of_them() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = QUOTE.matcher(readme);
        List<String> quoted = new ArrayList<>();
        while (m.find()) {
            Path file = Path.of(m.group(1));
            assertThat(file).as("README quotes " + file).exists();
            assertThat(m.group(2)).as("README's quote of " + file + " is the file, unchanged").isEqualTo(Files.readString(file));
            quoted.add(m.group(1));
        }
        assertThat(quoted).contains("src/test/java/com/example/artifacts/ArtifactBucketTest.java");
        int section = readme.indexOf("## Testing your own components");
        assertThat(section).isPositive();
        assertThat(readme.indexOf("<!-- quoted: src/test/java/com/example/artifacts/ArtifactBucketTest.java -->")).isGreaterThan(section);
    }
}
