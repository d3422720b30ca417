package io.quest.platform.aws;

import io.quest.platform.logs.LogAggregationPolicies;
import io.quest.platform.logs.LogGroupKeyPolicy;
import io.quest.platform.logs.LogGroupName;
import io.quest.platform.state.StatePolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Service principals as each partition spells them (hashicorp/terraform-provider-aws
 * internal/service/meta/service_principal_data_source.go at 2121ce77b821f5cf1aa353b5216d487505a9d78d, read 2026-12-02).
 */
class ServicePrincipalTest {

    /** A string literal that ends in the commercial or China DNS suffix, not behind an escaped quote. */
    private static final Pattern HAND_WRITTEN = Pattern.compile("[^\\\\]amazonaws\\.com(\\.cn)?\"");

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({
            "logs,aws,logs.amazonaws.com",
            "logs,aws-cn,logs.amazonaws.com.cn",
            "codedeploy,aws-cn,codedeploy.amazonaws.com.cn",
            "elasticmapreduce,aws-cn,elasticmapreduce.amazonaws.com.cn",
            "ecs-tasks,aws-cn,ecs-tasks.amazonaws.com",
            "cloudtrail,aws-cn,cloudtrail.amazonaws.com",
            "logging.s3,aws-cn,logging.s3.amazonaws.com",
            "logs,aws-us-gov,logs.amazonaws.com",
            "elasticmapreduce,aws-us-gov,elasticmapreduce.amazonaws.com",
            "vpc-flow-logs,aws-us-gov,vpc-flow-logs.amazonaws.com"})
    void a_service_principal_takes_the_china_suffix_only_for_the_services_aws_spells_so(String service, String partition,
                                                                                          String principal) {
        Partition p = Partition.of(switch (partition) {
            case "aws-cn" -> "cn-north-1";
            case "aws-us-gov" -> "us-gov-west-1";
            default -> "eu-west-1";
        });
        assertThat(p.id()).isEqualTo(partition);
        assertThat(p.servicePrincipal(service)).isEqualTo(principal);
    }

    @Test
    void regional_principals_and_endpoints_carry_the_region_and_the_partitions_suffix() {
        assertThat(ServicePrincipal.LOGS.regional("eu-west-1")).isEqualTo("logs.eu-west-1.amazonaws.com");
        assertThat(ServicePrincipal.LOGS.regional("cn-northwest-1")).isEqualTo("logs.cn-northwest-1.amazonaws.com.cn");
        assertThat(ServicePrincipal.LOGS.regional("us-gov-east-1")).isEqualTo("logs.us-gov-east-1.amazonaws.com");
        assertThat(ServicePrincipal.ECS_TASKS.in("cn-north-1")).isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(Partition.CHINA.endpoint("s3", "cn-north-1")).isEqualTo("s3.cn-north-1.amazonaws.com.cn");
        assertThat(Partition.GOV_CLOUD.endpoint("secretsmanager", "us-gov-west-1")).isEqualTo("secretsmanager.us-gov-west-1.amazonaws.com");
    }

    @Test
    void policies_built_for_china_name_the_china_principals() {
        String trust = LogAggregationPolicies.logsTrustPolicy(Partition.CHINA, List.of("cn-north-1"), List.of("222222222222")).toJson();
        String key = LogGroupKeyPolicy.document("111111111111", "cn-north-1", LogGroupName.exactly("/quest/dev/service")).toJson();
        String state = StatePolicies.accessLogPolicy("arn:aws-cn:s3:::state-access-logs", "state/", "arn:aws-cn:s3:::state",
                "111111111111").toJson();

        assertThat(trust).contains("\"logs.amazonaws.com.cn\"").doesNotContain("\"logs.amazonaws.com\"");
        assertThat(key).contains("\"logs.cn-north-1.amazonaws.com.cn\"");
        assertThat(state).contains("\"logging.s3.amazonaws.com\"").contains("arn:aws-cn:s3:::state");
    }

    @Test
    void a_full_principal_or_an_unknown_partition_is_refused_with_what_was_given() {
        assertThatThrownBy(() -> Partition.AWS.servicePrincipal("logs.amazonaws.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'logs.amazonaws.com'")
                .hasMessageContaining("expected a service name");
        assertThatThrownBy(() -> Partition.ofArn("arn:aws-iso:s3:::bucket"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'arn:aws-iso:s3:::bucket'");
        assertThat(Partition.ofArn("arn:aws-us-gov:s3:::bucket")).isEqualTo(Partition.GOV_CLOUD);
        assertThat(Partition.ofArn("arn:aws-cn:s3:::bucket")).isEqualTo(Partition.CHINA);
    }

    /**
     * No component or policy writes a service principal or endpoint by hand: a string literal ending in
     * {@code amazonaws.com"} (or {@code .cn"}) is refused outside the partition model itself and the offline planner's
     * mock cloud (package plan), which answers as the commercial partition does. The one other literal is GitHub's OIDC
     * audience, which is what the CI workflow requests, not a principal. Comments ({@code {@code logs.amazonaws.com}})
     * and escaped quotes inside a filter pattern ({@code \"sts.amazonaws.com\"}) are not such literals.
     */
    @Test
    void no_source_outside_the_partition_model_hand_writes_a_service_principal() throws IOException {
        Pattern literal = HAND_WRITTEN;
        Path sources = Path.of("src/main/java/io/quest/platform");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(sources.resolve("plan")))
                    .filter(f -> !f.equals(sources.resolve("aws/Partition.java")))
                    .forEach(f -> {
                        try {
                            List<String> lines = Files.readAllLines(f);
                            for (int i = 0; i < lines.size(); i++) {
                                String line = lines.get(i);
                                Matcher m = literal.matcher(line);
                                if (m.find() && !line.contains("AUDIENCE = \"sts.amazonaws.com\"")) {
                                    offenders.add(f + ":" + (i + 1) + ": " + line.strip());
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void the_source_check_would_catch_a_hand_written_principal() {
        Pattern literal = HAND_WRITTEN;
        assertThat(literal.matcher("Principal.service(\"logs.amazonaws.com\")").find()).isTrue();
        assertThat(literal.matcher("\"logs.\" + region + \".amazonaws.com.cn\"").find()).isTrue();
        assertThat(literal.matcher("\"{ ($.eventSource = \\\"sts.amazonaws.com\\\") }\"").find()).isFalse();
        assertThat(literal.matcher("/** {@code logs.amazonaws.com} */").find()).isFalse();
    }
}
