package io.quest.platform.aws;

import io.quest.platform.governance.LogArchivePolicies;
import io.quest.platform.iam.Principal;
import io.quest.platform.identity.PermissionsBoundary;
import io.quest.platform.identity.PlatformRole;
import io.quest.platform.logs.LogGroupName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({"eu-west-1,aws", "us-east-1,aws", "cn-north-1,aws-cn", "cn-northwest-1,aws-cn", "us-gov-west-1,aws-us-gov",
            "us-gov-east-1,aws-us-gov"})
    void a_region_belongs_to_its_partition(String region, String partition) {
        assertThat(Partition.of(region).id()).isEqualTo(partition);
    }

    @Test
    void arns_leave_empty_what_their_service_leaves_empty() {
        assertThat(Partition.CHINA.iam("111111111111", "role/x")).isEqualTo("arn:aws-cn:iam::111111111111:role/x");
        assertThat(Partition.GOV_CLOUD.awsManagedPolicy("ReadOnlyAccess")).isEqualTo("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess");
        assertThat(Partition.AWS.s3("bucket/*")).isEqualTo("arn:aws:s3:::bucket/*");
        assertThat(Partition.AWS.arn("logs", "eu-west-1", "111111111111", "log-group:/x")).isEqualTo("arn:aws:logs:eu-west-1:111111111111:log-group:/x");
    }

    @Test
    void a_govcloud_platform_writes_govcloud_arns_in_its_policies() {
        String boundary = PermissionsBoundary.document(Partition.GOV_CLOUD, "111111111111", List.of("us-gov-west-1"), "bootstrap").toJson();
        String archiveKey = LogArchivePolicies.keyPolicy(Partition.GOV_CLOUD, "111111111111", List.of("222222222222")).toJson();
        String logGroup = LogGroupName.exactly("/quest/dev/service").arnCondition("111111111111", "us-gov-west-1");

        assertThat(List.of(boundary, archiveKey, logGroup)).allSatisfy(text -> assertThat(text)
                .doesNotContain("arn:aws:")
                .contains("arn:aws-us-gov:"));
        assertThat(Principal.account(Partition.CHINA, "111111111111").id()).isEqualTo("arn:aws-cn:iam::111111111111:root");
        assertThat(PlatformRole.DEPLOYER.arn(Partition.CHINA, "111111111111")).startsWith("arn:aws-cn:iam::111111111111:role/");
    }

    /**
     * No component, policy or config class writes an ARN of one partition by hand: an {@code "arn:aws:} string
     * literal in the program's sources is refused. The offline planner's mock cloud (package plan) answers as the
     * commercial partition does and may; comments and messages that show an example are not string literals
     * starting an ARN.
     */
    @Test
    void no_source_outside_the_mock_cloud_hand_writes_an_arn_of_the_commercial_partition() throws IOException {
        Pattern literal = Pattern.compile("\"arn:aws:");
        Path sources = Path.of("src/main/java/io/quest/platform");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files
                    .filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(sources.resolve("plan")))
                    .filter(f -> {
                        try {
                            return literal.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }
}
