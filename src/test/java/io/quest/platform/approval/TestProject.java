package io.quest.platform.approval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a small Pulumi project (Pulumi.yaml and stack files given as YAML text) into a directory for a test. */
public final class TestProject {

    private TestProject() {
    }

    /** shared, dev and prod with default production rules, plus any extra stack files given. */
    public static Path write(Path dir, Map<String, String> extraStacks) {
        return write(dir, extraStacks, "");
    }

    /** As {@link #write(Path, Map)}, with more member accounts for the shared stack ({@code , staging: "444444444444"}). */
    public static Path write(Path dir, Map<String, String> extraStacks, String extraAccounts) {
        try {
            Files.writeString(dir.resolve("Pulumi.yaml"), "name: quest-platform\nruntime: java\n");
            Files.writeString(dir.resolve("Pulumi.shared.yaml"), stack("111111111111",
                    "  quest-platform:accounts: {shared: \"111111111111\", dev: \"222222222222\", prod: \"333333333333\"" + extraAccounts + "}\n"
                            + "  quest-platform:ciRepository: acme/quest-platform\n"));
            Files.writeString(dir.resolve("Pulumi.dev.yaml"), stack("222222222222", "  quest-platform:network: {cidr: 10.10.0.0/16}\n"));
            Files.writeString(dir.resolve("Pulumi.prod.yaml"), stack("333333333333", "  quest-platform:network: {cidr: 10.20.0.0/16}\n"));
            for (Map.Entry<String, String> extra : extraStacks.entrySet()) {
                Files.writeString(dir.resolve("Pulumi." + extra.getKey() + ".yaml"), extra.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String stack(String account, String extraLines) {
        return "config:\n  aws:region: eu-west-1\n  quest-platform:account: \"" + account + "\"\n" + extraLines;
    }
}
