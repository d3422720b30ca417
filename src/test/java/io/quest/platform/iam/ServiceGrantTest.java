package io.quest.platform.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements that admit an AWS service say so: trust a service, grant to a service, on behalf of an account. */
class ServiceGrantTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_service_trust_lets_only_that_service_assume_the_role_and_only_for_the_account() throws IOException {
        JsonNode statement = JSON.readTree(PolicyDocument.of(
                Statement.trustService("LogsAssume", ServicePrincipal.LOGS, Partition.CHINA).onBehalfOf("111111111111")).toJson())
                .path("Statement").get(0);

        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("logs.amazonaws.com.cn");
        assertThat(statement.path("Principal").size()).isEqualTo(1);
        assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").asText()).isEqualTo("111111111111");
        assertThat(statement.path("Resource").isMissingNode()).isTrue();
    }

    @Test
    void a_grant_to_a_service_names_its_actions_and_the_accounts_it_acts_for() {
        Statement grant = Statement.grantToService("TrailWrites", ServicePrincipal.CLOUDTRAIL, Partition.GOV_CLOUD, "s3:PutObject")
                .resources("arn:aws-us-gov:s3:::archive/*")
                .onBehalfOf("111111111111", "222222222222");

        assertThat(grant.principals()).containsExactly(Principal.service("cloudtrail.amazonaws.com"));
        assertThat(grant.actions()).containsExactly("s3:PutObject");
        assertThat(grant.condition("StringEquals", "aws:SourceAccount")).containsExactly("111111111111", "222222222222");
        assertThat(Statement.grantToService("KeyUse", Principal.regionalService(ServicePrincipal.LOGS, "cn-north-1"), "kms:Decrypt*")
                .principals()).containsExactly(Principal.service("logs.cn-north-1.amazonaws.com.cn"));
    }

    @Test
    void a_grant_to_a_service_refuses_a_principal_that_is_not_a_service() {
        assertThatThrownBy(() -> Statement.grantToService("Oops", Principal.account(Partition.AWS, "111111111111"), "s3:GetObject"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statement Oops: grantToService takes a service principal, got AWS principal 'arn:aws:iam::111111111111:root'");
    }

    /**
     * Every statement that admits an AWS service goes through {@link Statement#grantToService} or
     * {@link Statement#trustService}: no main source sets a {@code Principal.service(...)} on a statement by hand.
     */
    @Test
    void no_statement_in_the_program_admits_a_service_by_hand() throws IOException {
        Path sources = Path.of("src/main/java/io/quest/platform");
        List<String> offenders = new ArrayList<>();
        int services = 0;
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = read(f);
                if (text.replaceAll("\\s+", "").contains(".principal(Principal.service(")) {
                    offenders.add(f.toString());
                }
                if (text.contains("Statement.trustService(") || text.contains("Statement.grantToService(")) {
                    services++;
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(services).as("sources that admit a service through the helpers").isGreaterThanOrEqualTo(14);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
