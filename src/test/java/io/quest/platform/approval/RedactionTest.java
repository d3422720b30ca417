package io.quest.platform.approval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedactionTest {

    /** The secrets written into the diagnostic of {@code cases/secret-in-diagnostic.json}. */
    private static final List<String> SECRETS = List.of("Sup3rS3cret!", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "AKIAIOSFODNN7EXAMPLE", "MIIEowIBAAKCAQEAexamplekeymaterial");

    @TempDir
    Path dir;

    @Test
    void aSecretInAnErrorDiagnosticReachesNoReport() {
        GateReport report = GateTestSupport.review(Fixtures.preview("cases/secret-in-diagnostic.json"));
        assertThat(Fixtures.text("cases/secret-in-diagnostic.json")).contains(SECRETS);

        for (ReportFormat format : ReportFormat.values()) {
            String rendered = format.render(report);
            assertThat(rendered).as(format.name()).contains("engine error: creating RDS DB Instance (dev-data-db)")
                    .contains(Redaction.REDACTED);
            for (String secret : SECRETS) {
                assertThat(rendered).as(format.name()).doesNotContain(secret);
            }
        }
        assertThat(report.exitCode()).isEqualTo(3);
    }

    @Test
    void theGateCommandPrintsNoSecretInAnyFormat() throws IOException {
        Path preview = Files.writeString(dir.resolve("p.json"), Fixtures.text("cases/secret-in-diagnostic.json"));
        for (String format : List.of("text", "markdown", "json")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = new CommandLine(new GateCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                    .execute(preview.toString(), "--stack", "dev", "--production", "false", "--format", format);

            assertThat(code).isEqualTo(3);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).isNotEmpty();
            SECRETS.forEach(secret -> assertThat(printed).as(format).doesNotContain(secret));
        }
    }

    @Test
    void aSecretInMalformedInputDoesNotReachTheErrorMessage() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"steps\": [ghp_0123456789abcdefghijklmnopqrstuvwxyz]}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new CommandLine(new GateCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(broken.toString(), "--stack", "dev", "--production", "false");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not JSON").doesNotContain("ghp_0123456789");
    }

    @Test
    void aParseErrorCarriesNoSecretWhoeverPrintsIt() {
        String urn = "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b";
        assertThatThrownBy(() -> PreviewParser.parse("{\"steps\": [{\"op\": \"create\", \"urn\":"
                + " \"https://deploy:hunter2hunter2@example.com\"}]}", "p.json"))
                .isInstanceOf(PreviewFormatException.class)
                .hasMessageContaining("https://deploy:[redacted]@example.com")
                .message().doesNotContain("hunter2");
        assertThat(PreviewParser.parse("{\"steps\": [{\"op\": \"create\", \"urn\": \"" + urn + "\"}]}", "p.json")
                .changes()).singleElement().satisfies(c -> assertThat(c.urn().value()).isEqualTo(urn));
    }

    @Test
    void recognisesCredentialsAndKeepsWhatSaysWhere() {
        assertThat(Redaction.redact("failed: {\"password\":\"hunter2\",\"user\":\"quest\"}"))
                .isEqualTo("failed: {\"password\":\"[redacted]\",\"user\":\"quest\"}");
        assertThat(Redaction.redact("GET https://ci:tok3n@git.example.com/repo failed"))
                .isEqualTo("GET https://ci:[redacted]@git.example.com/repo failed");
        assertThat(Redaction.redact("header Authorization: Bearer abc.def.ghi123 rejected"))
                .doesNotContain("abc.def.ghi123");
        assertThat(Redaction.redact("token pul-0123456789abcdef0123456789abcdef01234567 expired"))
                .doesNotContain("pul-0123456789abcdef");
        assertThat(Redaction.redact("DB_PASSWORD=p4ss; API_KEY: k3y")).isEqualTo("DB_PASSWORD=[redacted]; API_KEY: [redacted]");
    }

    @Test
    void leavesUrnsTypesAndOrdinaryTextAlone() {
        String text = "resource \"urn:pulumi:dev::p::aws:secretsmanager/secret:Secret::db-password\" cannot be deleted"
                + " because it is protected; digest 79c3924b1222015def0b3e7433dc8b7c2d7ff8d957b498e8e0d41e11426685fc";

        assertThat(Redaction.redact(text)).isEqualTo(text);
        assertThat(Redaction.redact("the secret value is [secret]")).isEqualTo("the secret value is [secret]");
    }
}
